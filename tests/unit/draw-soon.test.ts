import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drawSoon, LATEST_MS, QUIET_MS } from '../../components/draw-soon';

describe('a page draws storage changes once they settle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('draws a burst of changes once, a moment after the last', () => {
    const draw = vi.fn();
    const soon = drawSoon(draw);
    for (let change = 0; change < 5; change++) soon();
    vi.advanceTimersByTime(QUIET_MS - 1);
    expect(draw).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(draw).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(LATEST_MS);
    expect(draw).toHaveBeenCalledTimes(1);
  });

  it('still draws a steady stream of changes, at the latest a little after the first', () => {
    const draw = vi.fn();
    const soon = drawSoon(draw);
    for (let elapsed = 0; elapsed < LATEST_MS; elapsed += QUIET_MS / 2) {
      soon();
      vi.advanceTimersByTime(QUIET_MS / 2);
    }
    expect(draw).toHaveBeenCalledTimes(1);
    soon();
    vi.advanceTimersByTime(QUIET_MS);
    expect(draw).toHaveBeenCalledTimes(2);
  });
});

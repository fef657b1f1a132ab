import { describe, expect, it } from 'vitest';
import { coalescing } from '../../lib/model/async';

/** A task whose runs end one at a time, when the test says so. */
function gatedTask() {
  const gates: (() => void)[] = [];
  let runs = 0;
  const task = () => {
    runs++;
    return new Promise<void>((resolve) => gates.push(resolve));
  };
  const openNext = async () => {
    while (gates.length === 0) await Promise.resolve();
    gates.shift()!();
  };
  return { task, openNext, runs: () => runs };
}

describe('coalescing', () => {
  it('runs once more for any number of requests made during a run', async () => {
    const gated = gatedTask();
    const refresh = coalescing(gated.task);
    const first = refresh.run();
    const during = [refresh.run(), refresh.run(), refresh.run()];
    await gated.openNext();
    await gated.openNext();
    await Promise.all([first, ...during]);
    expect(gated.runs()).toBe(2);
    expect(refresh.busy).toBe(false);
  });

  it('lets a caller wait for the run under way without asking for another', async () => {
    const gated = gatedTask();
    const refresh = coalescing(gated.task);
    const first = refresh.run();
    const waited = refresh.settled();
    await gated.openNext();
    await Promise.all([first, waited]);
    expect(gated.runs()).toBe(1);
    await refresh.settled();
    expect(gated.runs()).toBe(1);
  });
});

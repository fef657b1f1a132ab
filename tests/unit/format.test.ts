import { describe, expect, it } from 'vitest';
import { localDayKey } from '../../lib/model/days';
import { formatDayLabel } from '../../lib/model/formatting';

describe('the day heading', () => {
  it('names the logical day: at 02:30 with the day starting at 04:00, still the day before', () => {
    // Thursday 26 November 2026, 02:30 on this machine's clock.
    const halfPastTwo = new Date(2026, 10, 26, 2, 30).getTime();
    expect(formatDayLabel(localDayKey(halfPastTwo, 4), 'en-US')).toBe('Wednesday, Nov 25');
    expect(formatDayLabel(localDayKey(halfPastTwo, 0), 'en-US')).toBe('Thursday, Nov 26');
  });

  it('is the same day in every time zone', () => {
    expect(formatDayLabel('2026-01-01', 'en-GB')).toBe('Thursday 1 Jan');
  });
});

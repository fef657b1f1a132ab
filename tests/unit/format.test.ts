import { describe, expect, it } from 'vitest';
import { localDayKey } from '../../lib/model/days';
import { daysFromToday, formatDayLabel, laterDayName } from '../../lib/model/formatting';

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

describe('a later day beside a time', () => {
  // Monday 7 December 2026, 10:00 on this machine's clock.
  const now = new Date(2026, 11, 7, 10).getTime();
  const inDays = (days: number, hour = 9) => new Date(2026, 11, 7 + days, hour, 30).getTime();

  it('counts calendar days, not hours: 23:59 tonight is today, 00:01 tomorrow is one', () => {
    expect(daysFromToday(new Date(2026, 11, 7, 23, 59).getTime(), now)).toBe(0);
    expect(daysFromToday(new Date(2026, 11, 8, 0, 1).getTime(), now)).toBe(1);
  });

  it('is a weekday within the coming week and a dated weekday beyond it', () => {
    expect(laterDayName(inDays(6), now, 'en-US')).toBe('Sun');
    expect(laterDayName(inDays(7), now, 'en-US')).toBe('Mon, Dec 14');
    expect(laterDayName(inDays(8), now, 'de')).toBe('Di., 15. Dez.');
  });
});

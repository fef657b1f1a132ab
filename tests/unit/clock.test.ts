import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClock, parseClock, parseClockList } from '../../lib/model/clock';

describe('clock times', () => {
  it('round-trip every minute of the day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1440 }), (minutes) => {
        expect(parseClock(formatClock(minutes))).toBe(minutes);
      }),
    );
  });

  it('read what people type and refuse the rest', () => {
    expect(parseClock('9:05')).toBe(545);
    expect(parseClock(' 24:00 ')).toBe(1440);
    for (const bad of ['24:01', '12:60', '1230', 'noon', '', '12:5'])
      expect(parseClock(bad)).toBeNaN();
  });

  it('read a list of times, sorted and without repeats', () => {
    expect(parseClockList('17:00, 11:00; 14:30 11:00')).toEqual([660, 870, 1020]);
    expect(parseClockList('11:00, later')).toBeUndefined();
    expect(parseClockList('')).toEqual([]);
  });
});

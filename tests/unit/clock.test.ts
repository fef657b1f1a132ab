import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatTime,
  parseClock,
  parseClockList,
  timeOfDay,
} from '../../lib/model/clock';

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

  it('write a time in the hour cycle of the locale, to the minute or the hour', () => {
    const afternoon = timeOfDay(14 * 60 + 30);
    expect(formatTime(afternoon, 'en-US')).toMatch(/^2:30\sPM$/);
    expect(formatTime(afternoon, 'en-GB')).toBe('14:30');
    expect(formatTime(timeOfDay(0), 'en-US')).toMatch(/^12:00\sAM$/);
    expect(formatTime(timeOfDay(0), 'de')).toBe('00:00');
    expect(formatTime(timeOfDay(9 * 60), 'en-US', 'hour')).toMatch(/^9\sAM$/);
    expect(formatTime(timeOfDay(18 * 60), 'en-GB', 'hour')).toBe('18');
  });

  it('read back every minute as a 12- or 24-hour locale writes it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1439 }),
        fc.constantFrom('en-US', 'en-GB', 'de', 'ko', 'hi'),
        (minutes, locale) => {
          expect(parseClock(formatTime(timeOfDay(minutes), locale), locale)).toBe(minutes);
        },
      ),
    );
  });

  it('read 12-hour times as people type them', () => {
    expect(parseClock('2:30 pm')).toBe(870);
    expect(parseClock('2 PM')).toBe(840);
    expect(parseClock('12:15 a.m.')).toBe(15);
    expect(parseClock('12 pm')).toBe(720);
    for (const bad of ['13:00 pm', '0:30 am', '9']) expect(parseClock(bad, 'en-US')).toBeNaN();
    expect(parseClockList('11:00 AM, 2:30\u202fPM; 17:00', 'en-US')).toEqual([660, 870, 1020]);
  });
});

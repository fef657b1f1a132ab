/**
 * Runs once per time zone (see vitest.config.ts projects): the rules must hold wherever the
 * browser is, including on the days a DST change skips or repeats an hour.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayKeyFromNumber,
  dayNumber,
  dayRange,
  daysBetween,
  isDayKey,
  isoWeekday,
  localDayKey,
  monthOf,
  weekStartNumber,
} from '../../lib/model/days';

const HOUR = 3_600_000;

/** An independent oracle: Intl's wall clock in the process's zone. */
function intlWallClock(instant: number) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/** Instants at which this zone's UTC offset changes during 2026. */
function offsetChanges(): number[] {
  const changes: number[] = [];
  const start = Date.UTC(2026, 0, 1);
  for (let t = start; t < Date.UTC(2027, 0, 1); t += HOUR) {
    if (new Date(t).getTimezoneOffset() !== new Date(t + HOUR).getTimezoneOffset())
      changes.push(t + HOUR);
  }
  return changes;
}

describe(`local days in ${process.env.TZ}`, () => {
  it('runs in the time zone the project asked for', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ);
  });

  it('has DST changes to test against', () => {
    expect(offsetChanges()).toHaveLength(2);
  });

  it('agrees with the wall clock, shifted by the start of day, for any instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2001, 0, 1), max: Date.UTC(2099, 0, 1) }),
        fc.integer({ min: 0, max: 6 }),
        (instant, startOfDay) => {
          const { date, hour } = intlWallClock(instant);
          const expected = hour < startOfDay ? addDays(date, -1) : date;
          expect(localDayKey(instant, startOfDay)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('puts every minute around each DST change on the right day', () => {
    for (const change of offsetChanges()) {
      for (let t = change - 6 * HOUR; t <= change + 6 * HOUR; t += 60_000) {
        const { date, hour } = intlWallClock(t);
        expect(localDayKey(t, 0)).toBe(date);
        expect(localDayKey(t, 4)).toBe(hour < 4 ? addDays(date, -1) : date);
      }
    }
  });

  it('counts 1 a.m. water for the evening before with a start of day of 4 h', () => {
    const oneAm = new Date(2026, 5, 10, 1, 0).getTime();
    expect(localDayKey(oneAm, 4)).toBe('2026-06-09');
    expect(localDayKey(oneAm, 0)).toBe('2026-06-10');
    expect(localDayKey(new Date(2026, 5, 10, 4, 0).getTime(), 4)).toBe('2026-06-10');
  });

  it('refuses a start of day outside 0-6 whole hours', () => {
    expect(() => localDayKey(0, 7)).toThrow(RangeError);
    expect(() => localDayKey(0, -1)).toThrow(RangeError);
    expect(() => localDayKey(0, 1.5)).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it('round-trips day numbers and keys', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_900_000 }), (day) => {
        expect(dayNumber(dayKeyFromNumber(day))).toBe(day);
      }),
    );
  });

  it('agrees with the calendar on leap years and month ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
  });

  it('tells valid day keys from invalid ones', () => {
    expect(isDayKey('2026-11-24')).toBe(true);
    for (const bad of [
      '2026-02-30',
      '2026-13-01',
      '26-11-24',
      '2026-1-24',
      '2026-11-24T00',
      20261124,
      '',
      'abcd-ef-gh',
      '1969-12-31',
    ]) {
      expect(isDayKey(bad)).toBe(false);
    }
    expect(() => dayNumber('2026/11/24')).toThrow(RangeError);
    expect(() => dayNumber('garbage!!!')).toThrow(RangeError);
  });

  it('knows weekdays, week starts, months and ranges', () => {
    expect(isoWeekday('2026-11-23')).toBe(1); // a Monday
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(dayKeyFromNumber(weekStartNumber(dayNumber('2026-11-29')))).toBe('2026-11-23');
    expect(monthOf('2026-11-24')).toBe('2026-11');
    expect(dayRange('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(dayRange('2026-01-02', '2026-01-01')).toEqual([]);
  });
});

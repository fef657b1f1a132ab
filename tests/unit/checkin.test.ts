import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  changeSinceStart,
  checkInSchema,
  checkInStreak,
  lengthIn,
  lengthToCm,
  measurementNames,
  seriesOf,
  smoothed,
  weekOf,
  weightIn,
  weightToKg,
  type CheckIn,
} from '../../lib/model/checkin';
import { addDays, dayKeyFromNumber, dayNumber } from '../../lib/model/days';

const checkIn = (week: string, more: Partial<CheckIn> = {}): CheckIn => ({
  week,
  updatedAt: Date.UTC(2026, 10, 24),
  lengthsCm: {},
  photos: [],
  ...more,
});

const problemOf = (input: unknown) => {
  const parsed = v.safeParse(checkInSchema, input);
  return parsed.success ? undefined : parsed.issues[0].message;
};

describe('a check-in', () => {
  it('takes every part as optional', () => {
    expect(problemOf(checkIn('2026-11-23'))).toBeUndefined();
    expect(
      problemOf(
        checkIn('2026-11-23', {
          weightKg: 80.4,
          lengthsCm: { waist: 86.5, 'upper arm': 34 },
          fit: 'looser',
          note: 'Belt one hole tighter',
          photos: ['front', 'back'],
        }),
      ),
    ).toBeUndefined();
  });

  it('refuses a waist of 5 m, a weight of 0 and other slips with a message', () => {
    expect(problemOf(checkIn('2026-11-23', { lengthsCm: { waist: 500 } }))).toBe(
      'checkin.invalid.length',
    );
    expect(problemOf(checkIn('2026-11-23', { weightKg: 0 }))).toBe('checkin.invalid.weight');
    expect(problemOf({ ...checkIn('2026-11-23'), fit: 'baggy' })).toBe('checkin.invalid.fit');
    expect(problemOf(checkIn('2026-11-23', { note: 'x'.repeat(281) }))).toBe(
      'checkin.invalid.note',
    );
    expect(problemOf(checkIn('2026-11-23', { lengthsCm: { '': 50 } }))).toBe(
      'checkin.invalid.measurementName',
    );
    expect(problemOf(checkIn('2026-11-23', { photos: ['front', 'front'] }))).toBe(
      'checkin.invalid.photos',
    );
    // Weeks are named by their Monday.
    expect(problemOf(checkIn('2026-11-24'))).toBe('checkin.invalid.week');
  });

  it('knows the Monday of any day', () => {
    expect(weekOf('2026-12-06')).toBe('2026-11-30');
    expect(weekOf('2026-11-30')).toBe('2026-11-30');
    fc.assert(
      fc.property(fc.integer({ min: 11_000, max: 80_000 }), (day) => {
        const week = dayNumber(weekOf(dayKeyFromNumber(day)));
        return (
          day - week >= 0 &&
          day - week < 7 &&
          weekOf(dayKeyFromNumber(week)) === dayKeyFromNumber(week)
        );
      }),
    );
  });
});

describe('units of a check-in', () => {
  it('stores what was typed in one unit and shows it back in the user unit', () => {
    expect(lengthToCm(34, 'in')).toBe(86.4);
    expect(lengthIn(86.4, 'in')).toBe(34);
    expect(weightToKg(180.4, 'lb')).toBe(81.83);
    expect(weightIn(81.83, 'lb')).toBe(180.4);
    expect(weightIn(81.83, 'kg')).toBe(81.8);
  });

  it('gives back any typed tenth after a round trip through storage', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 980 }), (tenths) => {
        const inches = tenths / 10;
        return lengthIn(lengthToCm(inches, 'in'), 'in') === inches;
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 700, max: 6600 }), (tenths) => {
        const pounds = tenths / 10;
        return weightIn(weightToKg(pounds, 'lb'), 'lb') === pounds;
      }),
    );
  });
});

describe('the weekly line', () => {
  const points = (values: number[], from = '2026-01-05') =>
    values.map((value, index) => ({ week: addDays(from, index * 7), value }));

  it('follows half of each week’s change, more after weeks without a check-in', () => {
    expect(smoothed(points([80, 78, 78])).map(({ value }) => value)).toEqual([80, 79, 78.5]);
    const gap = smoothed([
      { week: '2026-01-05', value: 80 },
      { week: '2026-01-26', value: 76 },
    ]);
    expect(gap[1]!.value).toBe(80 - 4 * (1 - 0.5 ** 3));
  });

  it('stays between the lowest and highest point so far, and flat on a flat series', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 30, max: 300, noNaN: true }), { minLength: 1 }),
        (values) => {
          const line = smoothed(points(values));
          return line.every(({ value }, index) => {
            const seen = values.slice(0, index + 1);
            return value >= Math.min(...seen) - 1e-9 && value <= Math.max(...seen) + 1e-9;
          });
        },
      ),
    );
    fc.assert(
      fc.property(fc.double({ min: 30, max: 300, noNaN: true }), fc.nat(30), (value, count) =>
        smoothed(points(Array(count + 1).fill(value))).every((point) => point.value === value),
      ),
    );
  });

  it('says the change since the first check-in', () => {
    expect(changeSinceStart(points([82, 81, 79.5]))).toBe(-2.5);
    expect(changeSinceStart(points([82]))).toBe(0);
  });

  it('takes a measurement from check-ins in week order, skipping weeks without it', () => {
    const checkIns = [
      checkIn('2026-11-30', { lengthsCm: { waist: 85 } }),
      checkIn('2026-11-16', { lengthsCm: { waist: 87, chest: 100 } }),
      checkIn('2026-11-23'),
    ];
    expect(seriesOf(checkIns, (one) => one.lengthsCm.waist)).toEqual([
      { week: '2026-11-16', value: 87 },
      { week: '2026-11-30', value: 85 },
    ]);
    expect(measurementNames(checkIns)).toEqual(['waist', 'chest']);
  });
});

describe('check-in streaks', () => {
  const never = () => false;

  it('counts weeks in a row, this week only once checked in', () => {
    const weeks = ['2026-11-09', '2026-11-16', '2026-11-23'];
    expect(checkInStreak(weeks, never, '2026-12-02')).toEqual({
      current: 3,
      best: 3,
      thisWeek: false,
    });
    expect(checkInStreak([...weeks, '2026-11-30'], never, '2026-12-02')).toEqual({
      current: 4,
      best: 4,
      thisWeek: true,
    });
  });

  it('breaks on a missed week and skips a week of time off', () => {
    const weeks = ['2026-11-02', '2026-11-16', '2026-11-23'];
    expect(checkInStreak(weeks, never, '2026-11-25').current).toBe(2);
    const offWeekOfNov9 = (day: string) => day >= '2026-11-09' && day <= '2026-11-15';
    expect(checkInStreak(weeks, offWeekOfNov9, '2026-11-25')).toEqual({
      current: 3,
      best: 3,
      thisWeek: true,
    });
    expect(checkInStreak([], never, '2026-11-25')).toEqual({
      current: 0,
      best: 0,
      thisWeek: false,
    });
  });

  it('never counts more weeks than were checked in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(60)), fc.func(fc.boolean()), (offsets, off) => {
        const weeks = offsets.map((offset) => addDays('2025-06-02', offset * 7));
        const streak = checkInStreak(weeks, (day) => off(day), '2026-08-05');
        return streak.current <= streak.best && streak.best <= weeks.length;
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeCoarseYear,
  decodeFullDays,
  encodeCoarseYear,
  encodeFullDays,
  RecordFormatError,
} from '../../lib/store/day-codec';
import { addDays, dayRange } from '../../lib/model/days';
import { effectiveGoals, DEFAULT_SETTINGS } from '../../lib/model/settings';
import { habitReports } from '../../lib/stats/streaks';
import { dayTotals, emptyDeviceDay, type DeviceDay } from '../../lib/stats/summary';
import { deviceDayArbitrary } from './arbitraries';

const MONTH = '2026-11';

describe('full daily records', () => {
  it('round-trip exactly', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 29 }), { maxLength: 30 }),
        fc.array(deviceDayArbitrary(77), { minLength: 30, maxLength: 30 }),
        fc.option(fc.constantFrom(2000, 2500), { nil: undefined }),
        (offsets, records, goal) => {
          const days = new Map(
            offsets.map((offset) => [addDays(`${MONTH}-01`, offset), records[offset]!]),
          );
          const expected = new Map(
            [...days].map(([day, record]) => {
              const copy: DeviceDay = { ...record };
              if (copy.waterGoalMl === undefined && goal !== undefined) copy.waterGoalMl = goal;
              return [day, copy];
            }),
          );
          expect(decodeFullDays(encodeFullDays(days, goal), MONTH, 77, goal)).toEqual(expected);
        },
      ),
    );
  });

  it('cost about 20 characters for a busy day', () => {
    const record: DeviceDay = {
      rev: 1,
      waterMl: 2750,
      sets: 15,
      volumeKg: 6400,
      workout: true,
      posture: 8,
      movement: 6,
      breathing: 3,
    };
    expect(encodeFullDays(new Map([['2026-11-24', record]]), 2500).length).toBeLessThanOrEqual(24);
  });

  it.each(['24', '24:1,2;xx', '31:1', '24:1,2,3,4,5,6,7,9', '24:ZZ'])(
    'refuse garbage (%s)',
    (text) => {
      expect(() => decodeFullDays(text, MONTH, 1, undefined)).toThrow(RecordFormatError);
    },
  );
});

describe('coarse years', () => {
  const year = 2025;
  const allDays = dayRange('2025-01-01', '2025-12-31');

  it('keep everything streaks need: goal met, counts up to their caps, workouts and rests', () => {
    fc.assert(
      fc.property(
        fc.array(deviceDayArbitrary(5), { minLength: 365, maxLength: 365 }),
        fc.constantFrom(1500, 2000, 2250),
        (records, goal) => {
          const days = new Map(allDays.map((day, index) => [day, records[index]!]));
          const decoded = decodeCoarseYear(encodeCoarseYear(year, days, goal), year, 5, goal);
          for (const [day, original] of days) {
            const back = decoded.get(day) ?? emptyDeviceDay(5);
            const originalMet = original.waterMl >= (original.waterGoalMl ?? goal);
            expect(back.waterMl >= (back.waterGoalMl ?? goal)).toBe(originalMet);
            expect(back.posture).toBe(Math.min(15, original.posture));
            expect(back.movement).toBe(Math.min(15, original.movement));
            expect(back.breathing).toBe(Math.min(7, original.breathing));
            expect(back.workout).toBe(original.workout);
            expect(back.rest).toBe(original.rest);
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it('give the same streaks as the full records', () => {
    fc.assert(
      fc.property(
        fc.array(deviceDayArbitrary(5), { minLength: 365, maxLength: 365 }),
        (records) => {
          const days = new Map(allDays.map((day, index) => [day, records[index]!]));
          const decoded = decodeCoarseYear(encodeCoarseYear(year, days, 2000), year, 5, 2000);
          const rules = { goals: effectiveGoals(DEFAULT_SETTINGS), nudgeFreeWeekdays: [] };
          const totals = (map: Map<string, DeviceDay>) =>
            new Map([...map].map(([day, record]) => [day, dayTotals({ d: record })]));
          const streaks = (map: Map<string, DeviceDay>) =>
            habitReports(totals(map), rules, '2025-12-31').map(({ habit, current, best }) => ({
              habit,
              current,
              best,
            }));
          expect(streaks(decoded)).toEqual(streaks(days));
        },
      ),
      { numRuns: 20 },
    );
  });

  it('cost four characters a day and nothing after the last day with data', () => {
    const days = new Map([
      [
        '2025-01-10',
        {
          rev: 1,
          waterMl: 2000,
          sets: 0,
          volumeKg: 0,
          workout: false,
          posture: 1,
          movement: 0,
          breathing: 0,
        },
      ],
    ]);
    expect(encodeCoarseYear(year, days, 2000)).toHaveLength(40);
    expect(encodeCoarseYear(year, new Map(), 2000)).toBe('');
  });

  it.each(['ABC', 'AB*D', 'A'.repeat(4 * 367)])('refuse garbage (%#)', (text) => {
    expect(() => decodeCoarseYear(text, year, 1, 2000)).toThrow(RecordFormatError);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeCoarseYear,
  decodeFullDays,
  encodeCoarseYear,
  encodeFullDays,
  RECORD_MIGRATIONS,
  RECORD_VERSION,
  recordLayout,
  RecordFormatError,
  upgradeCoarseYear,
  upgradeFullDays,
} from '../../lib/store/day-codec';
import { otherDaysFormat, ownDaysFormat } from '../../lib/store/items';
import { readSyncItems, SYNC_FORMAT_VERSION } from '../../lib/sync/plan';
import { addDays, dayRange } from '../../lib/model/days';
import { effectiveGoals, DEFAULT_SETTINGS } from '../../lib/model/settings';
import { habitReports } from '../../lib/stats/streaks';
import { HABIT_KINDS, storedFields } from '../../lib/model/habits';
import {
  dayTotals,
  emptyDeviceDay,
  type DeviceDay,
  type FieldValues,
} from '../../lib/stats/summary';
import { deviceDayArbitrary } from './arbitraries';

const MONTH = '2026-11';

/**
 * Each version of the daily records' format, as the layout it writes (`recordLayout`). Records
 * users keep, here and in other devices' sync items, are in these versions: a version is never
 * changed, a new layout is a new version.
 */
const RECORD_LAYOUTS: Record<number, string> = {
  1:
    'full waterMl,sets,volumeKg,workout,posture,movement,breathing,rest,goal; coarse 4 chars ' +
    'waterMl/20goal@18+6,sets@14+4,posture@10+4,movement@6+4,breathing@3+3,workout@2+1,rest@0+2',
};

const versionsFrom = (first: number) =>
  Array.from({ length: RECORD_VERSION - first + 1 }, (_, index) => first + index);

describe('the format of daily records', () => {
  it('is, in the version the records are written in, what the habit kinds lay out', () => {
    const layout = recordLayout();
    const next = RECORD_VERSION + 1;
    expect(
      layout,
      [
        `The habit kinds (lib/model/habits.ts) lay daily records out as`,
        `  ${layout}`,
        `but version ${RECORD_VERSION} of the records' format, which users' records and other`,
        `devices' sync items are kept in, is`,
        `  ${RECORD_LAYOUTS[RECORD_VERSION]}`,
        `Storing a field differently is a new version of the format:`,
        `1. set RECORD_VERSION to ${next} in lib/store/day-codec.ts, and pin the new layout as`,
        `   version ${next} in RECORD_LAYOUTS (tests/unit/day-codec.test.ts); never edit a version;`,
        `2. add RECORD_MIGRATIONS[${next}] in lib/store/day-codec.ts, turning the full and coarse`,
        `   text of version ${RECORD_VERSION} into version ${next} (a new field reads as 0);`,
        `3. give ownDaysFormat and otherDaysFormat (lib/store/items.ts) version ${next}, with a`,
        `   migration ${next} of their text through RECORD_MIGRATIONS[${next}].full (sync items`,
        `   follow by themselves);`,
        `4. bump TODAY_SNAPSHOT_VERSION (lib/store/first-paint.ts): the snapshot holds totals;`,
        `5. test that records of version ${RECORD_VERSION} read as before, with the new field 0.`,
      ].join('\n'),
    ).toBe(RECORD_LAYOUTS[RECORD_VERSION]);
  });

  it('keeps every version’s layout, and a migration to each version after the first', () => {
    expect(Object.keys(RECORD_LAYOUTS).map(Number)).toEqual(versionsFrom(1));
    expect(
      Object.keys(RECORD_MIGRATIONS).map(Number),
      'RECORD_MIGRATIONS (lib/store/day-codec.ts) needs one migration to each version after 1',
    ).toEqual(versionsFrom(2));
  });

  it('is the version of every item that holds records, here and in sync', () => {
    const message = (item: string) =>
      `${item} holds daily records: its version is RECORD_VERSION (${RECORD_VERSION}), and it ` +
      `migrates its text from older versions through upgradeFullDays (lib/store/day-codec.ts)`;
    expect(ownDaysFormat.version, message('ownDaysFormat (lib/store/items.ts)')).toBe(
      RECORD_VERSION,
    );
    expect(otherDaysFormat.version, message('otherDaysFormat (lib/store/items.ts)')).toBe(
      RECORD_VERSION,
    );
    expect(SYNC_FORMAT_VERSION).toBe(RECORD_VERSION);
  });

  it('upgrades text of the versions it knows, and refuses others', () => {
    expect(upgradeFullDays('24:1,2', RECORD_VERSION)).toBe('24:1,2');
    expect(upgradeCoarseYear('AAAB', RECORD_VERSION)).toBe('AAAB');
    for (const version of [0, 1.5, RECORD_VERSION + 1])
      expect(() => upgradeFullDays('24:1', version)).toThrow(RecordFormatError);
  });

  it('of a newer version in sync is skipped and reported, never misread', () => {
    const newer = { v: RECORD_VERSION + 1, t: 1, g: 2000, d: '24:9,9' };
    const view = readSyncItems({ [`m.devB2.${MONTH}`]: newer });
    expect(view.history).toEqual({});
    expect(view.foreign).toEqual([{ key: `m.devB2.${MONTH}`, reason: 'newerVersion' }]);
  });
});

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
      ...emptyDeviceDay(1),
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
  /** What the pinned layout of the current version (until it is pinned, the kinds') gives a day. */
  const pinned = RECORD_LAYOUTS[RECORD_VERSION] ?? recordLayout();
  const charsADay = Number(/coarse (\d+) chars/.exec(pinned)![1]);

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
            const was: FieldValues = original;
            const is: FieldValues = back;
            for (const field of storedFields(HABIT_KINDS).filter(({ coarse }) => coarse)) {
              const [before, after] = [was[field.name], is[field.name]];
              if (field.ofDayGoal) {
                const met = (record: DeviceDay, value: unknown) =>
                  (value as number) >= (record.waterGoalMl ?? goal);
                expect(met(back, after), field.name).toBe(met(original, before));
              } else if (field.type === 'count') {
                const cap = 2 ** field.coarse!.bits - 1;
                expect(after, field.name).toBe(Math.min(cap, before as number));
              } else expect(after, field.name).toBe(before);
            }
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

  it('cost the characters a day of their layout, and nothing after the last day with data', () => {
    const days = new Map([['2025-01-10', { ...emptyDeviceDay(1), waterMl: 2000, posture: 1 }]]);
    expect(encodeCoarseYear(year, days, 2000)).toHaveLength(10 * charsADay);
    expect(encodeCoarseYear(year, new Map(), 2000)).toBe('');
  });

  it.each(['ABC', 'AB*D', 'A'.repeat(charsADay * 367)])('refuse garbage (%#)', (text) => {
    expect(() => decodeCoarseYear(text, year, 1, 2000)).toThrow(RecordFormatError);
  });
});

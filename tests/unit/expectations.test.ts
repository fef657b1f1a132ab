import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayRange, type DayKey } from '../../lib/model/days';
import {
  expectationsOf,
  expectationsOn,
  periodOf,
  withChange,
  type Expectations,
} from '../../lib/model/expectations';
import {
  DEFAULT_SETTINGS,
  MAX_EXPECTATION_PERIODS,
  settingsSchema,
  type ExpectationPeriod,
} from '../../lib/model/settings';
import * as v from 'valibot';
import { waterProgress } from '../../lib/stats/progress';
import {
  expectedOn,
  habitReports,
  recentDays,
  type HabitId,
  type HabitRules,
} from '../../lib/stats/streaks';
import { emptyDayTotals, type DayTotals } from '../../lib/stats/summary';
import { itemBytes } from '../../lib/sync/plan';
import { settingsFormat, writeVersioned } from '../../lib/store/items';

// 2026-10-05 is a Monday.
const FIRST = '2026-10-05';
const DAYS = 70;
const HABITS: readonly HabitId[] = ['water', 'posture', 'movement', 'breathing', 'workout'];

const weekdays: Expectations = {
  goals: {
    waterMl: 2000,
    postureChecks: 2,
    movementBreaks: 1,
    breathingSessions: 1,
    workoutsPerWeek: 2,
  },
  nudgeFreeWeekdays: [6, 7],
};
const everyDay: Expectations = { ...weekdays, nudgeFreeWeekdays: [] };

describe('what earlier days expected', () => {
  it('keeps the expectations before a change until the day before it', () => {
    const past = withChange([], weekdays, everyDay, '2026-11-29');
    expect(past).toEqual([periodOf('2026-11-28', weekdays)]);
    expect(expectationsOn('2026-11-28', everyDay, past).nudgeFreeWeekdays).toEqual([6, 7]);
    expect(expectationsOn('2026-11-29', everyDay, past)).toBe(everyDay);
  });

  it('keeps a change that changes no expectation out of the periods', () => {
    expect(withChange([], weekdays, { ...weekdays }, '2026-11-29')).toEqual([]);
  });

  it('takes changes made on one day as one: the days before keep what they expected', () => {
    const first = withChange([], weekdays, everyDay, '2026-11-29');
    const second = withChange(
      first,
      everyDay,
      { ...weekdays, nudgeFreeWeekdays: [7] },
      '2026-11-29',
    );
    expect(second).toEqual(first);
  });

  it('folds the oldest period beyond the most kept, within one sync item', () => {
    let past: ExpectationPeriod[] = [];
    let current = weekdays;
    for (let index = 0; index < MAX_EXPECTATION_PERIODS + 5; index++) {
      const next: Expectations = {
        ...weekdays,
        goals: { ...weekdays.goals, waterMl: 1000 + (index % 2) * 3000 },
      };
      past = withChange(past, current, next, addDays('2026-01-01', 2 * index));
      current = next;
    }
    expect(past).toHaveLength(MAX_EXPECTATION_PERIODS);
    expect(past.at(-1)![0]).toBe(addDays('2026-01-01', 2 * (MAX_EXPECTATION_PERIODS + 4) - 1));
    // The largest settings the options allow, with every period: one item of sync.
    const busyDay = [0, 1, 2, 3].map((hour) => ({ from: hour * 300, to: hour * 300 + 299 }));
    const times = Array.from({ length: 12 }, (_, index) => index * 100);
    const kind = { enabled: true, mode: 'times' as const, everyMinutes: 480, times };
    const largest = v.parse(settingsSchema, {
      ...DEFAULT_SETTINGS,
      updatedAt: Date.UTC(2026, 10, 29),
      bodyWeightKg: 123.45,
      goals: { ...DEFAULT_SETTINGS.goals, waterMl: 2750 },
      cupsMl: [1250, 1500, 1750, 2000],
      nudges: {
        ...DEFAULT_SETTINGS.nudges,
        posture: kind,
        movement: kind,
        breathing: kind,
        water: kind,
        activeHours: Array.from({ length: 7 }, () => busyDay),
      },
      breakMoves: Array.from({ length: 40 }, (_, index) => `custom-move${index}abcdef`),
      pastExpectations: past.map((period) =>
        periodOf(period[0], {
          goals: {
            waterMl: 9900,
            postureChecks: 12,
            movementBreaks: 12,
            breathingSessions: 6,
            workoutsPerWeek: 7,
          },
          nudgeFreeWeekdays: [1, 2, 3, 4, 5, 6, 7],
        }),
      ),
    });
    expect(itemBytes('settings', writeVersioned(settingsFormat, largest))).toBeLessThan(8192);
  });

  it('refuses periods out of order or beyond what a day may expect', () => {
    const parse = (pastExpectations: unknown) =>
      v.safeParse(settingsSchema, { ...DEFAULT_SETTINGS, pastExpectations }).success;
    const period = periodOf('2026-11-01', weekdays);
    expect(parse([period, periodOf('2026-11-02', everyDay)])).toBe(true);
    expect(parse([periodOf('2026-11-02', everyDay), period])).toBe(false);
    expect(parse([period, period])).toBe(false);
    expect(parse([['2026-11-31', ...period.slice(1)]])).toBe(false);
    expect(parse([[...period.slice(0, 6), 1]])).toBe(false);
    expect(parse([[...period.slice(0, 2), 13, ...period.slice(3)]])).toBe(false);
  });

  it('reads the expectations of settings: the water goal resolved, the weekdays without hours', () => {
    const settings = { ...DEFAULT_SETTINGS, bodyWeightKg: 80 };
    expect(expectationsOf(settings)).toEqual({
      goals: { ...DEFAULT_SETTINGS.goals, waterMl: 2650 },
      nudgeFreeWeekdays: [6, 7],
    });
  });
});

const expectationsArbitrary: fc.Arbitrary<Expectations> = fc.record({
  goals: fc.record({
    waterMl: fc.integer({ min: 10, max: 60 }).map((fifties) => fifties * 50),
    postureChecks: fc.integer({ min: 0, max: 4 }),
    movementBreaks: fc.integer({ min: 0, max: 3 }),
    breathingSessions: fc.integer({ min: 0, max: 2 }),
    workoutsPerWeek: fc.integer({ min: 0, max: 7 }),
  }),
  nudgeFreeWeekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7]),
});

const dayArbitrary: fc.Arbitrary<DayTotals | undefined> = fc.option(
  fc
    .record({
      waterMl: fc.integer({ min: 0, max: 3000 }),
      posture: fc.integer({ min: 0, max: 5 }),
      movement: fc.integer({ min: 0, max: 4 }),
      breathing: fc.integer({ min: 0, max: 2 }),
      workout: fc.boolean(),
      rest: fc.option(fc.constantFrom('rest' as const, 'vacation' as const, 'sick' as const), {
        nil: undefined,
        freq: 6,
      }),
      waterGoalMl: fc.option(fc.constantFrom(1500, 2500), { nil: undefined }),
    })
    .map((fields) => ({ ...emptyDayTotals(), ...fields })),
  { nil: undefined, freq: 5 },
);

/** Every figure of a day: as of that day, its streaks, best and strength, and water's averages. */
function figuresAsOf(totals: Map<DayKey, DayTotals>, rules: HabitRules, day: DayKey) {
  return {
    reports: habitReports(totals, rules, day),
    water: waterProgress(totals, (of) => expectedOn(rules, of).goals.waterMl, day),
  };
}

/** Every habit's calendar cell of each day before `change`, as of `today`. */
function cellsBefore(
  totals: Map<DayKey, DayTotals>,
  rules: HabitRules,
  today: DayKey,
  change: DayKey,
) {
  const shown = dayRange(FIRST, addDays(change, -1)).length;
  return HABITS.map((habit) =>
    recentDays(habit, totals, rules, today, DAYS).slice(0, DAYS).slice(0, shown),
  );
}

describe('a past that settings cannot rewrite', () => {
  it('leaves every figure of every day before a change as it was', () => {
    fc.assert(
      fc.property(
        fc.array(dayArbitrary, { minLength: DAYS, maxLength: DAYS }),
        expectationsArbitrary,
        fc.array(fc.tuple(fc.integer({ min: 1, max: DAYS - 1 }), expectationsArbitrary), {
          minLength: 1,
          maxLength: 5,
        }),
        (days, first, changes) => {
          const totals = new Map<DayKey, DayTotals>();
          days.forEach((day, index) => day && totals.set(addDays(FIRST, index), day));
          totals.set(FIRST, totals.get(FIRST) ?? emptyDayTotals());
          const today = addDays(FIRST, DAYS - 1);
          let rules: HabitRules = { ...first, past: [] };
          const sorted = [...changes].sort(([a], [b]) => a - b);
          for (const [offset, next] of sorted) {
            const change = addDays(FIRST, offset);
            const after: HabitRules = {
              ...next,
              past: withChange(rules.past!, expectedOn(rules, change), next, change),
            };
            for (const day of dayRange(FIRST, addDays(change, -1)))
              expect(figuresAsOf(totals, after, day)).toEqual(figuresAsOf(totals, rules, day));
            for (const asOf of [change, today])
              expect(cellsBefore(totals, after, asOf, change)).toEqual(
                cellsBefore(totals, rules, asOf, change),
              );
            rules = after;
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps the Sunday case: past Sundays without active hours stay skipped', () => {
    const totals = new Map<DayKey, DayTotals>();
    for (const day of dayRange(FIRST, addDays(FIRST, 34)))
      totals.set(day, { ...emptyDayTotals(), breathing: 1 });
    for (let sunday = addDays(FIRST, 6); sunday <= addDays(FIRST, 34); sunday = addDays(sunday, 7))
      totals.set(sunday, emptyDayTotals());
    const today = addDays(FIRST, 35);
    const before: HabitRules = { ...weekdays, nudgeFreeWeekdays: [7] };
    const after: HabitRules = {
      ...everyDay,
      past: withChange([], before, everyDay, today),
    };
    const breathing = (rules: HabitRules) =>
      habitReports(totals, rules, today).find((report) => report.habit === 'breathing')!;
    expect(breathing(before)).toMatchObject({ current: 30, best: 30 });
    expect(breathing(after)).toMatchObject({ current: 30, best: 30, today: 'open' });
    expect(breathing({ ...everyDay, past: [] })).toMatchObject({ current: 0, best: 6 });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayRange } from '../../lib/model/days';
import { habitReports, recentDays, type HabitId, type HabitRules } from '../../lib/stats/streaks';
import { HABIT_KINDS } from '../../lib/model/habits';
import { DEFAULT_SETTINGS, type Goals } from '../../lib/model/settings';
import { emptyDayTotals, type DayTotals } from '../../lib/stats/summary';

// The goals these tests judge by, and the default goals of any other habit.
const goals: Goals = {
  ...DEFAULT_SETTINGS.goals,
  waterMl: 2000,
  postureChecks: 4,
  movementBreaks: 3,
  breathingSessions: 1,
  workoutsPerWeek: 3,
};
const rules: HabitRules = { goals, nudgeFreeWeekdays: [] };
const weekdaysOnly: HabitRules = { goals, nudgeFreeWeekdays: [6, 7] };

const blank = emptyDayTotals;

/**
 * A history written as one letter a day from `start`: W water goal met, w water missed,
 * R planned rest, V vacation, S sick, X workout (and water met), . nothing logged.
 */
function historyOf(start: string, days: string): Map<string, DayTotals> {
  const totals = new Map<string, DayTotals>();
  [...days].forEach((letter, index) => {
    const day = blank();
    if (letter === 'W' || letter === 'X') day.waterMl = 2000;
    if (letter === 'w') day.waterMl = 1999;
    if (letter === 'X') day.workout = true;
    if (letter === 'R') day.rest = 'rest';
    if (letter === 'V') day.rest = 'vacation';
    if (letter === 'S') day.rest = 'sick';
    if (letter !== '.') totals.set(addDays(start, index), day);
  });
  return totals;
}

const report = (
  habit: HabitId,
  totals: Map<string, DayTotals>,
  today: string,
  habitRules = rules,
) => habitReports(totals, habitRules, today).find((r) => r.habit === habit)!;

// 2026-11-02 is a Monday.
const MONDAY = '2026-11-02';

describe('daily streaks', () => {
  it('counts met days up to yesterday while today is still open', () => {
    const water = report('water', historyOf(MONDAY, 'WWWWWw'), '2026-11-07');
    expect(water).toMatchObject({ current: 5, best: 5, today: 'open', unit: 'days' });
  });

  it('includes today once it is met', () => {
    expect(report('water', historyOf(MONDAY, 'WWWWWW'), '2026-11-07')).toMatchObject({
      current: 6,
      today: 'met',
    });
  });

  it('breaks on a missed day and remembers the best run', () => {
    expect(report('water', historyOf(MONDAY, 'WWWWwWW'), '2026-11-08')).toMatchObject({
      current: 2,
      best: 4,
    });
  });

  it('treats a day with nothing logged as missed', () => {
    expect(report('water', historyOf(MONDAY, 'WW.WW'), '2026-11-06')).toMatchObject({
      current: 2,
      best: 2,
    });
  });

  it('steps over vacation and sick days without counting them', () => {
    expect(report('water', historyOf(MONDAY, 'WWVVSWW'), '2026-11-08')).toMatchObject({
      current: 4,
      best: 4,
    });
  });

  it('does not excuse water on a planned rest day (rest is from training)', () => {
    expect(report('water', historyOf(MONDAY, 'WWRWW'), '2026-11-06')).toMatchObject({
      current: 2,
      best: 2,
    });
  });

  it('skips the weekdays without nudges for the nudge habits', () => {
    const totals = new Map(
      dayRange('2026-11-02', '2026-11-10').map((day): [string, DayTotals] => [
        day,
        { ...blank(), posture: 4 },
      ]),
    );
    totals.set('2026-11-07', blank());
    totals.set('2026-11-08', blank());
    expect(report('posture', totals, '2026-11-10', weekdaysOnly)).toMatchObject({
      current: 7,
      best: 7,
    });
    expect(report('posture', totals, '2026-11-10', rules)).toMatchObject({ current: 2, best: 5 });
  });

  it('needs at least N of a nudge kind', () => {
    const totals = new Map([['2026-11-02', { ...blank(), movement: 2, breathing: 1 }]]);
    expect(report('movement', totals, '2026-11-02').today).toBe('open');
    expect(report('breathing', totals, '2026-11-02').today).toBe('met');
  });

  it('judges water by the goal in force on the day', () => {
    const totals = new Map([
      ['2026-11-02', { ...blank(), waterMl: 1500, waterGoalMl: 1500 }],
      ['2026-11-03', { ...blank(), waterMl: 1500 }],
    ]);
    expect(report('water', totals, '2026-11-03')).toMatchObject({ current: 1, today: 'open' });
  });

  it('ignores days after today and reports nothing for an empty history', () => {
    expect(report('water', historyOf('2026-11-10', 'WWW'), '2026-11-05')).toEqual({
      habit: 'water',
      unit: 'days',
      current: 0,
      best: 0,
      today: 'open',
      strength: 0,
    });
    expect(report('workout', new Map(), '2026-11-05')).toMatchObject({ unit: 'weeks', current: 0 });
  });

  it('leaves out habits whose goal is 0', () => {
    const off = {
      goals: { ...goals, breathingSessions: 0, workoutsPerWeek: 0 },
      nudgeFreeWeekdays: [],
    };
    expect(habitReports(historyOf(MONDAY, 'W'), off, MONDAY).map((r) => r.habit)).toEqual(
      HABIT_KINDS.map((kind) => kind.id).filter((id) => id !== 'breathing' && id !== 'workout'),
    );
  });

  it('gives day-by-day statuses for the heat-map', () => {
    expect(recentDays('water', historyOf(MONDAY, 'WwVW'), rules, '2026-11-06', 6)).toEqual([
      undefined,
      'met',
      'missed',
      'skipped',
      'met',
      'open',
    ]);
    expect(recentDays('water', new Map(), rules, MONDAY, 2)).toEqual([undefined, undefined]);
  });
});

describe('weekly workout streaks', () => {
  it('counts weeks that reach the target, the current week open until met', () => {
    // Three full weeks with 3, 3 and 4 workouts, then a week with one so far.
    const totals = historyOf(MONDAY, 'X.X.X..' + 'XX.X...' + 'XXXX...' + 'X..');
    expect(report('workout', totals, '2026-11-25')).toMatchObject({
      current: 3,
      best: 3,
      today: 'open',
      unit: 'weeks',
    });
  });

  it('breaks on a week under target', () => {
    const totals = historyOf(MONDAY, 'X.X.X..' + 'X......' + 'XXX....');
    expect(report('workout', totals, '2026-11-22')).toMatchObject({
      current: 1,
      best: 1,
      today: 'met',
    });
  });

  it('never asks for more workouts than the rest days leave', () => {
    // Five planned rest days leave two days: two workouts meet a 3-a-week target.
    expect(report('workout', historyOf(MONDAY, 'XRRRRRX'), '2026-11-08')).toMatchObject({
      current: 1,
      today: 'met',
    });
    expect(report('workout', historyOf(MONDAY, 'XRRRR..'), '2026-11-08')).toMatchObject({
      current: 0,
      today: 'open',
    });
  });

  it('skips a week spent entirely on vacation', () => {
    const totals = historyOf(MONDAY, 'XXX....' + 'VVVVVVV' + 'XXX....');
    expect(report('workout', totals, '2026-11-22')).toMatchObject({ current: 2, best: 2 });
  });

  it('does not punish the first week for the days before history began', () => {
    // History starts on a Saturday: two days of week one, two workouts.
    expect(report('workout', historyOf('2026-11-07', 'XX'), '2026-11-08')).toMatchObject({
      current: 1,
      today: 'met',
    });
  });
});

describe('habit strength (Loop)', () => {
  it('reaches about 80 % after 30 perfect days and 99 % after 90', () => {
    const after30 = report('water', historyOf('2026-01-01', 'W'.repeat(30)), '2026-01-30').strength;
    const after90 = report('water', historyOf('2026-01-01', 'W'.repeat(90)), '2026-03-31').strength;
    expect(after30).toBeCloseTo(1 - 0.5 ** (30 / 13), 10);
    expect(after30).toBeGreaterThan(0.79);
    expect(after90).toBeGreaterThan(0.99);
  });

  it('does not move on skipped days nor dip for an open today', () => {
    const base = report('water', historyOf(MONDAY, 'WWW'), '2026-11-04').strength;
    expect(report('water', historyOf(MONDAY, 'WWWVV'), '2026-11-06').strength).toBe(base);
    expect(report('water', historyOf(MONDAY, 'WWW'), '2026-11-05').strength).toBe(base);
  });

  it('gives partial credit for part of a numeric goal', () => {
    const half = new Map([['2026-11-02', { ...blank(), waterMl: 1000 }]]);
    const full = new Map([['2026-11-02', { ...blank(), waterMl: 2000 }]]);
    const m = 0.5 ** (1 / 13);
    expect(report('water', half, '2026-11-03').strength).toBeCloseTo(0.5 * (1 - m), 12);
    expect(report('water', full, '2026-11-03').strength).toBeCloseTo(1 - m, 12);
  });

  it('grows to near 100 % for a weekly target kept for a year', () => {
    const year = 'X.X.X..'.repeat(52);
    const strength = report('workout', historyOf('2025-11-03', year), '2026-11-01').strength;
    expect(strength).toBeGreaterThan(0.95);
    const lapsed = report(
      'workout',
      historyOf('2025-11-03', year + '.'.repeat(28)),
      '2026-11-29',
    ).strength;
    expect(lapsed).toBeLessThan(strength - 0.2);
  });
});

const dayLetter = fc.constantFrom('W', 'w', '.', 'V', 'S', 'R', 'X');

describe('streak invariants', () => {
  it('never counts a rest or pause day', () => {
    fc.assert(
      fc.property(fc.array(dayLetter, { minLength: 1, maxLength: 120 }), (letters) => {
        const text = letters.join('');
        const today = addDays(MONDAY, text.length - 1);
        const water = report('water', historyOf(MONDAY, text), today);
        const paused = [...text].filter((letter) => letter === 'V' || letter === 'S').length;
        expect(water.best).toBeLessThanOrEqual(text.length - paused);
        // Removing the pause days gives the same streaks: they neither broke nor added.
        const withoutPauses = text.replace(/[VS]/g, '');
        if (withoutPauses.length === 0 || /[VS]$/.test(text)) return;
        const compact = report(
          'water',
          historyOf(MONDAY, withoutPauses),
          addDays(MONDAY, withoutPauses.length - 1),
        );
        expect([water.current, water.best]).toEqual([compact.current, compact.best]);
      }),
      { numRuns: 300 },
    );
  });

  it('never lets an open today break a daily streak: it counts like a skipped day', () => {
    fc.assert(
      fc.property(fc.array(dayLetter, { maxLength: 120 }), (letters) => {
        const text = letters.join('');
        const today = addDays(MONDAY, text.length);
        const open = report('water', historyOf(MONDAY, text + '.'), today);
        const skipped = report('water', historyOf(MONDAY, text + 'V'), today);
        expect(open.today).toBe('open');
        expect([open.current, open.best]).toEqual([skipped.current, skipped.best]);
      }),
      { numRuns: 300 },
    );
  });

  it('never lets an open week break a weekly streak: meeting it adds exactly one', () => {
    fc.assert(
      fc.property(fc.array(dayLetter, { minLength: 1, maxLength: 120 }), (letters) => {
        const text = letters.join('');
        const today = addDays(MONDAY, text.length - 1);
        const open = report('workout', historyOf(MONDAY, text), today);
        fc.pre(open.today === 'open');
        const restOfWeek = 7 - (text.length % 7 || 7);
        const sunday = addDays(today, restOfWeek);
        // Workouts on every remaining day of the week, and on today, meet any target.
        const met = report(
          'workout',
          historyOf(MONDAY, text.slice(0, -1) + 'X'.repeat(restOfWeek + 1)),
          sunday,
        );
        if (met.today === 'met') expect(met.current).toBe(open.current + 1);
      }),
      { numRuns: 300 },
    );
  });
});

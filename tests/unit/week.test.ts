import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../lib/model/days';
import { HABIT_KINDS } from '../../lib/model/habits';
import { DEFAULT_SETTINGS, type Goals } from '../../lib/model/settings';
import { habitReports, type HabitRules } from '../../lib/stats/streaks';
import { emptyDayTotals, type DayTotals } from '../../lib/stats/summary';
import { habitWeeks, weeksMet } from '../../lib/stats/week';

const goals: Goals = {
  ...DEFAULT_SETTINGS.goals,
  waterMl: 2000,
  workoutsPerWeek: 3,
};
const rules: HabitRules = { goals, nudgeFreeWeekdays: [] };

/** One letter a day from `start`: W water met, w missed, X workout (and water met), R rest, V vacation. */
function historyOf(start: string, days: string): Map<string, DayTotals> {
  const totals = new Map<string, DayTotals>();
  [...days].forEach((letter, index) => {
    const day = emptyDayTotals();
    if (letter === 'W' || letter === 'X') day.waterMl = 2000;
    if (letter === 'w') day.waterMl = 1999;
    if (letter === 'X') day.workout = true;
    if (letter === 'R') day.rest = 'rest';
    if (letter === 'V') day.rest = 'vacation';
    if (letter !== '.') totals.set(addDays(start, index), day);
  });
  return totals;
}

const weekOf = (habit: string, totals: Map<string, DayTotals>, today: string, by = rules) =>
  habitWeeks([{ habit } as never], totals, by, today).find((week) => week.habit === habit);

// 2026-11-02 is a Monday; 2026-11-11 the Wednesday of the next week.
const MONDAY = '2026-11-02';
const NEXT_WEDNESDAY = '2026-11-11';

describe('this week', () => {
  it('counts a daily habit in days met of the days the week expects, and the change', () => {
    // Last week: 5 met; this week Monday met, Tuesday missed, today open.
    const week = weekOf('water', historyOf(MONDAY, 'WWWWWw.' + 'Ww.'), NEXT_WEDNESDAY);
    // Last week up to Wednesday: 3 met; this week: 1.
    expect(week).toEqual({ habit: 'water', counts: 'days', met: 1, expected: 7, change: -2 });
  });

  it('leaves out days that expect nothing: time off, and nudge-free weekdays later', () => {
    const weekdays: HabitRules = { goals, nudgeFreeWeekdays: [6, 7] };
    const totals = historyOf(MONDAY, '.......' + 'V');
    totals.set(NEXT_WEDNESDAY, { ...emptyDayTotals(), breathing: 1 });
    totals.set('2026-11-13', { ...emptyDayTotals(), rest: 'vacation' });
    const week = weekOf('breathing', totals, NEXT_WEDNESDAY, weekdays);
    // Monday was time off, Friday is planned time off, the weekend expects no breathing.
    expect(week).toMatchObject({ counts: 'days', met: 1, expected: 3 });
  });

  it('counts the workout habit in workouts of the week target', () => {
    const week = weekOf('workout', historyOf(MONDAY, 'X...XX.' + 'XX'), NEXT_WEDNESDAY);
    expect(week).toEqual({ habit: 'workout', counts: 'workouts', met: 2, expected: 3, change: 1 });
  });

  it('asks no more workouts than the week leaves days for', () => {
    // Monday to Saturday rest, on Saturday: one day (Sunday) is left.
    const week = weekOf('workout', historyOf(MONDAY, 'RRRRRR'), '2026-11-07');
    expect(week).toMatchObject({ met: 0, expected: 1 });
  });

  it('gives every reported habit its week, in the reports order', () => {
    const totals = historyOf(MONDAY, 'WWX');
    const reports = habitReports(totals, rules, '2026-11-04');
    expect(habitWeeks(reports, totals, rules, '2026-11-04').map((week) => week.habit)).toEqual(
      reports.map((report) => report.habit),
    );
  });

  it('keeps a daily habit met within expected within the week, for any history', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('W', 'w', 'X', 'R', 'V', '.'), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 29 }),
        fc.subarray([1, 2, 3, 4, 5, 6, 7]),
        (letters, back, nudgeFree) => {
          const totals = historyOf(MONDAY, letters.join(''));
          const today = addDays(MONDAY, Math.min(back, letters.length - 1) + 7);
          const by: HabitRules = { goals, nudgeFreeWeekdays: nudgeFree };
          const reports = HABIT_KINDS.map((kind) => ({ habit: kind.id }));
          for (const week of habitWeeks(reports, totals, by, today)) {
            expect(week.expected).toBeLessThanOrEqual(7);
            expect(week.met).toBeGreaterThanOrEqual(0);
            if (week.counts === 'days') expect(week.met).toBeLessThanOrEqual(week.expected);
            else expect(week.expected).toBeLessThanOrEqual(goals.workoutsPerWeek);
          }
        },
      ),
    );
  });

  it('counts the weeks that met the workout target, the current one once it is met', () => {
    // From a Wednesday: 3 workouts, 3, 1 (missed), and this Monday's one so far.
    const totals = historyOf('2026-11-04', 'X.X.X' + 'XX.X...' + 'X......' + 'X');
    expect(weeksMet('workout', totals, rules, '2026-11-23', 20)).toEqual({ met: 2, judged: 3 });
    // From the first day on, the calendar's weeks: the partial first week asks for what it leaves.
    const streak = habitReports(totals, rules, '2026-11-23').find((r) => r.habit === 'workout');
    expect(streak).toMatchObject({ best: 2, current: 0 });
    totals.set('2026-11-24', { ...emptyDayTotals(), workout: true });
    totals.set('2026-11-25', { ...emptyDayTotals(), workout: true });
    expect(weeksMet('workout', totals, rules, '2026-11-25', 22)).toEqual({ met: 3, judged: 4 });
  });
});

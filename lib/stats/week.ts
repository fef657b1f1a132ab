/**
 * This week at a glance, per habit: what the week has met of what it expects, and the change from
 * last week. Weeks run Monday to Sunday, as the workout habit's do (lib/stats/streaks.ts).
 *
 * - A daily habit counts days: `met` is the days of this week met so far; `expected` is the days
 *   of the whole week that expect the habit, each judged by what it expected (past days by their
 *   status, so a skipped or paused day is not expected; the days still to come by the
 *   expectations in force today, a day of time off already planned left out).
 * - The weekly workout habit counts workouts: `met` is this week's workout days; `expected` is
 *   the week's target, never more than the days the week leaves available (as its streak judges
 *   it).
 * - `change` compares with last week up to the same weekday, so that a Monday is not measured
 *   against a whole week.
 */
import { addDays, isoWeekday, type DayKey } from '../model/days';
import { HABIT_KINDS, type HabitId, type HabitKind, type Habits } from '../model/habits';
import {
  expectedOn,
  isPaused,
  recentDays,
  type DayStatus,
  type HabitReport,
  type HabitRules,
} from './streaks';
import type { DayTotals } from './summary';

export interface HabitWeek {
  habit: HabitId;
  /** What `met` and `expected` count: days for a daily habit, workouts for the weekly one. */
  counts: 'days' | 'workouts';
  met: number;
  expected: number;
  /** This week's `met` less last week's on the same weekdays. */
  change: number;
}

const DAYS_A_WEEK = 7;

/** Whether a day still to come expects a daily habit, by today's expectations. */
function expectsLater(
  kind: HabitKind,
  rules: HabitRules,
  day: DayKey,
  totals: ReadonlyMap<DayKey, DayTotals>,
): boolean {
  if (isPaused(totals.get(day))) return false;
  const expectations = expectedOn(rules, day);
  if (expectations.goals[kind.goal] <= 0) return false;
  const skipsNudgeFree = kind.judge.unit === 'days' && kind.judge.skipsNudgeFreeDays;
  return !(skipsNudgeFree && expectations.nudgeFreeWeekdays.includes(isoWeekday(day)));
}

const countOf = (statuses: readonly (DayStatus | undefined)[], wanted: DayStatus) =>
  statuses.filter((status) => status === wanted).length;

/** One habit's week: `statuses` from last week's Monday to today. */
function weekOf(
  kind: HabitKind,
  statuses: readonly (DayStatus | undefined)[],
  rules: HabitRules,
  today: DayKey,
  totals: ReadonlyMap<DayKey, DayTotals>,
): HabitWeek {
  const thisWeek = statuses.slice(DAYS_A_WEEK);
  const sameDaysLastWeek = statuses.slice(0, thisWeek.length);
  const met = countOf(thisWeek, 'met');
  const change = met - countOf(sameDaysLastWeek, 'met');
  const later = Array.from({ length: DAYS_A_WEEK - thisWeek.length }, (_, index) =>
    addDays(today, index + 1),
  );
  const expectedSoFar = thisWeek.filter(
    (status) => status !== undefined && status !== 'skipped',
  ).length;
  const habit = kind.id as HabitId;
  if (kind.judge.unit === 'days') {
    const expectedLater = later.filter((day) => expectsLater(kind, rules, day, totals)).length;
    return { habit, counts: 'days', met, expected: expectedSoFar + expectedLater, change };
  }
  const target = Math.min(DAYS_A_WEEK, expectedOn(rules, today).goals[kind.goal]);
  // A rest day with a workout is met, so it is among the available days.
  const available = expectedSoFar + later.length;
  return { habit, counts: 'workouts', met, expected: Math.min(target, available), change };
}

/** The week of each habit a report is given for, in the reports' order. */
export function habitWeeks(
  reports: readonly Pick<HabitReport, 'habit'>[],
  totals: ReadonlyMap<DayKey, DayTotals>,
  rules: HabitRules,
  today: DayKey,
  kinds: Habits = HABIT_KINDS,
): HabitWeek[] {
  const days = DAYS_A_WEEK + isoWeekday(today);
  return reports.flatMap(({ habit }) => {
    const kind = kinds.find((candidate) => candidate.id === habit);
    if (!kind) return [];
    const statuses = recentDays(habit, totals, rules, today, days, kinds);
    return [weekOf(kind, statuses, rules, today, totals)];
  });
}

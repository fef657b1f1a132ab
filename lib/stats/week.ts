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
import { HABIT_KINDS, habitKind, type HabitId, type HabitKind, type Habits } from '../model/habits';
import {
  expectedOn,
  isPaused,
  recentDays,
  type RecentWindow,
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

/**
 * What a week met of what it expected: `days` are its statuses from Monday, as far as today;
 * the days still to come of the current week are judged by today's expectations.
 */
function judgeWeek(
  kind: HabitKind,
  days: readonly (DayStatus | undefined)[],
  monday: DayKey,
  rules: HabitRules,
  today: DayKey,
  totals: ReadonlyMap<DayKey, DayTotals>,
): { met: number; expected: number } {
  const later = Array.from({ length: DAYS_A_WEEK - days.length }, (_, index) =>
    addDays(monday, days.length + index),
  );
  const met = countOf(days, 'met');
  const expectedSoFar = days.filter(
    (status) => status !== undefined && status !== 'skipped',
  ).length;
  if (kind.judge.unit === 'days') {
    const expectedLater = later.filter((day) => expectsLater(kind, rules, day, totals)).length;
    return { met, expected: expectedSoFar + expectedLater };
  }
  const lastDay = later.length > 0 ? today : addDays(monday, DAYS_A_WEEK - 1);
  const target = Math.min(DAYS_A_WEEK, expectedOn(rules, lastDay).goals[kind.goal]);
  // A rest day with a workout is met, so it is among the available days.
  return { met, expected: Math.min(target, expectedSoFar + later.length) };
}

/** The week of each habit a report is given for, in the reports' order. */
export function habitWeeks(
  reports: readonly Pick<HabitReport, 'habit'>[],
  totals: ReadonlyMap<DayKey, DayTotals>,
  rules: HabitRules,
  today: DayKey,
  kinds: Habits = HABIT_KINDS,
): HabitWeek[] {
  const weekday = isoWeekday(today);
  const monday = addDays(today, 1 - weekday);
  return reports.flatMap(({ habit }) => {
    const kind = habitKind(habit, kinds);
    if (!kind) return [];
    const statuses = recentDays(habit, totals, rules, today, DAYS_A_WEEK + weekday, kinds);
    const thisWeek = statuses.slice(DAYS_A_WEEK);
    const { met, expected } = judgeWeek(kind, thisWeek, monday, rules, today, totals);
    const change = met - countOf(statuses.slice(0, weekday), 'met');
    const counts = kind.judge.unit === 'days' ? 'days' : 'workouts';
    return [{ habit, counts, met, expected, change }];
  });
}

/**
 * Of the weeks that hold the last `days` days, how many met what they expected, and how many
 * were judged: a week that expected nothing is not, nor the current week until it is met.
 */
export function weeksMet(
  ...[habit, totals, rules, today, days, kinds = HABIT_KINDS]: RecentWindow
): { met: number; judged: number } {
  const kind = habitKind(habit, kinds);
  if (!kind) throw new Error(`Not a habit: ${habit}`);
  const first = addDays(today, 1 - days);
  const fromMonday = days + isoWeekday(first) - 1;
  const statuses = recentDays(habit, totals, rules, today, fromMonday, kinds);
  let met = 0;
  let judged = 0;
  for (let start = 0; start < statuses.length; start += DAYS_A_WEEK) {
    const week = statuses.slice(start, start + DAYS_A_WEEK);
    const monday = addDays(today, start - fromMonday + 1);
    const figure = judgeWeek(kind, week, monday, rules, today, totals);
    if (figure.expected === 0) continue;
    const isMet = figure.met >= figure.expected;
    if (isMet) met++;
    const isCurrent = start + DAYS_A_WEEK >= statuses.length;
    if (isMet || !isCurrent) judged++;
  }
  return { met, judged };
}

/**
 * Streaks and habit strength, computed from merged daily totals (lib/summary.ts).
 *
 * The habits:
 * - water: the day's water reached the goal in force that day (or the current goal when the
 *   day recorded none);
 * - posture, movement, breathing: at least N prompts of that kind done in the day;
 * - workout: at least T workout days in a Monday-to-Sunday week (a weekly target, counted in
 *   weeks), not every day.
 * A goal of 0 turns a habit off; it is then not reported.
 *
 * The rules, in the order they apply to a day:
 * 1. Days before the first day of history do not exist for any habit.
 * 2. A paused day (vacation or sick) is skipped by every habit: it neither breaks a streak nor
 *    adds to it, and the strength score stays where it was.
 * 3. A planned rest day is skipped by the workout habit. The nudge habits (posture, movement,
 *    breathing) also skip the weekdays on which no nudge is scheduled.
 * 4. Otherwise a day is met when its value reaches the target, and missed when it does not,
 *    except today, which is open until it is met: an unfinished today never breaks a streak.
 *
 * For the weekly workout habit, a week is met when its workout days reach the target, where the
 * target never asks for more days than the week leaves available: required = min(T, days of the
 * week that are not rest, pause, or before history). A week with no available day is skipped.
 * The current week is open until it is met.
 *
 * The current streak counts met days (weeks) back from today, stepping over skipped ones and
 * over an open today; the best streak is the longest such run in the history.
 *
 * Strength follows Loop Habit Tracker (uhabits-core Score.kt): with frequency f (1 for a daily
 * habit, T/7 for the weekly one), multiplier m = 0.5^(sqrt(f)/13), and each day
 * S = S * m + v * (1 - m), starting at 0. For a daily habit v = min(1, value / target). For the
 * weekly habit v = min(1, workout days in the trailing window / T), where the window is the
 * frequency's period, doubled (with the count) because f < 1: T*2 workouts in 14 days. Skipped
 * days leave S unchanged. An open today is left out, so the score does not dip every morning.
 */
import { dayNumber, isoWeekdayOfNumber, weekStartNumber, type DayKey } from './days';
import type { DayTotals } from './summary';

export const HABITS = ['water', 'posture', 'movement', 'breathing', 'workout'] as const;
export type HabitId = (typeof HABITS)[number];

export interface Goals {
  waterMl: number;
  postureChecks: number;
  movementBreaks: number;
  breathingSessions: number;
  /** Workout days per week, 0 to 7. */
  workoutsPerWeek: number;
}

export interface HabitRules {
  goals: Goals;
  /** ISO weekdays (1 = Monday) with no nudges scheduled: the nudge habits skip them. */
  nudgeFreeWeekdays: readonly number[];
}

export type DayStatus = 'met' | 'missed' | 'skipped' | 'open';

export interface HabitReport {
  habit: HabitId;
  unit: 'days' | 'weeks';
  current: number;
  best: number;
  /** Today's (for the workout habit: this week's) standing. */
  today: DayStatus;
  /** Loop's habit strength, 0 to 1. */
  strength: number;
}

const DAILY_HALF_LIFE_DAYS = 13;

function multiplier(frequency: number): number {
  return 0.5 ** (Math.sqrt(frequency) / DAILY_HALF_LIFE_DAYS);
}

/** Totals laid out by day number from the first day of history to today. */
interface Timeline {
  start: number;
  today: number;
  days: (DayTotals | undefined)[];
}

function timeline(totals: ReadonlyMap<DayKey, DayTotals>, today: DayKey): Timeline | undefined {
  const todayNumber = dayNumber(today);
  let start = Infinity;
  const numbered: [number, DayTotals][] = [];
  for (const [key, dayTotals] of totals) {
    const day = dayNumber(key);
    if (day > todayNumber) continue;
    numbered.push([day, dayTotals]);
    if (day < start) start = day;
  }
  if (numbered.length === 0) return undefined;
  const days: (DayTotals | undefined)[] = new Array(todayNumber - start + 1);
  for (const [day, dayTotals] of numbered) days[day - start] = dayTotals;
  return { start, today: todayNumber, days };
}

const isPaused = (totals: DayTotals | undefined) =>
  totals?.rest === 'vacation' || totals?.rest === 'sick';

type DailyHabit = Exclude<HabitId, 'workout'>;

function dailyProgress(habit: DailyHabit, totals: DayTotals | undefined, goals: Goals): number {
  switch (habit) {
    case 'water':
      return (totals?.waterMl ?? 0) / (totals?.waterGoalMl || goals.waterMl);
    case 'posture':
      return (totals?.posture ?? 0) / goals.postureChecks;
    case 'movement':
      return (totals?.movement ?? 0) / goals.movementBreaks;
    case 'breathing':
      return (totals?.breathing ?? 0) / goals.breathingSessions;
  }
}

function dailyTarget(habit: DailyHabit, goals: Goals): number {
  switch (habit) {
    case 'water':
      return goals.waterMl;
    case 'posture':
      return goals.postureChecks;
    case 'movement':
      return goals.movementBreaks;
    case 'breathing':
      return goals.breathingSessions;
  }
}

/** Each day's status and its value for the strength score (undefined when skipped). */
function dailyStatuses(habit: DailyHabit, line: Timeline, rules: HabitRules) {
  const statuses: DayStatus[] = new Array(line.days.length);
  const values: number[] = new Array(line.days.length);
  const nudgeFree = new Set(habit === 'water' ? [] : rules.nudgeFreeWeekdays);
  for (let index = 0; index < line.days.length; index++) {
    const totals = line.days[index];
    const day = line.start + index;
    if (isPaused(totals) || nudgeFree.has(isoWeekdayOfNumber(day))) {
      statuses[index] = 'skipped';
      continue;
    }
    const progress = dailyProgress(habit, totals, rules.goals);
    values[index] = Math.min(1, progress);
    statuses[index] = progress >= 1 ? 'met' : day === line.today ? 'open' : 'missed';
  }
  return { statuses, values };
}

function streaks(statuses: readonly DayStatus[]): { current: number; best: number } {
  let run = 0;
  let best = 0;
  for (const status of statuses) {
    if (status === 'met') best = Math.max(best, ++run);
    else if (status === 'missed') run = 0;
  }
  return { current: run, best };
}

function strength(
  statuses: readonly DayStatus[],
  values: readonly number[],
  frequency: number,
): number {
  const m = multiplier(frequency);
  let score = 0;
  for (let index = 0; index < statuses.length; index++) {
    const status = statuses[index];
    if (status === 'skipped' || status === 'open') continue;
    score = score * m + values[index]! * (1 - m);
  }
  return score;
}

function dailyReport(habit: DailyHabit, line: Timeline, rules: HabitRules): HabitReport {
  const { statuses, values } = dailyStatuses(habit, line, rules);
  return {
    habit,
    unit: 'days',
    ...streaks(statuses),
    today: statuses[statuses.length - 1]!,
    strength: strength(statuses, values, 1),
  };
}

/** Per week from the week of the first day: its status by the rule in the header. */
function weeklyStatuses(line: Timeline, target: number): DayStatus[] {
  const statuses: DayStatus[] = [];
  const firstWeek = weekStartNumber(line.start);
  for (let week = firstWeek; week <= line.today; week += 7) {
    let workouts = 0;
    let available = 0;
    for (let day = week; day < week + 7; day++) {
      const totals =
        day >= line.start && day <= line.today ? line.days[day - line.start] : undefined;
      if (totals?.workout) {
        workouts++;
        available++;
      } else if (day >= line.start && !totals?.rest) {
        available++;
      }
    }
    const required = Math.min(target, available);
    const isCurrent = week + 7 > line.today;
    if (required === 0) statuses.push('skipped');
    else if (workouts >= required) statuses.push('met');
    else statuses.push(isCurrent ? 'open' : 'missed');
  }
  return statuses;
}

function workoutStrength(line: Timeline, target: number): number {
  const frequency = target / 7;
  const window = 14;
  const needed = target * 2;
  const m = multiplier(frequency);
  const workoutPrefix = new Int32Array(line.days.length + 1);
  for (let index = 0; index < line.days.length; index++) {
    workoutPrefix[index + 1] = workoutPrefix[index]! + (line.days[index]?.workout ? 1 : 0);
  }
  let score = 0;
  for (let index = 0; index < line.days.length; index++) {
    const totals = line.days[index];
    if (totals?.rest && !totals.workout) continue;
    if (line.start + index === line.today && !totals?.workout) continue;
    const inWindow = workoutPrefix[index + 1]! - workoutPrefix[Math.max(0, index + 1 - window)]!;
    score = score * m + Math.min(1, inWindow / needed) * (1 - m);
  }
  return score;
}

function workoutReport(line: Timeline, target: number): HabitReport {
  const statuses = weeklyStatuses(line, target);
  return {
    habit: 'workout',
    unit: 'weeks',
    ...streaks(statuses),
    today: statuses[statuses.length - 1]!,
    strength: workoutStrength(line, target),
  };
}

const EMPTY_REPORT = { current: 0, best: 0, today: 'open', strength: 0 } as const;

/** Every enabled habit's streaks and strength as of `today`. */
export function habitReports(
  totals: ReadonlyMap<DayKey, DayTotals>,
  rules: HabitRules,
  today: DayKey,
): HabitReport[] {
  const line = timeline(totals, today);
  const reports: HabitReport[] = [];
  for (const habit of HABITS) {
    if (habit === 'workout') {
      const target = rules.goals.workoutsPerWeek;
      if (target <= 0) continue;
      reports.push(
        line ? workoutReport(line, Math.min(7, target)) : { habit, unit: 'weeks', ...EMPTY_REPORT },
      );
    } else {
      if (dailyTarget(habit, rules.goals) <= 0) continue;
      reports.push(
        line ? dailyReport(habit, line, rules) : { habit, unit: 'days', ...EMPTY_REPORT },
      );
    }
  }
  return reports;
}

/** Day-by-day statuses of a daily habit over the last `days` days, for the heat-map. */
export function recentDays(
  habit: DailyHabit,
  totals: ReadonlyMap<DayKey, DayTotals>,
  rules: HabitRules,
  today: DayKey,
  days: number,
): (DayStatus | undefined)[] {
  const line = timeline(totals, today);
  if (!line) return new Array(days).fill(undefined);
  const { statuses } = dailyStatuses(habit, line, rules);
  const padding = Math.max(0, days - statuses.length);
  return [...new Array(padding).fill(undefined), ...statuses.slice(-days)];
}

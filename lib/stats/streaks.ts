/**
 * Streaks and habit strength, computed from merged daily totals (lib/stats/summary.ts).
 *
 * Each habit kind is judged as it declares (lib/model/habits.ts), each day by what it expected
 * then (lib/model/expectations.ts: the goals and nudge-free weekdays in force that day), so a
 * change of settings judges today and the days after, never an earlier day:
 * - by day: the day's amount reached the goal (an amount kept against the day's goal, water's,
 *   by the goal its record carries, or the goal in force that day when it carries none);
 * - by week: at least T flagged days (workouts) in a Monday-to-Sunday week, counted in weeks.
 * A goal of 0 turns a habit off: today's goal of 0 leaves it out of the reports, an earlier
 * day's goal of 0 skips that day.
 *
 * The rules, in the order they apply to a day:
 * 1. Days before the first day of history do not exist for any habit.
 * 2. A paused day (vacation or sick) is skipped by every habit: it neither breaks a streak nor
 *    adds to it, and the strength score stays where it was.
 * 3. A planned rest day is skipped by the weekly habit. The habits that skip nudge-free days
 *    (posture, movement, breathing) also skip the weekdays on which no nudge is scheduled.
 * 4. Otherwise a day is met when its value reaches the target, and missed when it does not,
 *    except today, which is open until it is met: an unfinished today never breaks a streak.
 *
 * For the weekly workout habit, a week is met when its workout days reach the target, where the
 * target never asks for more days than the week leaves available: required = min(T, days of the
 * week that are not rest, pause, or before history), with T the target in force on the week's
 * last day (today's, for this week). A week with no available day is skipped.
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
import {
  addDays,
  dayNumber,
  isoWeekdayOfNumber,
  weekStartNumber,
  type DayKey,
} from '../model/days';
import {
  expectationsOfPeriod,
  expectationsOn,
  periodEnd,
  type Expectations,
} from '../model/expectations';
import {
  HABIT_KINDS,
  habitKind,
  judgedAgainstDayGoal,
  judgedField,
  type HabitId,
  type HabitKind,
  type Habits,
} from '../model/habits';
import {
  nudgeFreeWeekdays,
  type ExpectationPeriod,
  type Goals,
  type Settings,
} from '../model/settings';
import type { DayTotals, FieldValues } from './summary';

export type { HabitId };

/** What today and the days after the last past period expect, and what earlier days expected. */
export interface HabitRules extends Expectations {
  /** Oldest first (lib/model/expectations.ts); none: today's expectations since the first day. */
  past?: readonly ExpectationPeriod[];
}

/** The rules of the settings: today's goals as given (today's water goal), earlier days' kept. */
export function habitRules(settings: Settings, goals: Goals): HabitRules {
  return {
    goals,
    nudgeFreeWeekdays: nudgeFreeWeekdays(settings),
    past: settings.pastExpectations,
  };
}

/** What a day expected, by the rules. */
export function expectedOn(rules: HabitRules, day: DayKey): Expectations {
  return expectationsOn(day, rules, rules.past);
}

export type DayStatus = 'met' | 'missed' | 'skipped' | 'open';

export interface HabitReport {
  /** A built-in kind's id (or, with kinds a test adds, any kind's). */
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
  const numbers: number[] = [];
  const values: DayTotals[] = [];
  for (const [key, dayTotals] of totals) {
    const day = dayNumber(key);
    if (day > todayNumber) continue;
    numbers.push(day);
    values.push(dayTotals);
    if (day < start) start = day;
  }
  if (numbers.length === 0) return undefined;
  const days: (DayTotals | undefined)[] = new Array(todayNumber - start + 1).fill(undefined);
  for (let index = 0; index < numbers.length; index++)
    days[numbers[index]! - start] = values[index];
  return { start, today: todayNumber, days };
}

/** Time off (vacation, sick): every habit skips the day. */
export const isPaused = (totals: DayTotals | undefined) =>
  totals?.rest === 'vacation' || totals?.rest === 'sick';

// Day statuses are kept as small numbers in typed arrays: streaks over years stay fast.
const MET = 0;
const MISSED = 1;
const SKIPPED = 2;
const OPEN = 3;
const STATUS_NAMES: readonly DayStatus[] = ['met', 'missed', 'skipped', 'open'];

type DailyKind = HabitKind & { judge: { unit: 'days' } };
const isDaily = (kind: HabitKind | undefined): kind is DailyKind => kind?.judge.unit === 'days';

/**
 * Per day of the timeline, the kind's target in force that day, or 0 when the day expected none
 * of it (its goal was 0, or a habit that skips nudge-free days met one).
 */
function dayTargets(kind: HabitKind, line: Timeline, rules: HabitRules): Uint16Array {
  const targets = new Uint16Array(line.days.length);
  const skipsNudgeFree = isDaily(kind) && kind.judge.skipsNudgeFreeDays;
  const periods: { last: number; expectations: Expectations }[] = (rules.past ?? []).map(
    (period) => ({
      last: dayNumber(periodEnd(period)),
      expectations: expectationsOfPeriod(period),
    }),
  );
  periods.push({ last: Infinity, expectations: rules });
  let from = 0;
  for (const { last, expectations } of periods) {
    const to = Math.min(targets.length, last - line.start + 1);
    if (to <= from) continue;
    targets.fill(expectations.goals[kind.goal], from, to);
    const firstWeekday = isoWeekdayOfNumber(line.start + from);
    if (skipsNudgeFree)
      for (const weekday of expectations.nudgeFreeWeekdays)
        for (let index = from + ((weekday - firstWeekday + 7) % 7); index < to; index += 7)
          targets[index] = 0;
    from = to;
  }
  return targets;
}

/** Each day's status and its value (0 to 1) for the strength score. */
function dailyStatuses(kind: DailyKind, line: Timeline, rules: HabitRules) {
  const length = line.days.length;
  const statuses = new Uint8Array(length);
  const values = new Float64Array(length);
  const targets = dayTargets(kind, line, rules);
  const amount = kind.judge.amount;
  const ofDayGoal = judgedAgainstDayGoal(kind);
  for (let index = 0; index < length; index++) {
    const totals = line.days[index];
    const target = targets[index]!;
    if (target === 0 || isPaused(totals)) {
      statuses[index] = SKIPPED;
      continue;
    }
    const dayTarget = ofDayGoal ? totals?.waterGoalMl || target : target;
    const progress = totals ? ((totals as FieldValues)[amount] as number) / dayTarget : 0;
    values[index] = Math.min(1, progress);
    statuses[index] = progress >= 1 ? MET : index === length - 1 ? OPEN : MISSED;
  }
  return { statuses, values };
}

function streaks(statuses: ArrayLike<number>): { current: number; best: number } {
  let run = 0;
  let best = 0;
  for (let index = 0; index < statuses.length; index++) {
    const status = statuses[index];
    if (status === MET) best = Math.max(best, ++run);
    else if (status === MISSED) run = 0;
  }
  return { current: run, best };
}

function strength(
  statuses: ArrayLike<number>,
  values: ArrayLike<number>,
  frequency: number,
): number {
  const m = multiplier(frequency);
  let score = 0;
  for (let index = 0; index < statuses.length; index++) {
    const status = statuses[index];
    if (status === SKIPPED || status === OPEN) continue;
    score = score * m + values[index]! * (1 - m);
  }
  return score;
}

function dailyReport(kind: DailyKind, line: Timeline, rules: HabitRules): HabitReport {
  const { statuses, values } = dailyStatuses(kind, line, rules);
  return {
    habit: kind.id as HabitId,
    unit: 'days',
    ...streaks(statuses),
    today: STATUS_NAMES[statuses[statuses.length - 1]!]!,
    strength: strength(statuses, values, 1),
  };
}

/** Per day of the timeline, 1 when its totals have the flag a weekly habit counts. */
function flagsOf(line: Timeline, flag: string): Uint8Array {
  const flagged = new Uint8Array(line.days.length);
  for (let index = 0; index < line.days.length; index++) {
    const totals = line.days[index];
    if (totals !== undefined && (totals as FieldValues)[flag] === true) flagged[index] = 1;
  }
  return flagged;
}

/** Per week from the week of the first day: its status by the rule in the header. */
function weeklyStatuses(line: Timeline, targets: Uint16Array, flagged: Uint8Array): Uint8Array {
  const firstWeek = weekStartNumber(line.start);
  const statuses = new Uint8Array(Math.floor((line.today - firstWeek) / 7) + 1);
  for (let week = firstWeek, index = 0; week <= line.today; week += 7, index++) {
    const target = Math.min(7, targets[Math.min(week + 6, line.today) - line.start]!);
    let done = 0;
    let available = 0;
    for (let day = Math.max(week, line.start); day < week + 7; day++) {
      const past = day <= line.today;
      const isDone = past && flagged[day - line.start] === 1;
      if (isDone) done++;
      if (isDone || !(past && line.days[day - line.start]?.rest)) available++;
    }
    const required = Math.min(target, available);
    const isCurrent = week + 7 > line.today;
    statuses[index] = required === 0 ? SKIPPED : done >= required ? MET : isCurrent ? OPEN : MISSED;
  }
  return statuses;
}

function weeklyStrength(line: Timeline, targets: Uint16Array, flagged: Uint8Array): number {
  const window = 14;
  let target = 0;
  let needed = 0;
  let m = 1;
  const flaggedPrefix = new Int32Array(line.days.length + 1);
  for (let index = 0; index < line.days.length; index++)
    flaggedPrefix[index + 1] = flaggedPrefix[index]! + flagged[index]!;
  let score = 0;
  for (let index = 0; index < line.days.length; index++) {
    if (targets[index] !== target) {
      target = Math.min(7, targets[index]!);
      needed = target * 2;
      m = multiplier(target / 7);
    }
    const done = flagged[index] === 1;
    if (target === 0 || (line.days[index]?.rest && !done)) continue;
    if (line.start + index === line.today && !done) continue;
    const inWindow = flaggedPrefix[index + 1]! - flaggedPrefix[Math.max(0, index + 1 - window)]!;
    score = score * m + Math.min(1, inWindow / needed) * (1 - m);
  }
  return score;
}

function weeklyReport(kind: HabitKind, line: Timeline, rules: HabitRules) {
  const flagged = flagsOf(line, judgedField(kind));
  const targets = dayTargets(kind, line, rules);
  const statuses = weeklyStatuses(line, targets, flagged);
  return {
    habit: kind.id as HabitId,
    unit: 'weeks',
    ...streaks(statuses),
    today: STATUS_NAMES[statuses[statuses.length - 1]!]!,
    strength: weeklyStrength(line, targets, flagged),
  } satisfies HabitReport;
}

const EMPTY_REPORT = { current: 0, best: 0, today: 'open', strength: 0 } as const;

/** Every habit enabled `today`: its streaks and strength as of `today`, in the kinds' order. */
export function habitReports(
  totals: ReadonlyMap<DayKey, DayTotals>,
  rules: HabitRules,
  today: DayKey,
  kinds: Habits = HABIT_KINDS,
): HabitReport[] {
  const line = timeline(totals, today);
  const goals = expectedOn(rules, today).goals;
  const reports: HabitReport[] = [];
  for (const kind of kinds) {
    if (goals[kind.goal] <= 0) continue;
    if (!line) reports.push({ habit: kind.id as HabitId, unit: kind.judge.unit, ...EMPTY_REPORT });
    else if (isDaily(kind)) reports.push(dailyReport(kind, line, rules));
    else reports.push(weeklyReport(kind, line, rules));
  }
  return reports;
}

/**
 * A weekly habit's days: met when flagged, skipped on a rest day, missed, or before history.
 * Its streak counts weeks; the calendar shows the days it was done on.
 */
function flaggedDays(
  flag: string,
  totals: ReadonlyMap<DayKey, DayTotals>,
  today: DayKey,
  days: number,
): (DayStatus | undefined)[] {
  const first = [...totals.keys()].reduce((min, day) => (day < min ? day : min), today);
  return Array.from({ length: days }, (_, index) => {
    const day = addDays(today, index - days + 1);
    if (day < first) return undefined;
    const dayTotals = totals.get(day);
    if (dayTotals && (dayTotals as FieldValues)[flag] === true) return 'met';
    if (dayTotals?.rest) return 'skipped';
    return day === today ? 'open' : 'missed';
  });
}

/** A habit's last `days` days as the day-by-day and week-by-week views read them. */
export type RecentWindow = [
  habit: HabitId,
  totals: ReadonlyMap<DayKey, DayTotals>,
  rules: HabitRules,
  today: DayKey,
  days: number,
  kinds?: Habits,
];

/** Day-by-day statuses of a habit over the last `days` days, for the heat-map. */
export function recentDays(
  ...[habit, totals, rules, today, days, kinds = HABIT_KINDS]: RecentWindow
): (DayStatus | undefined)[] {
  const kind = habitKind(habit, kinds);
  if (!kind) throw new Error(`Not a habit: ${habit}`);
  if (!isDaily(kind)) return flaggedDays(judgedField(kind), totals, today, days);
  const line = timeline(totals, today);
  if (!line) return new Array(days).fill(undefined);
  const { statuses } = dailyStatuses(kind, line, rules);
  const padding = Math.max(0, days - statuses.length);
  const recent = Array.from(statuses.slice(-days), (status) => STATUS_NAMES[status]);
  return [...new Array<undefined>(padding).fill(undefined), ...recent];
}

/**
 * What the progress page shows, computed from entries and daily totals: strength over time per
 * exercise, water against the goal with averages a day, and nudge outcomes per week.
 */
import { addDays, dayKeyFromNumber, dayNumber, weekStartNumber, type DayKey } from '../model/days';
import {
  NUDGE_KINDS,
  PROMPT_OUTCOMES,
  type Entry,
  type NudgeKind,
  type PromptOutcome,
  type SetEntry,
} from '../model/entries';
import { setOneRepMax } from './strength';
import { isPaused } from './streaks';
import type { DayTotals } from './summary';
import { roundTo, toKg } from '../model/units';

export interface StrengthPoint {
  day: DayKey;
  /** The heaviest working set of the day, in kg. */
  topSetKg: number;
  /** The best estimated one-rep max of the day, in kg. */
  oneRepMaxKg: number;
}

/** Per day an exercise was done with weight: its top set and best estimated 1RM, oldest first. */
export function strengthSeries(entries: readonly Entry[], exercise: string): StrengthPoint[] {
  const byDay = new Map<DayKey, StrengthPoint>();
  for (const entry of entries) {
    if (entry.kind !== 'set' || entry.exercise !== exercise || entry.warmup || !entry.weight)
      continue;
    const kg = roundTo(toKg(entry.weight), 2);
    const oneRepMax = roundTo(setOneRepMax(entry as SetEntry) ?? 0, 1);
    const point = byDay.get(entry.day) ?? { day: entry.day, topSetKg: 0, oneRepMaxKg: 0 };
    point.topSetKg = Math.max(point.topSetKg, kg);
    point.oneRepMaxKg = Math.max(point.oneRepMaxKg, oneRepMax);
    byDay.set(entry.day, point);
  }
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

/**
 * A long series as the best of each week (keyed by its Monday), so years of history stay a
 * chart of a few hundred points; a series of a year or less is left as it is.
 */
export function weeklyBest(points: readonly StrengthPoint[], maxPoints = 366): StrengthPoint[] {
  if (points.length <= maxPoints) return [...points];
  const weeks = new Map<DayKey, StrengthPoint>();
  for (const point of points) {
    const week = dayKeyFromNumber(weekStartNumber(dayNumber(point.day)));
    const best = weeks.get(week) ?? { day: week, topSetKg: 0, oneRepMaxKg: 0 };
    best.topSetKg = Math.max(best.topSetKg, point.topSetKg);
    best.oneRepMaxKg = Math.max(best.oneRepMaxKg, point.oneRepMaxKg);
    weeks.set(week, best);
  }
  return [...weeks.values()];
}

/** Sets logged with weight, per exercise. */
export function weightedSetCounts(entries: readonly Entry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    if (entry.kind === 'set' && entry.weight)
      counts.set(entry.exercise, (counts.get(entry.exercise) ?? 0) + 1);
  }
  return counts;
}

/** Exercises by their sets, most sets first. */
export function mostSetsFirst(counts: Readonly<Record<string, number>>): string[] {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([exercise]) => exercise);
}

/** Exercises logged with weight, most sets first: the choices of the strength chart. */
export function weightedExercises(entries: readonly Entry[]): string[] {
  return mostSetsFirst(Object.fromEntries(weightedSetCounts(entries)));
}

export interface WaterDay {
  day: DayKey;
  ml: number;
  goalMl: number;
}

/** A day's water goal when its record holds none: one for every day, or each day's own. */
export type WaterGoal = number | ((day: DayKey) => number);

/** Water per day for the last `days` days to today, with each day's goal. */
export function waterSeries(
  totals: ReadonlyMap<DayKey, DayTotals>,
  goalMl: WaterGoal,
  today: DayKey,
  days: number,
): WaterDay[] {
  const goalOn = typeof goalMl === 'number' ? () => goalMl : goalMl;
  return Array.from({ length: days }, (_, index) => {
    const day = addDays(today, index - days + 1);
    const dayTotals = totals.get(day);
    return { day, ml: dayTotals?.waterMl ?? 0, goalMl: dayTotals?.waterGoalMl ?? goalOn(day) };
  });
}

/** The first day with any record, if any. */
export function firstDay(totals: ReadonlyMap<DayKey, unknown>): DayKey | undefined {
  let first: DayKey | undefined;
  for (const day of totals.keys()) if (first === undefined || day < first) first = day;
  return first;
}

/**
 * An average a day over a window of the last days before today, and the days it counts. Today is
 * left out (an unfinished day would pull the average down every morning); the days before the
 * first use (the first day with a record on any device) are not there; days of time off are
 * left out, as streaks excuse them. So `perDay` times `days` is `total`, and the wording names
 * the days counted.
 */
export interface DailyAverage {
  /** Unrounded: `total / days`, or 0 without a day counted. */
  perDay: number;
  total: number;
  /** The days counted: those of the window from the first use on that are not time off. */
  days: number;
  /** The window: the last `window` full days before today. */
  window: number;
  /** Days of the window before the first use. */
  beforeStart: number;
  /** Days of time off in the window, after the first use. */
  timeOff: number;
}

/** `value` of each day, averaged over the last `window` full days as DailyAverage says. */
export function dailyAverage(
  totals: ReadonlyMap<DayKey, DayTotals>,
  value: (day: DayTotals) => number,
  today: DayKey,
  window: number,
): DailyAverage {
  const first = firstDay(totals);
  const average = { perDay: 0, total: 0, days: 0, window, beforeStart: 0, timeOff: 0 };
  for (let back = window; back >= 1; back--) {
    const day = addDays(today, -back);
    const dayTotals = totals.get(day);
    if (first === undefined || day < first) average.beforeStart++;
    else if (isPaused(dayTotals)) average.timeOff++;
    else {
      average.days++;
      average.total += dayTotals ? value(dayTotals) : 0;
    }
  }
  if (average.days > 0) average.perDay = average.total / average.days;
  return average;
}

/** How an average's days are said: a message key, its plural count, and the day numbers. */
export interface AverageWording {
  key:
    | 'progress.average.lastDays'
    | 'progress.average.sinceStart'
    | 'progress.average.lastDaysTimeOff'
    | 'progress.average.sinceStartTimeOff'
    | 'progress.average.noDay';
  /** Chooses the plural form. */
  count: number;
  /** The days counted first, then the window or the days since the first use, then time off. */
  days: number[];
}

/** Which days an average counts, as the page says it: always the days counted first. */
export function averageWording(average: DailyAverage): AverageWording {
  const { days, window, beforeStart, timeOff } = average;
  const sinceStart = window - beforeStart;
  if (days === 0) return { key: 'progress.average.noDay', count: window, days: [0, window] };
  if (timeOff > 0) {
    return beforeStart > 0
      ? {
          key: 'progress.average.sinceStartTimeOff',
          count: timeOff,
          days: [days, sinceStart, timeOff],
        }
      : { key: 'progress.average.lastDaysTimeOff', count: timeOff, days: [days, window, timeOff] };
  }
  return beforeStart > 0
    ? { key: 'progress.average.sinceStart', count: days, days: [days] }
    : { key: 'progress.average.lastDays', count: days, days: [days] };
}

const waterOf = (day: DayTotals) => day.waterMl;

/** The water card: 30 days to today against the goal, and the 7- and 30-day averages. */
export function waterProgress(
  totals: ReadonlyMap<DayKey, DayTotals>,
  goalMl: WaterGoal,
  today: DayKey,
) {
  return {
    // Today is left out, as from the averages: an unfinished day would read as a drop.
    days: waterSeries(totals, goalMl, addDays(today, -1), 30),
    week: dailyAverage(totals, waterOf, today, 7),
    month: dailyAverage(totals, waterOf, today, 30),
  };
}

export type OutcomeCounts = Record<PromptOutcome, number> & { prompted: number };

export interface NudgeWeek {
  /** The Monday the week starts on. */
  week: DayKey;
  kinds: Record<NudgeKind, OutcomeCounts>;
}

/** What a week counts of each kind: prompts that ended, and each outcome. */
const COUNTED = ['prompted', ...PROMPT_OUTCOMES] as const;

const emptyCounts = () => Object.fromEntries(COUNTED.map((count) => [count, 0])) as OutcomeCounts;

const emptyWeek = (week: DayKey): NudgeWeek => ({
  week,
  kinds: Object.fromEntries(NUDGE_KINDS.map((kind) => [kind, emptyCounts()])) as NudgeWeek['kinds'],
});

/** Prompt outcomes per week and kind, newest week first. */
export function nudgeWeeks(entries: readonly Entry[]): NudgeWeek[] {
  const weeks = new Map<DayKey, NudgeWeek>();
  for (const entry of entries) {
    if (entry.kind !== 'prompt') continue;
    const week = dayKeyFromNumber(weekStartNumber(dayNumber(entry.day)));
    let row = weeks.get(week);
    if (!row) weeks.set(week, (row = emptyWeek(week)));
    const counts = row.kinds[entry.prompt];
    counts[entry.outcome] += 1;
    // A snooze brings the same prompt back: only the other outcomes end a prompt.
    if (entry.outcome !== 'snoozed') counts.prompted += 1;
  }
  return [...weeks.values()].sort((a, b) => (a.week < b.week ? 1 : -1));
}

/** The kinds of entries the progress page draws from entries (water comes from daily totals). */
export const DIGESTED_KINDS: ReadonlySet<Entry['kind']> = new Set(['set', 'prompt']);

/**
 * What the progress page draws from a list of entries, in a form a few hundred times smaller:
 * sets with weight per exercise (the strength chart's choices), each exercise's strength per day,
 * and prompt outcomes per week. Digests of parts of a list merge into the digest of the whole,
 * so each stored item is digested once and a change digests only the item it changed.
 */
export interface EntriesDigest {
  weightedSets: Record<string, number>;
  /** Oldest day first. */
  strength: Record<string, StrengthPoint[]>;
  /** Newest week first. */
  nudges: NudgeWeek[];
}

export function digestEntries(entries: readonly Entry[]): EntriesDigest {
  const weightedSets = weightedSetCounts(entries);
  return {
    weightedSets: Object.fromEntries(weightedSets),
    strength: Object.fromEntries(
      [...weightedSets.keys()]
        .map((exercise) => [exercise, strengthSeries(entries, exercise)] as const)
        .filter(([, points]) => points.length > 0),
    ),
    nudges: nudgeWeeks(entries),
  };
}

/** The digest of the entries of every part together. */
export function mergeDigests(parts: readonly EntriesDigest[]): EntriesDigest {
  const weightedSets = new Map<string, number>();
  const strength = new Map<string, Map<DayKey, StrengthPoint>>();
  const weeks = new Map<DayKey, NudgeWeek>();
  for (const part of parts) {
    for (const [exercise, count] of Object.entries(part.weightedSets))
      weightedSets.set(exercise, (weightedSets.get(exercise) ?? 0) + count);
    for (const [exercise, points] of Object.entries(part.strength)) {
      const days = strength.get(exercise) ?? new Map<DayKey, StrengthPoint>();
      strength.set(exercise, days);
      for (const point of points) {
        const best = days.get(point.day);
        days.set(point.day, {
          day: point.day,
          topSetKg: Math.max(best?.topSetKg ?? 0, point.topSetKg),
          oneRepMaxKg: Math.max(best?.oneRepMaxKg ?? 0, point.oneRepMaxKg),
        });
      }
    }
    for (const row of part.nudges) {
      const sum = weeks.get(row.week) ?? emptyWeek(row.week);
      weeks.set(row.week, sum);
      for (const kind of NUDGE_KINDS)
        for (const count of COUNTED) sum.kinds[kind][count] += row.kinds[kind][count];
    }
  }
  return {
    weightedSets: Object.fromEntries(weightedSets),
    strength: Object.fromEntries(
      [...strength].map(([exercise, days]) => [
        exercise,
        [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1)),
      ]),
    ),
    nudges: [...weeks.values()].sort((a, b) => (a.week < b.week ? 1 : -1)),
  };
}

/** A best of a strength series: its weight in kg and the day it was first reached. */
export interface BestOnDay {
  kg: number;
  day: DayKey;
}

/** The heaviest top set and the best estimated 1RM of a series, each with the day it was set. */
export function currentBest(
  points: readonly StrengthPoint[],
): { topSet: BestOnDay; oneRepMax: BestOnDay } | undefined {
  if (points.length === 0) return undefined;
  const best = (of: (point: StrengthPoint) => number): BestOnDay => {
    let found = points[0]!;
    for (const point of points)
      if (of(point) > of(found) || (of(point) === of(found) && point.day < found.day))
        found = point;
    return { kg: of(found), day: found.day };
  };
  return {
    topSet: best((point) => point.topSetKg),
    oneRepMax: best((point) => point.oneRepMaxKg),
  };
}

/** One nudge kind's done rate over weeks: the prompts done of those that ended. */
export interface DoneRate {
  kind: NudgeKind;
  done: number;
  prompted: number;
  /** Oldest first, each week's own counts. */
  weeks: { week: DayKey; done: number; prompted: number }[];
}

/** Per nudge kind with any prompt in `weeks` (newest first), its done rate week by week. */
export function doneRates(weeks: readonly NudgeWeek[]): DoneRate[] {
  return NUDGE_KINDS.flatMap((kind) => {
    const ofKind = [...weeks]
      .reverse()
      .map(({ week, kinds }) => ({ week, done: kinds[kind].done, prompted: kinds[kind].prompted }));
    const prompted = ofKind.reduce((sum, week) => sum + week.prompted, 0);
    if (prompted === 0) return [];
    const done = ofKind.reduce((sum, week) => sum + week.done, 0);
    return [{ kind, done, prompted, weeks: ofKind }];
  });
}

/**
 * The popup's "what now": one suggestion computed from today's state, and the small reads of
 * recent entries the popup offers as one-click actions (repeat a set, the remembered amount).
 */
import { isoWeekday, type DayKey } from '../model/days';
import type { CardioEntry, Entry, SetEntry } from '../model/entries';
import type { Settings } from '../model/settings';
import type { RecordKind, StoredRecords } from './strength';
import type { Goals } from '../model/settings';
import {
  HABIT_KINDS,
  judgedField,
  type HabitKind,
  type Habits,
  type StreakHabitId,
} from '../model/habits';
import type { HabitReport } from './streaks';
import type { DayTotals, FieldValues } from './summary';
import { convertWeight, roundTo, type Weight } from '../model/units';

export type NowSuggestion =
  /** One more of a daily habit meets today's goal and keeps a running streak. */
  | { kind: 'keepStreak'; habit: StreakHabitId; streak: number }
  /** Water is behind an even pace over today's active hours: drink one of the cups. */
  | { kind: 'water'; behindMl: number; cupMl: number }
  /** The week's workouts are not done and today is free: the last session, to repeat. */
  | {
      kind: 'workout';
      exercise: string;
      sets: number;
      reps?: number;
      seconds?: number;
      weight?: Weight;
    }
  | { kind: 'allDone' };

export interface NowState {
  now: number;
  today: DayKey;
  settings: Pick<Settings, 'cupsMl' | 'nudges'>;
  goals: Goals;
  totals: DayTotals;
  reports: readonly HabitReport[];
  /** Entries of the last weeks, oldest first; absent until they are read. */
  entries?: readonly Entry[];
}

/** Water below this much behind pace is not worth a suggestion. */
const WATER_SLACK_ML = 100;

/** Minutes from local midnight. */
function minuteOfDay(now: number): number {
  const date = new Date(now);
  return date.getHours() * 60 + date.getMinutes();
}

/** How much of today's active hours has passed, 0 to 1; undefined on a day without any. */
function activeShare(state: NowState): number | undefined {
  const ranges = state.settings.nudges.activeHours[isoWeekday(state.today) - 1] ?? [];
  const total = ranges.reduce((sum, range) => sum + range.to - range.from, 0);
  if (total === 0) return undefined;
  const minute = minuteOfDay(state.now);
  const passed = ranges.reduce(
    (sum, range) => sum + Math.max(0, Math.min(minute, range.to) - range.from),
    0,
  );
  return passed / total;
}

/** The sets of the last day before today with any, oldest first. */
export function lastSession(entries: readonly Entry[], today: DayKey): SetEntry[] {
  const sets = entries.filter(
    (entry): entry is SetEntry => entry.kind === 'set' && entry.day < today,
  );
  const day = sets.at(-1)?.day;
  return sets.filter((set) => set.day === day);
}

/** The kinds that offer a suggestion of this sort, with the field each judges by. */
function suggesting(kinds: Habits, sort: HabitKind['suggestion']) {
  return kinds
    .filter((kind) => kind.suggestion === sort)
    .map((kind) => ({ kind, field: judgedField(kind) }));
}

/** A weekly habit not met yet and a free day: the last session, to repeat. */
function sessionSuggestion(state: NowState, kinds: Habits): NowSuggestion | undefined {
  const totals: FieldValues = state.totals;
  for (const { kind, field } of suggesting(kinds, 'repeatSession')) {
    const report = state.reports.find((item) => item.habit === kind.id);
    if (totals[field] || state.totals.rest || report?.today !== 'open') continue;
    const session = lastSession(state.entries ?? [], state.today);
    const first = session[0];
    if (!first) continue;
    return {
      kind: 'workout',
      exercise: first.exercise,
      sets: session.filter((set) => set.exercise === first.exercise).length,
      ...(first.reps !== undefined ? { reps: first.reps } : {}),
      ...(first.seconds !== undefined ? { seconds: first.seconds } : {}),
      ...(first.weight ? { weight: first.weight } : {}),
    };
  }
  return undefined;
}

/** A habit behind an even pace over today's active hours: the cup that catches up best. */
function paceSuggestion(state: NowState, kinds: Habits): NowSuggestion | undefined {
  const share = activeShare(state);
  if (share === undefined) return undefined;
  for (const { kind, field } of suggesting(kinds, 'pace')) {
    const behindMl = Math.round(
      state.goals[kind.goal] * share - ((state.totals as FieldValues)[field] as number),
    );
    if (behindMl < WATER_SLACK_ML) continue;
    const cups = [...state.settings.cupsMl].sort((a, b) => a - b);
    const cupMl = cups.filter((cup) => cup <= behindMl).at(-1) ?? cups[0]!;
    return { kind: 'water', behindMl: Math.round(behindMl / 50) * 50, cupMl };
  }
  return undefined;
}

/**
 * The one thing most worth doing now: a streak one action from safe first, then water behind
 * pace, then the week's workout; "all done" once every daily goal is met.
 */
export function suggestNow(
  state: NowState,
  kinds: Habits = HABIT_KINDS,
): NowSuggestion | undefined {
  if (state.totals.rest && state.totals.rest !== 'rest') return undefined;
  const totals: FieldValues = state.totals;
  for (const { kind, field } of suggesting(kinds, 'keepStreak')) {
    const report = state.reports.find((item) => item.habit === kind.id);
    const goal = state.goals[kind.goal];
    if (
      report &&
      report.current > 0 &&
      report.today === 'open' &&
      goal - (totals[field] as number) === 1
    )
      return { kind: 'keepStreak', habit: kind.id as StreakHabitId, streak: report.current };
  }
  const suggestion = paceSuggestion(state, kinds) ?? sessionSuggestion(state, kinds);
  if (suggestion) return suggestion;
  const metAll = kinds.every(
    (kind) =>
      kind.judge.unit !== 'days' || (totals[kind.judge.amount] as number) >= state.goals[kind.goal],
  );
  return metAll ? { kind: 'allDone' } : undefined;
}

/** The set to offer as "Repeat": the last one logged, on any day. */
export function lastLoggedSet(entries: readonly Entry[]): SetEntry | CardioEntry | undefined {
  return entries
    .filter(
      (entry): entry is SetEntry | CardioEntry => entry.kind === 'set' || entry.kind === 'cardio',
    )
    .at(-1);
}

/** The last amount of water logged that is not one of the cups: the custom field's default. */
export function lastCustomWater(
  entries: readonly Entry[],
  cupsMl: readonly number[],
): number | undefined {
  return entries
    .filter((entry) => entry.kind === 'water' && !cupsMl.includes(entry.ml))
    .map((entry) => (entry.kind === 'water' ? entry.ml : 0))
    .at(-1);
}

/** By how much a set beat the record it broke, for the banner: "+5 kg", "+2 reps", "+10 s". */
export type RecordGain =
  | { kind: 'weight'; weight: Weight }
  | { kind: 'reps'; reps: number }
  | { kind: 'seconds'; seconds: number };

export function recordGain(
  before: StoredRecords | undefined,
  set: SetEntry,
  broken: readonly RecordKind[],
): RecordGain | undefined {
  if (!before) return undefined;
  if (broken.includes('heaviest') && set.weight && before.heaviestKg !== undefined) {
    const previous = convertWeight({ amount: before.heaviestKg, unit: 'kg' }, set.weight.unit);
    const amount = roundTo(set.weight.amount - previous.amount, 1);
    return amount > 0 ? { kind: 'weight', weight: { amount, unit: set.weight.unit } } : undefined;
  }
  if (broken.includes('longestHold') && set.seconds !== undefined && before.longestHoldSeconds)
    return { kind: 'seconds', seconds: set.seconds - before.longestHoldSeconds };
  if (broken.includes('mostReps') && set.reps !== undefined && before.mostReps)
    return { kind: 'reps', reps: set.reps - before.mostReps };
  return undefined;
}

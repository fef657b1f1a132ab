/**
 * The habit kinds: water, posture checks, movement breaks, breathing and workouts. Each kind
 * declares here, once, what the rest of Backbone needs to know of it, and the daily records,
 * their codec, sync, streaks, the popup's rings and suggestion, progress and the badge read these
 * declarations instead of naming kinds:
 *
 * - `id`: its name in reports, rings and messages. Its messages in locales/en.yml are
 *   `habit.<id>` (its name), `now.short.<id>` and `now.ringAction.<id>` (its ring), `badge.<id>`
 *   (its part of the toolbar's title; a `done` ring says `badge.workoutDone` or
 *   `badge.noWorkout` there), and with the keepStreak suggestion `now.keepStreak.<id>` and
 *   `now.do.<id>` (tests/unit/habits.test.ts checks they exist);
 * - `goal`: the field of the settings' goals that holds its target (0 turns the habit off);
 * - `judge`: how a day is judged: its streak's unit, and what is met (`days`: the day's amount
 *   reaches the goal; `weeks`: days flagged in a Monday-to-Sunday week reach the goal, as far
 *   as the week leaves days without rest) and what is not expected (`skipsNudgeFreeDays`);
 * - `ring`: how the popup's ring shows today (`volume`: litres or ounces against the goal,
 *   `count`: "2/4", `done`: a tick once the day is flagged);
 * - `suggestion`: what the popup's one suggestion may offer for it (lib/stats/suggestion.ts);
 * - `prompt`: for a kind the nudges prompt for, the letter of its prompts in stored entries;
 * - `stored`: its place in the daily records (lib/stats/summary.ts) and their codec
 *   (lib/store/day-codec.ts), which sync uses: each field's name, how an entry adds to it, the
 *   most a person logs in a day, and its place in the full and coarse forms. A new stored field
 *   is a new version of the records' format (tests/unit/day-codec.test.ts says what to do).
 *
 * Functions that read the kinds take them as their last parameter, `HABIT_KINDS` by default,
 * so a test can add a kind of its own.
 */
import type { Entry, NudgeKind } from './entries';
import type { Goals } from './settings';
import { toKg } from './units';

/** A field of a day's record, and where it goes. */
export interface StoredField {
  readonly name: string;
  /** A count adds up over entries and devices; a flag is set by any of them. */
  readonly type: 'count' | 'flag';
  /** What one entry adds (a flag is set by any amount above 0). */
  readonly tally: (entry: Entry) => number;
  /** The most one device logs in a day: a record beyond it is damaged or hostile. */
  readonly max?: number;
  /** Its position in the full form, one number a field (7 and 8: the day's rest and goal). */
  readonly full: number;
  /** Its bits in the coarse form (bits 0 and 1: the day's rest); absent, coarse days drop it. */
  readonly coarse?: { readonly shift: number; readonly bits: number };
  /** Kept against the day's goal (`waterGoalMl`): coarse days hold twentieths of the goal. */
  readonly ofDayGoal?: boolean;
}

export type Judge =
  | { readonly unit: 'days'; readonly amount: string; readonly skipsNudgeFreeDays: boolean }
  | { readonly unit: 'weeks'; readonly flag: string };

export interface HabitKind {
  readonly id: string;
  readonly goal: keyof Goals;
  readonly judge: Judge;
  readonly ring: 'volume' | 'count' | 'done';
  /** `keepStreak`: one more keeps a running streak; `pace`: behind an even pace over the active
   * hours, a cup; `repeatSession`: the week's target not met, the last session again. */
  readonly suggestion?: 'keepStreak' | 'pace' | 'repeatSession';
  readonly prompt?: { readonly letter: string };
  readonly stored: readonly StoredField[];
}

export type Habits = readonly HabitKind[];

/** Prompts of one kind done in a day, beyond which a record is not a person's day. */
const PROMPTS_A_DAY = 1_000;

const promptsDone = (kind: NudgeKind) => (entry: Entry) =>
  entry.kind === 'prompt' && entry.prompt === kind && entry.outcome === 'done' ? 1 : 0;

/** A daily count of one nudge's prompts done: posture checks, movement breaks, breathing. */
function promptHabit<const Id extends NudgeKind>(
  id: Id,
  goal: keyof Goals,
  place: { letter: string; full: number; coarse: { shift: number; bits: number } },
) {
  return {
    id,
    goal,
    judge: { unit: 'days', amount: id, skipsNudgeFreeDays: true },
    ring: 'count',
    suggestion: 'keepStreak',
    prompt: { letter: place.letter },
    stored: [
      {
        name: id,
        type: 'count',
        tally: promptsDone(id),
        max: PROMPTS_A_DAY,
        full: place.full,
        coarse: place.coarse,
      },
    ],
  } as const;
}

/** Weight × reps of a working set, in kg (a day's sum is kept in whole kg). */
function setVolumeKg(entry: Entry): number {
  if (entry.kind !== 'set' || entry.warmup || !entry.weight || !entry.reps) return 0;
  return toKg(entry.weight) * entry.reps * (entry.side === 'both' ? 2 : 1);
}

/** In the order the popup's rings and the progress page show them. */
export const HABIT_KINDS = [
  {
    id: 'water',
    goal: 'waterMl',
    // The goal in force on a day is kept in its record; only nudges depend on active hours.
    judge: { unit: 'days', amount: 'waterMl', skipsNudgeFreeDays: false },
    ring: 'volume',
    suggestion: 'pace',
    prompt: { letter: 'W' },
    stored: [
      {
        name: 'waterMl',
        type: 'count',
        tally: (entry) => (entry.kind === 'water' ? entry.ml : 0),
        max: 50_000,
        full: 0,
        coarse: { shift: 18, bits: 6 },
        ofDayGoal: true,
      },
    ],
  },
  promptHabit('posture', 'postureChecks', { letter: 'P', full: 4, coarse: { shift: 10, bits: 4 } }),
  promptHabit('movement', 'movementBreaks', {
    letter: 'M',
    full: 5,
    coarse: { shift: 6, bits: 4 },
  }),
  promptHabit('breathing', 'breathingSessions', {
    letter: 'B',
    full: 6,
    coarse: { shift: 3, bits: 3 },
  }),
  {
    id: 'workout',
    goal: 'workoutsPerWeek',
    // A rest day is not expected to have a workout; it counts when it has one.
    judge: { unit: 'weeks', flag: 'workout' },
    ring: 'done',
    suggestion: 'repeatSession',
    stored: [
      {
        name: 'workout',
        type: 'flag',
        tally: (entry) => (entry.kind === 'set' || entry.kind === 'cardio' ? 1 : 0),
        full: 3,
        coarse: { shift: 2, bits: 1 },
      },
      {
        name: 'sets',
        type: 'count',
        tally: (entry) => (entry.kind === 'set' && !entry.warmup ? 1 : 0),
        max: 2_000,
        full: 1,
        coarse: { shift: 14, bits: 4 },
      },
      { name: 'volumeKg', type: 'count', tally: setVolumeKg, max: 5_000_000, full: 2 },
    ],
  },
] as const satisfies Habits;

type BuiltIn = (typeof HABIT_KINDS)[number];
export type HabitId = BuiltIn['id'];
/** The habits one more of which may keep a streak, in the popup's suggestion. */
export type StreakHabitId = Extract<BuiltIn, { suggestion: 'keepStreak' }>['id'];

type FieldOf<Kind> = Kind extends { stored: readonly (infer Field)[] } ? Field : never;
/** What the built-in kinds store in a day's record: counts as numbers, flags as booleans. */
export type HabitFields = {
  [Field in FieldOf<BuiltIn> as Field['name']]: Field['type'] extends 'flag' ? boolean : number;
};

const fieldLists = new WeakMap<Habits, readonly StoredField[]>();

/** Every field the kinds store in a day's record, in the kinds' order. */
/** The declaration of the kind with this id, if `kinds` has one. */
export function habitKind(id: string, kinds: Habits = HABIT_KINDS): HabitKind | undefined {
  return kinds.find((kind) => kind.id === id);
}

export function storedFields(kinds: Habits): readonly StoredField[] {
  let fields = fieldLists.get(kinds);
  if (!fields) fieldLists.set(kinds, (fields = kinds.flatMap((kind) => kind.stored)));
  return fields;
}

/** The field a kind's judge reads: its daily amount, or the flag its weeks count. */
export function judgedField(kind: HabitKind): string {
  return kind.judge.unit === 'days' ? kind.judge.amount : kind.judge.flag;
}

/** Whether the kind's amount is kept against the day's goal (water). */
export function judgedAgainstDayGoal(kind: HabitKind): boolean {
  const name = judgedField(kind);
  return kind.stored.some((field) => field.name === name && field.ofDayGoal === true);
}

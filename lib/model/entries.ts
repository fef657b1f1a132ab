/**
 * Entries: everything a user logs, as one validated model. Types are inferred from the schemas,
 * so what is stored, sent between contexts and imported is checked by the same rules.
 *
 * Every entry carries an id, the instant it happened (`at`, epoch ms), the device it came from,
 * and its local day, fixed when it was logged (see lib/model/days.ts). Validation messages are i18n
 * keys under `invalid.*`, so pages show a sentence a user can act on.
 */
import { ProblemError } from './problem';
import * as v from 'valibot';
import { LIMITS } from './limits';
import { daysBetween, isDayKey, localDayKey, MAX_START_OF_DAY_HOUR, type DayKey } from './days';

/**
 * What the nudges prompt for, in the nudges' order; a prompt entry logs the outcome of one. Each
 * is a habit kind with a `prompt` (lib/model/habits.ts), which gives its letter in stored entries.
 */
export const NUDGE_KINDS = ['posture', 'movement', 'breathing', 'water'] as const;
export type NudgeKind = (typeof NUDGE_KINDS)[number];

export const PROMPT_OUTCOMES = ['done', 'snoozed', 'skipped', 'dismissed', 'expired'] as const;
export type PromptOutcome = (typeof PROMPT_OUTCOMES)[number];

/** Vacation and sick days pause every habit; a rest day pauses the workout habit only. */
export const REST_REASONS = ['rest', 'vacation', 'sick'] as const;
export type RestReason = (typeof REST_REASONS)[number];

export { LIMITS };

/** Years a day or an instant may fall in: anything else is a broken clock or a broken file. */
export const YEARS = { first: 2000, last: 2199 } as const;
const EARLIEST_INSTANT = Date.UTC(YEARS.first, 0, 1);
export const LATEST_INSTANT = Date.UTC(YEARS.last + 1, 0, 1);

export function isSaneYear(year: number): boolean {
  return Number.isInteger(year) && year >= YEARS.first && year <= YEARS.last;
}

export const dayKeySchema = v.pipe(
  v.string('invalid.day'),
  v.check((key: string) => isDayKey(key), 'invalid.day'),
);
export const idSchema = v.pipe(
  v.string('invalid.id'),
  v.regex(/^[A-Za-z0-9_-]{6,40}$/, 'invalid.id'),
);
export const instantSchema = v.pipe(
  v.number('invalid.instant'),
  v.integer('invalid.instant'),
  v.minValue(EARLIEST_INSTANT, 'invalid.instant'),
  v.maxValue(LATEST_INSTANT, 'invalid.instant'),
);
export const deviceIdSchema = v.pipe(
  v.string('invalid.device'),
  v.regex(/^[A-Za-z0-9]{4,16}$/, 'invalid.device'),
);
/** How an exercise id is written: built-in ids, custom ones, and those of newer versions. */
export const EXERCISE_ID = /^[A-Za-z][A-Za-z0-9-]{1,40}$/;
export const exerciseIdSchema = v.pipe(
  v.string('invalid.exercise'),
  v.regex(EXERCISE_ID, 'invalid.exercise'),
);

function boundedNumber(limits: { min: number; max: number }, message: string) {
  return v.pipe(
    v.number(message),
    v.finite(message),
    v.minValue(limits.min, message),
    v.maxValue(limits.max, message),
  );
}

function boundedInteger(limits: { min: number; max: number }, message: string) {
  return v.pipe(
    v.number(message),
    v.integer(message),
    v.minValue(limits.min, message),
    v.maxValue(limits.max, message),
  );
}

const weightSchema = v.strictObject({
  amount: boundedNumber(LIMITS.weight, 'invalid.weight'),
  unit: v.picklist(['kg', 'lb'], 'invalid.weightUnit'),
});

const noteSchema = v.pipe(v.string('invalid.note'), v.maxLength(LIMITS.noteLength, 'invalid.note'));

const storedFields = {
  id: idSchema,
  at: instantSchema,
  day: dayKeySchema,
  device: deviceIdSchema,
};

/** What a page sends: the writer adds the id and device, and the day when it is absent. */
const newFields = {
  at: instantSchema,
  day: v.optional(dayKeySchema),
};

const setFields = {
  kind: v.literal('set'),
  exercise: exerciseIdSchema,
  reps: v.optional(boundedInteger(LIMITS.reps, 'invalid.reps')),
  seconds: v.optional(boundedInteger(LIMITS.seconds, 'invalid.seconds')),
  weight: v.optional(weightSchema),
  side: v.optional(v.picklist(['left', 'right', 'both'], 'invalid.side')),
  rpe: v.optional(
    v.pipe(
      boundedNumber(LIMITS.rpe, 'invalid.rpe'),
      v.check((rpe: number) => Number.isInteger(rpe * 2), 'invalid.rpe'),
    ),
  ),
  warmup: v.optional(v.boolean()),
  note: v.optional(noteSchema),
};

const promptFields = {
  kind: v.literal('prompt'),
  prompt: v.picklist(NUDGE_KINDS, 'invalid.promptKind'),
  outcome: v.picklist(PROMPT_OUTCOMES, 'invalid.promptOutcome'),
  firedAt: instantSchema,
  answeredAt: v.optional(instantSchema),
  /** What the prompt offered: a desk move's exercise id or a breathing pattern id. */
  detail: v.optional(v.pipe(v.string(), v.maxLength(40))),
};

const restFields = {
  kind: v.literal('rest'),
  reason: v.picklist(REST_REASONS, 'invalid.restReason'),
  until: v.optional(dayKeySchema),
};

const waterFields = {
  kind: v.literal('water'),
  ml: boundedInteger(LIMITS.waterMl, 'invalid.waterMl'),
};

/** Cardio and mobility done for a while: duration, optionally a distance. */
const cardioFields = {
  kind: v.literal('cardio'),
  exercise: exerciseIdSchema,
  seconds: boundedInteger(LIMITS.seconds, 'invalid.duration'),
  distanceM: v.optional(boundedInteger(LIMITS.distanceM, 'invalid.distance')),
  note: v.optional(noteSchema),
};

/**
 * A strength set: reps (with an optional weight), or a hold in seconds. Per-side exercises log
 * one entry per side, or one with `side: 'both'` when both sides did the same.
 */
const needsRepsOrSeconds = <T extends { reps?: number; seconds?: number }>() =>
  v.check<T, string>(
    (set) => set.reps !== undefined || set.seconds !== undefined,
    'invalid.setNeedsRepsOrSeconds',
  );

const answeredAfterFired = <T extends { firedAt: number; answeredAt?: number }>() =>
  v.check<T, string>(
    (prompt) => prompt.answeredAt === undefined || prompt.answeredAt >= prompt.firedAt,
    'invalid.answeredBeforeFired',
  );

/** A rest or pause runs from `day` to `until` (inclusive; one day when absent). */
const restRangeIsSane = <T extends { day?: DayKey; until?: DayKey }>() =>
  v.check<T, string>(
    (rest) =>
      rest.until === undefined ||
      rest.day === undefined ||
      (rest.until >= rest.day && restLength(rest.day, rest.until) <= LIMITS.restDays),
    'invalid.restRange',
  );

export const entrySchema = v.variant(
  'kind',
  [
    v.strictObject({ ...storedFields, ...waterFields }),
    v.pipe(v.strictObject({ ...storedFields, ...setFields }), needsRepsOrSeconds()),
    v.strictObject({ ...storedFields, ...cardioFields }),
    v.pipe(v.strictObject({ ...storedFields, ...promptFields }), answeredAfterFired()),
    v.pipe(v.strictObject({ ...storedFields, ...restFields }), restRangeIsSane()),
  ],
  'invalid.entryKind',
);

export const newEntrySchema = v.variant(
  'kind',
  [
    v.strictObject({ ...newFields, ...waterFields }),
    v.pipe(v.strictObject({ ...newFields, ...setFields }), needsRepsOrSeconds()),
    v.strictObject({ ...newFields, ...cardioFields }),
    v.pipe(v.strictObject({ ...newFields, ...promptFields }), answeredAfterFired()),
    v.pipe(v.strictObject({ ...newFields, ...restFields }), restRangeIsSane()),
  ],
  'invalid.entryKind',
);

export type Entry = v.InferOutput<typeof entrySchema>;
export type NewEntry = v.InferOutput<typeof newEntrySchema>;
export type WaterEntry = Extract<Entry, { kind: 'water' }>;
export type SetEntry = Extract<Entry, { kind: 'set' }>;
export type CardioEntry = Extract<Entry, { kind: 'cardio' }>;
export type PromptEntry = Extract<Entry, { kind: 'prompt' }>;
export type RestEntry = Extract<Entry, { kind: 'rest' }>;

function restLength(day: DayKey, until: DayKey): number {
  return daysBetween(day, until) + 1;
}

/** An entry that makes no sense: the first problem's key, and where in the input it is. */
export class EntryValidationError extends ProblemError {
  override name = 'EntryValidationError';
  constructor(
    messageKey: string,
    readonly path: string | undefined,
  ) {
    super(messageKey);
  }
}

/** Parses unknown input as an entry, throwing an error that names the first problem. */
export function parseEntry(input: unknown): Entry {
  if (typeof input !== 'object' || input === null)
    throw new EntryValidationError('invalid.entry', undefined);
  const result = v.safeParse(entrySchema, input);
  if (result.success) return result.output;
  const [issue] = result.issues;
  // Structural problems (an unknown key, a wrong type) carry valibot's own English text.
  const messageKey = issue.message.startsWith('invalid.') ? issue.message : 'invalid.entry';
  throw new EntryValidationError(messageKey, v.getDotPath(issue) ?? undefined);
}

export function isValidEntry(input: unknown): input is Entry {
  return v.is(entrySchema, input);
}

// Checks against the world ---------------------------------------------------------------------
// The schemas check an entry on its own; these check it against the clock, the user's day and
// the exercises that exist. Each returns the i18n key of the first problem, or undefined.

/** How far ahead of this device's clock another device's (or a file's) instant may be. */
export const CLOCK_SKEW_MS = 10 * 60_000;
const HOUR_MS = 3_600_000;
/** Time zones run from UTC-12 to UTC+14, and a day may start up to 6 h after midnight. */
const EARLIEST_OFFSET_MS = -(12 + MAX_START_OF_DAY_HOUR) * HOUR_MS;
const LATEST_OFFSET_MS = 14 * HOUR_MS;

const utcDay = (instant: number) => new Date(instant).toISOString().slice(0, 10);

/** Whether an instant can belong to a day in some time zone, with some start of day. */
export function isPossibleDay(day: DayKey, at: number): boolean {
  return day >= utcDay(at + EARLIEST_OFFSET_MS) && day <= utcDay(at + LATEST_OFFSET_MS);
}

export interface WorldContext {
  now: number;
  /** Whether an exercise id names a built-in exercise or one of the user's own. */
  knownExercise: (id: string) => boolean;
}

/** What any entry, new or from elsewhere, must meet: not in the future, a known exercise. */
export function entryWorldProblem(
  entry: NewEntry | Entry,
  context: WorldContext,
): string | undefined {
  if (entry.at > context.now + CLOCK_SKEW_MS) return 'invalid.future';
  if ((entry.kind === 'set' || entry.kind === 'cardio') && !context.knownExercise(entry.exercise))
    return 'invalid.unknownExercise';
  return undefined;
}

/**
 * A new entry from a page: its day, when given, must be the day of its instant on this
 * device's clock and start of day; a rest runs at most LIMITS.restDays from that day.
 */
export function newEntryProblem(
  entry: NewEntry,
  context: WorldContext & { startOfDayHour: number },
): string | undefined {
  const day = localDayKey(entry.at, context.startOfDayHour);
  if (entry.day !== undefined && entry.day !== day) return 'invalid.dayMismatch';
  if (
    entry.kind === 'rest' &&
    entry.until !== undefined &&
    (entry.until < day || restLength(day, entry.until) > LIMITS.restDays)
  )
    return 'invalid.restRange';
  return entryWorldProblem(entry, context);
}

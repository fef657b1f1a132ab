/**
 * The one map of every message exchanged between the extension's contexts. Pages and the
 * background import only from here, so a message's request and response cannot drift apart.
 */
import * as v from 'valibot';
import {
  customExerciseSchema,
  savedCustomExerciseSchema,
  type CustomExercise,
} from '../model/catalogue';
import {
  dayKeySchema,
  entrySchema,
  EXERCISE_ID,
  idSchema,
  instantSchema,
  newEntrySchema,
  NUDGE_KINDS,
} from '../model/entries';
import { checkInSchema, weekKeySchema, type CheckIn } from '../model/checkin';
import type { NudgeStatus } from '../nudge/engine';
import { checkInReminderSchema, type CheckInReminder } from '../nudge/checkin-reminder';
import { TIME_OFF_REASONS } from '../nudge/schedule';
import { problemOf } from '../model/problem';
import type { SkippedGroup } from '../store/file-entries';
import { MAX_BACKUP_CHECKINS } from '../store/backup';
import { changeIdSchema, MAX_KEPT_SESSIONS } from '../store/items';
import {
  INVALID_BATCH,
  isFieldsObject,
  problemOfIssue,
  refusedData,
  unknownMessage,
} from './refusals';
import { BATCH, isEnvelope, MAX_MESSAGES_PER_BATCH, type Envelope, type Reply } from './wire';
import { settingsSchema, SNOOZE_CHOICES, type Settings } from '../model/settings';
import type { FlushResult } from '../sync/flush';
import type { EntriesDigest } from '../stats/progress';
import type { EntryRef, Logged } from '../store/writer';
import type { StoredSession } from '../store/items';
import { ownRoutinesSchema, type OwnRoutines } from '../model/routines';
import { sessionSchema } from '../model/session-schema';

export interface WorkerStatus {
  version: string;
  startedAt: number;
  device: string;
}

/** The most entries one message may carry (a week of heavy logging; imports go in batches). */
export const MAX_ENTRIES_PER_MESSAGE = 500;
export const MAX_IMPORT_BATCH = 5_000;
/** Parts of one import: 2,000,000 entries, the most a file may hold. */
export const MAX_IMPORT_PARTS = 400;

const sessionSlotSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(30));
const entryRefSchema = v.strictObject({ id: idSchema, day: dayKeySchema });
/** A page's id for a change: a retry after a lost acknowledgement carries the same one. */
const changeId = v.optional(changeIdSchema);

export const requestSchemas = {
  getStatus: v.strictObject({}),
  logEntries: v.strictObject({
    entries: v.pipe(v.array(newEntrySchema), v.minLength(1), v.maxLength(MAX_ENTRIES_PER_MESSAGE)),
    changeId,
  }),
  removeEntries: v.strictObject({
    refs: v.pipe(v.array(entryRefSchema), v.minLength(1), v.maxLength(MAX_ENTRIES_PER_MESSAGE)),
    changeId,
  }),
  syncNow: v.strictObject({}),
  /** `restore`: an import puts back a saved record as it was, its time included. */
  saveSettings: v.strictObject({ settings: settingsSchema, restore: v.optional(v.boolean()) }),
  saveCustomExercise: v.strictObject({
    exercise: savedCustomExerciseSchema,
    restore: v.optional(v.boolean()),
  }),
  answerPrompt: v.strictObject({
    kind: v.picklist(NUDGE_KINDS),
    outcome: v.picklist(['done', 'snoozed', 'skipped']),
    /** For a snooze: how long, when not the default from the settings. */
    snoozeMinutes: v.optional(v.picklist(SNOOZE_CHOICES)),
    /** The prompt answered (NudgeStatus.pending's firedAt); absent for an unprompted answer. */
    prompt: v.optional(instantSchema),
  }),
  pauseNudges: v.strictObject({ choice: v.picklist(['30m', '1h', 'tomorrow', 'untilResumed']) }),
  resumeNudges: v.strictObject({}),
  /** Vacation or sick days, `from` to `until` inclusive: every nudge pauses, no streak breaks. */
  takeTimeOff: v.strictObject({
    reason: v.picklist(TIME_OFF_REASONS, 'invalid.restReason'),
    from: dayKeySchema,
    until: dayKeySchema,
  }),
  nudgeStatus: v.strictObject({}),
  testNotification: v.strictObject({}),
  /** One part of a file's entries, kept aside in storage until the import is committed. */
  stageImport: v.strictObject({
    id: idSchema,
    part: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_IMPORT_PARTS - 1)),
    entries: v.pipe(v.array(entrySchema), v.minLength(1), v.maxLength(MAX_IMPORT_BATCH)),
  }),
  /**
   * The import, as one use case: the staged parts, the custom exercises, and for a replace the
   * settings, after a backup; finished on the next start if the worker stops meanwhile.
   */
  commitImport: v.strictObject({
    id: idSchema,
    parts: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_IMPORT_PARTS)),
    mode: v.picklist(['add', 'replace']),
    settings: settingsSchema,
    customExercises: v.pipe(v.array(customExerciseSchema), v.maxLength(1_000)),
  }),
  /**
   * The digests of the entry items of the months from `from` (every month when empty) up to,
   * not including, `until`: what the progress page draws from entries, without their weight.
   */
  entryDigests: v.strictObject({
    from: v.pipe(v.string(), v.regex(/^(?:\d{4}-\d{2})?$/)),
    until: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}$/))),
  }),
  /** Keeps a backup of everything (refused when it would not fit), then deletes it all. */
  resetData: v.strictObject({}),
  /** Puts the kept backup back, in place of everything; finished on the next start if cut. */
  restoreBackup: v.strictObject({}),
  /** The years before this one that hold entries, with the bytes each takes. */
  historyYears: v.strictObject({}),
  /** Removes the entries of every year before `before` (daily and personal records stay). */
  removeOldHistory: v.strictObject({
    before: v.pipe(
      v.number('history.invalidYear'),
      v.integer('history.invalidYear'),
      v.minValue(2000, 'history.invalidYear'),
      v.maxValue(2200, 'history.invalidYear'),
    ),
  }),
  /** A session of a routine (own or ready), or an empty one; one under way ends first. */
  startSession: v.strictObject({ routine: v.optional(v.pipe(v.string(), v.regex(EXERCISE_ID))) }),
  /**
   * A set logged in the session, for its slot (the next slot adds an exercise); `expected` is
   * the set a notification offered: logged only while it is still the next one.
   */
  logSessionSet: v.strictObject({
    slot: sessionSlotSchema,
    set: newEntrySchema,
    restSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(600))),
    expected: v.optional(
      v.strictObject({ slot: sessionSlotSchema, set: v.pipe(v.number(), v.integer()) }),
    ),
  }),
  pauseSession: v.strictObject({ paused: v.boolean() }),
  /** The user's own routines and rotation; `restore` puts back a file's as it was. */
  saveRoutines: v.strictObject({ routines: ownRoutinesSchema, restore: v.optional(v.boolean()) }),
  skipSessionExercise: v.strictObject({ slot: sessionSlotSchema }),
  /** Ends the session under way; `dismiss` lets go of the summary of one ended. */
  endSession: v.strictObject({ dismiss: v.optional(v.boolean()) }),
  /** A week's check-in, in place of the week's earlier one (its photos are the page's). */
  saveCheckIn: v.strictObject({ checkIn: checkInSchema }),
  deleteCheckIn: v.strictObject({ week: weekKeySchema }),
  saveCheckInReminder: v.strictObject({ reminder: checkInReminderSchema }),
  /** A file's check-ins, after its import: in place of all (`replace`) or the newer of a week. */
  importCheckIns: v.strictObject({
    checkIns: v.pipe(v.array(checkInSchema), v.maxLength(MAX_BACKUP_CHECKINS)),
    mode: v.picklist(['add', 'replace']),
  }),
  /** A file's finished sessions and routines, after its import: in place of all, or added. */
  importWorkouts: v.strictObject({
    sessions: v.pipe(v.array(sessionSchema), v.maxLength(MAX_KEPT_SESSIONS)),
    routines: v.optional(ownRoutinesSchema),
    mode: v.picklist(['add', 'replace']),
  }),
} satisfies Record<string, v.GenericSchema>;

export interface ResponseMap {
  getStatus: WorkerStatus;
  logEntries: Logged;
  removeEntries: { removed: EntryRef[] };
  syncNow: FlushResult;
  saveSettings: Settings;
  saveCustomExercise: CustomExercise[];
  answerPrompt: NudgeStatus;
  pauseNudges: NudgeStatus;
  resumeNudges: NudgeStatus;
  takeTimeOff: NudgeStatus;
  nudgeStatus: NudgeStatus;
  testNotification: void;
  stageImport: void;
  /** `skipped`: the entries of the file left out, by reason (the preview's counts). */
  commitImport: { added: number; skipped: SkippedGroup[] };
  resetData: void;
  restoreBackup: void;
  historyYears: { years: { year: number; bytes: number }[]; currentYear: number };
  removeOldHistory: { freedBytes: number };
  /** By item key. */
  entryDigests: Record<string, EntriesDigest>;
  startSession: StoredSession;
  logSessionSet: StoredSession;
  pauseSession: StoredSession;
  skipSessionExercise: StoredSession;
  endSession: StoredSession;
  saveRoutines: OwnRoutines;
  /** `synced`: false when sync refused it (it stays on this device and goes with the next). */
  saveCheckIn: { checkIn: CheckIn; synced: boolean };
  deleteCheckIn: { synced: boolean };
  saveCheckInReminder: CheckInReminder;
  importCheckIns: { imported: number };
  importWorkouts: { sessions: number; routines: number };
}

export type MessageType = keyof typeof requestSchemas;
export type RequestOf<K extends MessageType> = v.InferOutput<(typeof requestSchemas)[K]>;

export type Handlers = {
  [K in MessageType]: (data: RequestOf<K>) => Promise<ResponseMap[K]> | ResponseMap[K];
};

function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(requestSchemas, type);
}

/**
 * Validates a raw message and runs its handler. Anything malformed is answered with its problem
 * (an i18n key and its substitutions) before a handler sees it, so a handler never runs on bad
 * input.
 */
export function createDispatcher(handlers: Handlers) {
  const dispatchBatch = async (messages: unknown): Promise<Reply<unknown>> => {
    if (
      !Array.isArray(messages) ||
      messages.length === 0 ||
      messages.length > MAX_MESSAGES_PER_BATCH ||
      !messages.every((message) => isEnvelope(message) && message.type !== BATCH)
    ) {
      return { ok: false, error: INVALID_BATCH };
    }
    // Started together, as the same messages sent one by one would be: the writer groups them.
    return { ok: true, value: await Promise.all(messages.map(dispatchOne)) };
  };
  const dispatchOne = async (message: Envelope): Promise<Reply<unknown>> => {
    if (!isMessageType(message.type)) return { ok: false, error: unknownMessage(message.type) };
    // A list passes valibot's object checks when every field is optional: refused first.
    if (!isFieldsObject(message.data)) return { ok: false, error: refusedData(message.type) };
    const parsed = v.safeParse(requestSchemas[message.type], message.data);
    if (!parsed.success) {
      const [issue] = parsed.issues;
      const where = v.getDotPath(issue) ?? '';
      return { ok: false, error: problemOfIssue(message.type, issue, where) };
    }
    try {
      const handler = handlers[message.type] as (data: unknown) => unknown;
      return { ok: true, value: await handler(parsed.output) };
    } catch (error) {
      return { ok: false, error: problemOf(error) };
    }
  };
  return (message: Envelope): Promise<Reply<unknown>> =>
    message.type === BATCH ? dispatchBatch(message.data) : dispatchOne(message);
}

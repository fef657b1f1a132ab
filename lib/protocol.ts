/**
 * The one map of every message exchanged between the extension's contexts. Pages and the
 * background import only from here, so a message's request and response cannot drift apart.
 */
import * as v from 'valibot';
import { customExerciseSchema, type CustomExercise } from './catalogue';
import { dayKeySchema } from './days';
import { MAX_BACKUP_BYTES } from './backup';
import { entrySchema, idSchema, newEntrySchema } from './entries';
import type { NudgeStatus } from './nudges';
import { changeIdSchema } from './storage';
import { NUDGE_KINDS, settingsSchema, SNOOZE_CHOICES, type Settings } from './settings';
import type { FlushResult } from './syncer';
import type { EntryRef, Logged } from './writer';

export interface WorkerStatus {
  version: string;
  startedAt: number;
  device: string;
}

/** The most entries one message may carry (a week of heavy logging; imports go in batches). */
export const MAX_ENTRIES_PER_MESSAGE = 500;
export const MAX_IMPORT_BATCH = 5_000;

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
    exercise: customExerciseSchema,
    restore: v.optional(v.boolean()),
  }),
  answerPrompt: v.strictObject({
    kind: v.picklist(NUDGE_KINDS),
    outcome: v.picklist(['done', 'snoozed', 'skipped']),
    /** For a snooze: how long, when not the default from the settings. */
    snoozeMinutes: v.optional(v.picklist(SNOOZE_CHOICES)),
  }),
  pauseNudges: v.strictObject({ choice: v.picklist(['30m', '1h', 'tomorrow', 'untilResumed']) }),
  resumeNudges: v.strictObject({}),
  nudgeStatus: v.strictObject({}),
  testNotification: v.strictObject({}),
  importEntries: v.strictObject({
    entries: v.pipe(v.array(entrySchema), v.minLength(1), v.maxLength(MAX_IMPORT_BATCH)),
  }),
  keepBackup: v.strictObject({ text: v.pipe(v.string(), v.maxLength(MAX_BACKUP_BYTES)) }),
  resetData: v.strictObject({}),
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
  nudgeStatus: NudgeStatus;
  testNotification: void;
  importEntries: { added: number };
  keepBackup: void;
  resetData: void;
}

export type MessageType = keyof typeof requestSchemas;
export type RequestOf<K extends MessageType> = v.InferOutput<(typeof requestSchemas)[K]>;

export interface Envelope {
  type: string;
  data: unknown;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export type Handlers = {
  [K in MessageType]: (data: RequestOf<K>) => Promise<ResponseMap[K]> | ResponseMap[K];
};

export function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && 'type' in message && 'data' in message;
}

function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(requestSchemas, type);
}

/**
 * Validates a raw message and runs its handler. Anything malformed is answered with an error
 * before a handler sees it, so a handler never runs on bad input.
 */
export function createDispatcher(handlers: Handlers) {
  return async (message: Envelope): Promise<Reply<unknown>> => {
    if (!isMessageType(message.type)) {
      return { ok: false, error: `Unknown message type: ${String(message.type)}` };
    }
    const parsed = v.safeParse(requestSchemas[message.type], message.data);
    if (!parsed.success) {
      const [issue] = parsed.issues;
      const where = v.getDotPath(issue);
      return {
        ok: false,
        error: `Invalid ${message.type}${where ? ` at ${where}` : ''}: ${issue.message}`,
      };
    }
    try {
      const handler = handlers[message.type] as (data: unknown) => unknown;
      return { ok: true, value: await handler(parsed.output) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}

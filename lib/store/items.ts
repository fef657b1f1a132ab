/**
 * Every item Backbone keeps, in one place.
 *
 * Each stored value carries its own format version (`v`) and is read through `readVersioned`,
 * which applies the migrations of older versions in memory and never writes: only the background
 * worker writes (lib/store/writer.ts), and it stores the migrated form on its next change. WXT's own
 * item versioning is not used because it migrates (writes) in every context that defines an
 * item, and refuses data from a newer version with an error; here a value written by a newer
 * version on another device is left untouched and reported.
 *
 *   local  device               this browser's device id
 *   local  months               the months that have entries
 *   local  entries.<YYYY-MM>    a month of entries (lib/store/codec.ts tuples)
 *   local  entries.<YYYY-MM>.recent   the month's newest entries, until the writer moves them
 *                                     into the month (so a log rewrites a small item)
 *   local  days.<YYYY-MM>       this device's daily records of that month (sync's source)
 *   local  others.<YYYY-MM>     daily records of other devices' entries an import brought here
 *   local  syncState            months waiting to sync, and how syncing went
 *   local  nudgeState           when each nudge is due, what is waiting for an answer, pauses
 *                               (its format is the engine's: lib/nudge/state.ts)
 *   local  records              personal records per exercise, kept up to date by the writer
 *   local  backup               this browser's data as it was before a reset or a replace (lib/store/backup.ts)
 *   local  journal              an import, reset or restore under way, finished on the next
 *                               start if interrupted
 *   local  staging.<id>.<n>     part n of an import's entries, kept aside until it is committed
 *                               (month buckets, as `entries.*`; lib/store/staging.ts)
 *   local  notice               what an import, reset or restore came to, for the options page
 *                               to say (also when its page was closed, or a start finished it)
 *   local  writer               the revision of the writer's last commit (lib/store/writer.ts)
 *   local  changes              ids of recent changes, so a retried change is stored once
 *                               (lib/store/recent-changes.ts)
 *   local  session              the workout session under way, or the last one ended (its
 *                               summary), on this device only (lib/model/sessions.ts)
 *   local  sessions             finished sessions, newest last, for the plan and the summaries
 *   local  checkins             this device's weekly check-ins, notes included (lib/store/checkins.ts)
 *   sync   settings             the user's settings (lib/model/settings.ts)
 *   sync   custom               custom exercises
 *   sync   routines             the user's own routines and rotation (lib/model/routines.ts)
 *   sync   checkins             every device's check-ins without notes, compact (lib/store/checkins.ts)
 *   sync   checkinReminder      the weekly check-in reminder (lib/nudge/checkin-reminder.ts)
 *   sync   dev.* m.* y.* arch.* fold.*   daily records of every device (lib/sync/plan.ts)
 *   session guideTab            the tab the guide opens in, reused (lib/nudge/reused-tab.ts)
 *   session todaySnapshot       today's totals and streaks, and the popup drawn from them, for its
 *                               first paint (lib/store/first-paint.ts): session storage answers
 *                               the popup's first read in about half the time local storage does
 */
import * as v from 'valibot';
import { BUCKET_VERSION, emptyBucket, type Bucket } from './codec';
import { decodeFullDays, encodeFullDays } from './day-codec';
import { customExerciseSchema, DEFAULT_BREAK_MOVES, type CustomExercise } from '../model/catalogue';
import type { DayKey } from '../model/days';
import { dayKeySchema, deviceIdSchema } from '../model/entries';
import { DEFAULT_NUDGES, DEFAULT_SETTINGS, settingsSchema, type Settings } from '../model/settings';
import { DEFAULT_OWN_ROUTINES, ownRoutinesSchema, type OwnRoutines } from '../model/routines';
import type { Session, SessionFigures } from '../model/sessions';
import { isUsualCups, usualCupsMl } from '../model/units';
import { sessionSchema } from '../model/session-schema';
import type { KeyValueArea } from './area';
import type { TodaySnapshot } from '../stats/today';
import { FIRST_PAINT_KEYS, TODAY_SNAPSHOT_VERSION } from './first-paint';
import type { StoredRecords } from '../stats/strength';
import { IMPORTED_REV, type DeviceDay } from '../stats/summary';

export type { KeyValueArea };

export interface Format<T> {
  version: number;
  schema: v.GenericSchema<unknown, T>;
  /** migrations[n] turns a value of version n - 1 into version n. */
  migrations: Record<number, (value: Record<string, unknown>) => Record<string, unknown>>;
  fallback: () => T;
}

export type Read<T> =
  | { status: 'ok' | 'missing' | 'migrated'; value: T }
  | { status: 'newer' | 'invalid'; value: T; raw: unknown };

/** Reads a stored value: the fallback when absent, migrated when old, reported when foreign. */
export function readVersioned<T>(format: Format<T>, raw: unknown): Read<T> {
  if (raw === undefined || raw === null) return { status: 'missing', value: format.fallback() };
  if (typeof raw !== 'object' || typeof (raw as { v?: unknown }).v !== 'number') {
    return { status: 'invalid', value: format.fallback(), raw };
  }
  let value = { ...(raw as Record<string, unknown>) };
  const stored = value.v as number;
  if (stored > format.version) return { status: 'newer', value: format.fallback(), raw };
  for (let version = stored + 1; version <= format.version; version++) {
    const migrate = format.migrations[version];
    if (!migrate) return { status: 'invalid', value: format.fallback(), raw };
    value = { ...migrate(value), v: version };
  }
  const { v: _version, ...rest } = value;
  const parsed = v.safeParse(format.schema, rest);
  if (!parsed.success) return { status: 'invalid', value: format.fallback(), raw };
  return { status: stored === format.version ? 'ok' : 'migrated', value: parsed.output };
}

export function writeVersioned<T extends object>(
  format: Format<T>,
  value: T,
): Record<string, unknown> {
  return { v: format.version, ...value };
}

// Formats -------------------------------------------------------------------------------------

export const deviceFormat: Format<{ id: string; createdAt: number }> = {
  version: 1,
  schema: v.strictObject({ id: deviceIdSchema, createdAt: v.number() }),
  migrations: {},
  fallback: () => ({ id: '', createdAt: 0 }),
};

export const monthsFormat: Format<{ months: string[] }> = {
  version: 1,
  schema: v.strictObject({ months: v.array(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}$/))) }),
  migrations: {},
  fallback: () => ({ months: [] }),
};

export const bucketFormat: Format<Omit<Bucket, 'v'>> = {
  version: BUCKET_VERSION,
  schema: v.strictObject({
    devices: v.array(deviceIdSchema),
    exercises: v.array(v.string()),
    // Tuples are validated one by one when decoded (lib/store/codec.ts), so one bad entry stays one.
    // Checked as arrays without copying each: a page reads years of them.
    entries: v.array(v.custom<unknown[]>(Array.isArray)) as unknown as v.GenericSchema<
      unknown,
      Bucket['entries']
    >,
  }),
  migrations: {},
  fallback: () => {
    const { v: _version, ...bucket } = emptyBucket();
    return bucket;
  },
};

export const ownDaysFormat: Format<{ t: number; g?: number; d: string }> = {
  version: 1,
  schema: v.strictObject({ t: v.number(), g: v.optional(v.number()), d: v.string() }),
  migrations: {},
  fallback: () => ({ t: 0, d: '' }),
};

/** Per other device, its days of one month (lib/store/codec.ts full days), against one goal. */
export const otherDaysFormat: Format<{ g: number; devices: Record<string, string> }> = {
  version: 1,
  schema: v.strictObject({
    g: v.number(),
    devices: v.record(deviceIdSchema, v.string()),
  }),
  migrations: {},
  fallback: () => ({ g: 0, devices: {} }),
};

export const syncStateFormat: Format<SyncState> = {
  version: 1,
  schema: v.strictObject({
    dirtyMonths: v.array(v.string()),
    first: v.optional(dayKeySchema),
    level: v.number(),
    flushes: v.number(),
    lastFlushAt: v.optional(v.number()),
    quotaErrors: v.number(),
    lastError: v.optional(v.string()),
  }),
  migrations: {},
  fallback: () => ({ dirtyMonths: [], level: 0, flushes: 0, quotaErrors: 0 }),
};

export interface SyncState {
  /** Months with changes not yet in sync. */
  dirtyMonths: string[];
  /** This device's first day with data. */
  first?: DayKey;
  /** Index into DETAIL_LEVELS last used. */
  level: number;
  flushes: number;
  lastFlushAt?: number;
  quotaErrors: number;
  lastError?: string;
}

const optionalNumber = v.optional(v.number());
export const recordsFormat: Format<{ exercises: Record<string, StoredRecords> }> = {
  version: 1,
  schema: v.strictObject({
    exercises: v.record(
      v.string(),
      v.strictObject({
        heaviestKg: optionalNumber,
        oneRepMaxKg: optionalNumber,
        mostReps: optionalNumber,
        longestHoldSeconds: optionalNumber,
        repsAtWeight: v.array(v.tuple([v.number(), v.number()])),
      }),
    ),
  }),
  migrations: {},
  fallback: () => ({ exercises: {} }),
};

/**
 * A cache the worker rewrites after every change, so its shape is not validated field by field:
 * a snapshot that is not of the current version is simply not used.
 */
export const todaySnapshotFormat: Format<TodaySnapshot | undefined> = {
  version: TODAY_SNAPSHOT_VERSION,
  schema: v.custom<TodaySnapshot>((value) => typeof value === 'object' && value !== null),
  migrations: {},
  fallback: () => undefined,
};

export const settingsFormat: Format<Settings> = {
  version: 5,
  schema: settingsSchema,
  migrations: {
    // Version 2 brought nudges: earlier settings get the default schedule.
    2: (value) => ({ ...value, nudges: structuredClone(DEFAULT_NUDGES) }),
    // Version 3: breaks rotate through the desk moves, and sound does not keep nudges quiet.
    3: (value) => ({
      ...value,
      nudges: { ...(value.nudges as object), quietWhileAudible: false },
      breakMoves: [...DEFAULT_BREAK_MOVES],
    }),
    // Version 4 keeps what earlier days expected: older settings are in force since the first day.
    4: (value) => ({ ...value, pastExpectations: [] }),
    // Version 5: the cups follow the units. Imperial settings still pouring the metric cups
    // (250 and 500 ml, read as 8.5 and 16.9 fl oz) pour 8 and 16 fl oz, as a switch of units does.
    5: (value) =>
      value.units === 'imperial' && isUsualCups(value.cupsMl as number[], 'ml')
        ? { ...value, cupsMl: usualCupsMl('floz') }
        : value,
  },
  fallback: () => structuredClone(DEFAULT_SETTINGS),
};

export const customExercisesFormat: Format<{ exercises: CustomExercise[] }> = {
  version: 1,
  schema: v.strictObject({ exercises: v.array(customExerciseSchema) }),
  migrations: {},
  fallback: () => ({ exercises: [] }),
};

export const routinesFormat: Format<OwnRoutines> = {
  version: 1,
  schema: ownRoutinesSchema,
  migrations: {},
  fallback: () => structuredClone(DEFAULT_OWN_ROUTINES),
};

/** The session under way, or the last one ended with its routine's figures the time before. */
export interface StoredSession {
  session?: Session;
  before?: SessionFigures;
}

const figure = v.pipe(v.number(), v.integer(), v.minValue(0));
export const activeSessionFormat: Format<StoredSession> = {
  version: 1,
  schema: v.strictObject({
    session: v.optional(sessionSchema),
    before: v.optional(
      v.strictObject({
        sets: figure,
        volumeKg: figure,
        activeMs: figure,
        records: figure,
        exercises: figure,
      }),
    ),
  }),
  migrations: {},
  fallback: () => ({}),
};

/** Finished sessions kept for the plan and comparisons: the newest this many. */
export const MAX_KEPT_SESSIONS = 200;
export const sessionHistoryFormat: Format<{ sessions: Session[] }> = {
  version: 1,
  schema: v.strictObject({
    sessions: v.pipe(v.array(sessionSchema), v.maxLength(MAX_KEPT_SESSIONS)),
  }),
  migrations: {},
  fallback: () => ({ sessions: [] }),
};

/** The writer's stamp on every commit: a commit of its own is told apart from anyone else's. */
export const writerStampFormat: Format<{ rev: number }> = {
  version: 1,
  schema: v.strictObject({ rev: v.number() }),
  migrations: {},
  fallback: () => ({ rev: 0 }),
};

/** A page's id for a change, so a retry is stored once (lib/store/recent-changes.ts). */
export const changeIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/));

// Keys ----------------------------------------------------------------------------------------

export const STAGING_PREFIX = 'staging.';

export const LOCAL_KEYS = {
  device: 'device',
  months: 'months',
  syncState: 'syncState',
  nudgeState: FIRST_PAINT_KEYS.nudgeState,
  records: 'records',
  /** The data kept before a reset or a replacing import, to restore it. */
  backup: 'backup',
  journal: 'journal',
  notice: 'notice',
  staging: (id: string, part: number) => `${STAGING_PREFIX}${id}.${part}`,
  writer: 'writer',
  changes: 'changes',
  session: 'session',
  sessions: 'sessions',
  bucket: (month: string) => `entries.${month}`,
  recent: (month: string) => `entries.${month}.recent`,
  days: (month: string) => `days.${month}`,
  others: (month: string) => `others.${month}`,
} as const;

/**
 * What a data use case came to, for the options page to say: `…Finished` when a start finished
 * it, `…Done` when it ended (a page that waited for it says so itself and lets this go; one
 * closed meanwhile learns it on its next opening), `importDiscarded` when a page closed before
 * its import began.
 */
export const NOTICE_KINDS = [
  'importFinished',
  'restoreFinished',
  'resetFinished',
  'importDone',
  'restoreDone',
  'resetDone',
  'importDiscarded',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The records every device shares in sync; every other key of sync belongs to one device. */
export const SYNC_KEYS = { settings: 'settings', custom: 'custom', routines: 'routines' } as const;
/**
 * Weekly check-ins, in both areas (lib/store/checkins.ts): in sync a shared record; apart from
 * SYNC_KEYS and LOCAL_KEYS, which the popup's first paint carries.
 */
export const CHECKINS_KEY = 'checkins';
/** In sync: the weekly check-in reminder's day and time (lib/nudge/checkin-reminder.ts). */
export const CHECKIN_REMINDER_KEY = 'checkinReminder';
export const SHARED_SYNC_KEYS: readonly string[] = [
  ...Object.values(SYNC_KEYS),
  CHECKINS_KEY,
  CHECKIN_REMINDER_KEY,
];

/** Session storage (cleared when the browser restarts): the one reused guide tab. */
export const SESSION_KEYS = {
  guideTab: 'guideTab',
  todaySnapshot: FIRST_PAINT_KEYS.todaySnapshot,
} as const;

/** Where the snapshot was kept before it moved to session storage: removed at the worker's start. */
export const FORMER_LOCAL_SNAPSHOT = FIRST_PAINT_KEYS.todaySnapshot;

export function decodeOwnDays(month: string, raw: unknown): Map<DayKey, DeviceDay> {
  const stored = readVersioned(ownDaysFormat, raw).value;
  return decodeFullDays(stored.d, month, stored.t, stored.g);
}

export function encodeOwnDays(days: ReadonlyMap<DayKey, DeviceDay>, rev: number, goalMl: number) {
  return writeVersioned(ownDaysFormat, { t: rev, g: goalMl, d: encodeFullDays(days, goalMl) });
}

export function decodeOtherDays(month: string, raw: unknown): Map<string, Map<DayKey, DeviceDay>> {
  const stored = readVersioned(otherDaysFormat, raw).value;
  return new Map(
    Object.entries(stored.devices).map(([device, days]) => [
      device,
      decodeFullDays(days, month, IMPORTED_REV, stored.g || undefined),
    ]),
  );
}

export function encodeOtherDays(
  devices: ReadonlyMap<string, ReadonlyMap<DayKey, DeviceDay>>,
  goalMl: number,
) {
  return writeVersioned(otherDaysFormat, {
    g: goalMl,
    devices: Object.fromEntries(
      [...devices].map(([device, days]) => [device, encodeFullDays(days, goalMl)]),
    ),
  });
}

/** This device's daily records of the given months, as the writer stored them. */
export async function readOwnDays(local: KeyValueArea, months: readonly string[]) {
  const raw = await local.get(months.map(LOCAL_KEYS.days));
  return new Map(months.flatMap((month) => [...decodeOwnDays(month, raw[LOCAL_KEYS.days(month)])]));
}

/**
 * Export and import of everything a user has: one versioned JSON file (settings, custom
 * exercises, check-ins, workout sessions, routines, every entry), and the entries as CSV for spreadsheets.
 *
 * An import is checked before anything is written. A file that is not a Backbone file, or is
 * damaged (size, JSON, format, version, the parts of the file, settings and custom exercises), is
 * refused whole with a message key (and where the problem is). Entries that cannot be taken are
 * left out and counted by reason (file-entries.ts), and the rest is imported; so are sessions and
 * routines that cannot be taken (workout-backup.ts).
 */
import * as v from 'valibot';
import { builtInExercise, customExerciseSchema, type CustomExercise } from '../model/catalogue';
import { CLOCK_SKEW_MS, LATEST_INSTANT, type Entry, type WorldContext } from '../model/entries';
import { partitionFileEntries, type FileEntries } from './file-entries';
import { checkInSchema, type CheckIn } from '../model/checkin';
import type { Settings } from '../model/settings';
import type { OwnRoutines } from '../model/routines';
import type { Session } from '../model/sessions';
import { readFileWorkouts, type FileWorkouts } from './workout-backup';
import {
  LOCAL_KEYS,
  readVersioned,
  settingsFormat,
  CHECKINS_KEY,
  SHARED_SYNC_KEYS,
  writeVersioned,
  type KeyValueArea,
} from './items';

export const BACKUP_FORMAT = 'backbone-backup';
export const BACKUP_VERSION = 1;
/** Ten years of heavy use export to about 25 MB. */
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;
export const MAX_BACKUP_ENTRIES = 2_000_000;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  /** Settings as stored, with their own format version, so older ones migrate on import. */
  settings: Record<string, unknown>;
  customExercises: CustomExercise[];
  /** Weekly check-ins without their photos (absent from files of before check-ins). */
  checkIns?: CheckIn[];
  /** Finished workout sessions (absent from files of before sessions). */
  sessions?: Session[];
  /** The user's own routines and rotation (absent from files of before routines). */
  routines?: OwnRoutines;
  entries: Entry[];
}

/** The most check-ins a file may hold: a century of weeks. */
export const MAX_BACKUP_CHECKINS = 5_300;

export function createBackup(
  settings: Settings,
  customExercises: readonly CustomExercise[],
  entries: readonly Entry[],
  now: number,
  checkIns: readonly CheckIn[] = [],
  workouts: { sessions?: readonly Session[]; routines?: OwnRoutines } = {},
): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    settings: writeVersioned(settingsFormat, settings),
    customExercises: [...customExercises],
    checkIns: [...checkIns],
    sessions: [...(workouts.sessions ?? [])],
    ...(workouts.routines ? { routines: workouts.routines } : {}),
    entries: [...entries].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)),
  };
}

/** One line per part, so that two exports of the same data are the same bytes but the date. */
export function serializeBackup(backup: Backup): string {
  const { entries, ...head } = backup;
  return `${JSON.stringify(head).slice(0, -1)},"entries":[\n${entries.map((entry) => JSON.stringify(entry)).join(',\n')}\n]}\n`;
}

export interface ImportRefusal {
  messageKey: string;
  /** Where the problem is, when it is in one place: "entry 12", "custom exercise 2". */
  where?: string;
}

/** A file that can be imported: `backup.entries` are those sent to the worker (`carried`). */
export type ParsedBackup =
  | {
      ok: true;
      backup: Backup & { settingsValue: Settings };
      read: FileEntries;
      /** The file's sessions and routines, and how many of each were left out. */
      workouts: FileWorkouts;
    }
  | ({ ok: false } & ImportRefusal);

/** Valibot's own English text (a wrong type, an unknown key) becomes a sentence of ours. */
const issueKey = (message: string) =>
  /^(invalid|import|checkin\.invalid)\.[\w.]+$/.test(message) ? message : 'import.invalidPart';

const refuse = (messageKey: string, where?: string): ParsedBackup => ({
  ok: false,
  messageKey,
  ...(where ? { where } : {}),
});

/** Whether a record's time of change is no later than now, give or take another clock's skew. */
const notLater = (updatedAt: number, now: number) => updatedAt <= now + CLOCK_SKEW_MS;

/**
 * A record changed while the clock was ahead (a date still to come, but one a clock can show) is
 * taken as changed now: the user's own backup still restores, and a wrong date does not win over
 * every later change. A time past any clock's years is a damaged file, refused as before.
 */
function redated<T extends { updatedAt: number }>(record: T, now: number): T | undefined {
  if (notLater(record.updatedAt, now)) return record;
  return record.updatedAt < LATEST_INSTANT ? { ...record, updatedAt: now } : undefined;
}

/**
 * `now`: this device's clock, which no time in the file may be later than; `ownExercises`: the
 * ids of the custom exercises already here, which the file's entries may name.
 */
export function parseBackup(
  text: string,
  now: number,
  ownExercises: ReadonlySet<string> = new Set(),
): ParsedBackup {
  if (new TextEncoder().encode(text).length > MAX_BACKUP_BYTES) return refuse('import.tooLarge');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse('import.notJson');
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { format?: unknown }).format !== BACKUP_FORMAT
  ) {
    return refuse('import.notBackup');
  }
  const file = data as Record<string, unknown>;
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) {
    return refuse('import.notBackup');
  }
  if (file.version > BACKUP_VERSION) return refuse('import.newerVersion');
  if (typeof file.exportedAt !== 'number') return refuse('import.notBackup');

  const settings = readVersioned(settingsFormat, file.settings);
  if (settings.status === 'newer') return refuse('import.newerVersion');
  if (settings.status !== 'ok' && settings.status !== 'migrated')
    return refuse('import.invalidSettings');
  const settingsValue = redated(settings.value, now);
  if (!settingsValue) return refuse('invalid.future', 'settings');

  if (!Array.isArray(file.customExercises)) return refuse('import.notBackup');
  const customExercises: CustomExercise[] = [];
  for (const [index, raw] of file.customExercises.entries()) {
    const parsed = v.safeParse(customExerciseSchema, raw);
    const where = `custom exercise ${index + 1}`;
    if (!parsed.success) return refuse(issueKey(parsed.issues[0].message), where);
    const exercise = redated(parsed.output, now);
    if (!exercise) return refuse('invalid.future', where);
    customExercises.push(exercise);
  }

  const checkIns: CheckIn[] = [];
  if (file.checkIns !== undefined) {
    if (!Array.isArray(file.checkIns)) return refuse('import.notBackup');
    if (file.checkIns.length > MAX_BACKUP_CHECKINS) return refuse('import.tooLarge');
    for (const [index, raw] of file.checkIns.entries()) {
      const parsed = v.safeParse(checkInSchema, raw);
      const where = `check-in ${index + 1}`;
      if (!parsed.success) return refuse(issueKey(parsed.issues[0].message), where);
      const checkIn = redated(parsed.output, now);
      if (!checkIn) return refuse('invalid.future', where);
      checkIns.push(checkIn);
    }
  }

  if (!Array.isArray(file.entries)) return refuse('import.notBackup');
  if (file.entries.length > MAX_BACKUP_ENTRIES) return refuse('import.tooLarge');
  const custom = new Set(customExercises.map((exercise) => exercise.id));
  const context: WorldContext = {
    now,
    knownExercise: (id) =>
      custom.has(id) || ownExercises.has(id) || builtInExercise(id) !== undefined,
  };
  const read = partitionFileEntries(file.entries, context);
  const workouts = readFileWorkouts(file, now);
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: file.exportedAt,
      settings: {
        ...(file.settings as Record<string, unknown>),
        updatedAt: settingsValue.updatedAt,
      },
      settingsValue,
      customExercises,
      checkIns,
      sessions: workouts.sessions,
      ...(workouts.routines ? { routines: workouts.routines } : {}),
      entries: read.carried,
    },
    read,
    workouts,
  };
}

/** What an import would add beside the entries already here. */
export function importPreview(entries: readonly Entry[], existingIds: ReadonlySet<string>) {
  const add = entries.filter((entry) => !existingIds.has(entry.id));
  return { add, alreadyThere: entries.length - add.length };
}

const CSV_COLUMNS = [
  'id',
  'kind',
  'day',
  'at',
  'device',
  'ml',
  'exercise',
  'reps',
  'seconds',
  'weight',
  'unit',
  'side',
  'rpe',
  'warmup',
  'distance_m',
  'prompt',
  'outcome',
  'fired_at',
  'answered_at',
  'detail',
  'reason',
  'note',
] as const;

/** A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or return first). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  // Text is kept as text: a leading apostrophe stops a spreadsheet running it as a formula.
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const iso = (instant: number | undefined) =>
  instant === undefined ? undefined : new Date(instant).toISOString();

/** Every entry as a CSV row, instants as ISO 8601 (UTC); no cell starts a formula. */
export function entriesCsv(entries: readonly Entry[]): string {
  const rows = entries.map((entry) => {
    const cells: Record<(typeof CSV_COLUMNS)[number], unknown> = {
      id: entry.id,
      kind: entry.kind,
      day: entry.day,
      at: iso(entry.at),
      device: entry.device,
      ml: entry.kind === 'water' ? entry.ml : undefined,
      exercise: 'exercise' in entry ? entry.exercise : undefined,
      reps: entry.kind === 'set' ? entry.reps : undefined,
      seconds: entry.kind === 'set' || entry.kind === 'cardio' ? entry.seconds : undefined,
      weight: entry.kind === 'set' ? entry.weight?.amount : undefined,
      unit: entry.kind === 'set' ? entry.weight?.unit : undefined,
      side: entry.kind === 'set' ? entry.side : undefined,
      rpe: entry.kind === 'set' ? entry.rpe : undefined,
      warmup: entry.kind === 'set' ? entry.warmup : undefined,
      distance_m: entry.kind === 'cardio' ? entry.distanceM : undefined,
      prompt: entry.kind === 'prompt' ? entry.prompt : undefined,
      outcome: entry.kind === 'prompt' ? entry.outcome : undefined,
      fired_at: entry.kind === 'prompt' ? iso(entry.firedAt) : undefined,
      answered_at: entry.kind === 'prompt' ? iso(entry.answeredAt) : undefined,
      detail: entry.kind === 'prompt' ? entry.detail : undefined,
      reason: entry.kind === 'rest' ? entry.reason : undefined,
      note: 'note' in entry ? entry.note : undefined,
    };
    return CSV_COLUMNS.map((column) => csvCell(cells[column])).join(',');
  });
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

// The backup kept before a reset or a replacing import ----------------------------------------
// Not an export: the stored month buckets and records as they are (the most compact form the
// data has), with the settings and custom exercises, so that keeping it costs about as much as
// the data itself, and putting it back is one write.

/** storage.local's quota in Chrome without the `unlimitedStorage` permission. */
export const LOCAL_QUOTA_BYTES = 10 * 1024 * 1024;
/** Room left free beside a backup, so that logging can go on after a reset. */
export const HEADROOM_BYTES = 256 * 1024;

export interface KeptBackup {
  v: 1;
  takenAt: number;
  /** The data keys of storage.local (see isDataKey), as stored. */
  local: Record<string, unknown>;
  /** The records every device shares, as stored in sync; absent when there were none. */
  sync: Record<string, unknown>;
}

/** Keys of storage.local that hold the user's data, rather than caches or the device's state. */
export function isDataKey(key: string): boolean {
  return (
    key === LOCAL_KEYS.months ||
    key === LOCAL_KEYS.records ||
    key === CHECKINS_KEY ||
    key === LOCAL_KEYS.sessions ||
    /^(entries\.\d{4}-\d{2}(\.recent)?|(days|others)\.\d{4}-\d{2})$/.test(key)
  );
}

export async function takeBackup(
  areas: { local: KeyValueArea; sync: KeyValueArea },
  now: number,
): Promise<KeptBackup> {
  const local = Object.fromEntries(
    Object.entries(await areas.local.get(null)).filter(([key]) => isDataKey(key)),
  );
  const sync = await areas.sync.get([...SHARED_SYNC_KEYS]);
  return { v: 1, takenAt: now, local, sync };
}

export function isKeptBackup(value: unknown): value is KeptBackup {
  const backup = value as Partial<KeptBackup> | null;
  return (
    typeof backup === 'object' &&
    backup !== null &&
    backup.v === 1 &&
    typeof backup.local === 'object' &&
    typeof backup.sync === 'object'
  );
}

/** Bytes items take in storage, counted as Chrome counts them: key plus JSON value. */
export function itemsBytes(items: Readonly<Record<string, unknown>>): number {
  let total = 0;
  for (const [key, value] of Object.entries(items))
    total += new TextEncoder().encode(key + JSON.stringify(value)).length;
  return total;
}

/** The browser's own count where it has one (Chrome), else counted from the items. */
export async function bytesInUse(area: KeyValueArea): Promise<number> {
  try {
    if (area.getBytesInUse) return await area.getBytesInUse(null);
  } catch {
    // Not implemented by this browser (or test double): count the items instead.
  }
  return itemsBytes(await area.get(null));
}

/**
 * Whether storage.local can hold `backup` in place of the one kept now, with room to spare.
 * Checked before a reset or a replace starts, so that one that would not fit changes nothing.
 */
export async function backupFits(
  local: KeyValueArea,
  backup: KeptBackup,
  quotaBytes: number,
): Promise<boolean> {
  const kept = await local.get(LOCAL_KEYS.backup);
  const used = (await bytesInUse(local)) - itemsBytes(kept);
  return used + itemsBytes({ [LOCAL_KEYS.backup]: backup }) + HEADROOM_BYTES <= quotaBytes;
}

/** Room a day's daily record takes, with its share of its month's item (a generous count). */
export const DAY_RECORD_BYTES = 48;

/**
 * Whether storage.local can take an import adding to the data, with room to spare. Its entries
 * are already here, staged in the form they are stored in, and each part goes once stored: what
 * it adds is a daily record for each of its `days` (of each device), and for a moment its
 * largest part twice.
 */
export async function importFits(
  local: KeyValueArea,
  adds: { days: number; largestPartBytes: number },
  quotaBytes: number,
): Promise<boolean> {
  const added = adds.days * DAY_RECORD_BYTES + adds.largestPartBytes;
  return (await bytesInUse(local)) + added + HEADROOM_BYTES <= quotaBytes;
}

/**
 * The one writer. Every change to the user's data, wherever it comes from (a page, a
 * notification button, a keyboard command), is applied here, in the background worker, one at
 * a time, and each as a single `storage.local.set` call: the month buckets it touches, this
 * device's daily records of those days, the month index and the sync state move together or
 * not at all. A change is acknowledged only after that call has resolved, so an acknowledged
 * change survives the worker being stopped at any moment.
 *
 * Instants are kept unique per device (an entry logged in the same millisecond as another is
 * moved one millisecond on), because an entry's id is derived from its device and instant.
 */
import { decodeEntry, encodeEntry, entryId, type BucketTables, type EncodedEntry } from './codec';
import { addDays, localDayKey, type DayKey } from './days';
import {
  EntryValidationError,
  parseEntry,
  type Entry,
  type NewEntry,
  type SetEntry,
} from './entries';
import { effectiveGoals, type Settings } from './settings';
import {
  bucketFormat,
  decodeOtherDays,
  decodeOwnDays,
  encodeOtherDays,
  encodeOwnDays,
  LOCAL_KEYS,
  monthsFormat,
  readVersioned,
  recordsFormat,
  syncStateFormat,
  writeVersioned,
  type KeyValueArea,
} from './storage';
import {
  addToRecords,
  emptyRecords,
  fromStoredRecords,
  recordsOf,
  toStoredRecords,
  type ExerciseRecords,
  type RecordKind,
} from './strength';
import { otherDevicesDays, summarizeEntries, type DeviceDay } from './summary';

export interface WriterDependencies {
  local: KeyValueArea;
  device: string;
  now: () => number;
  settings: () => Promise<Settings>;
  /** Called after every change that sync must pick up (the worker schedules a flush). */
  onChanged: () => void;
}

export class WriteRefusedError extends Error {
  override name = 'WriteRefusedError';
}

export interface Logged {
  entries: Entry[];
  /** For each entry, the personal records it broke (only sets break any). */
  records: RecordKind[][];
}

export interface EntryRef {
  id: string;
  day: DayKey;
}

/** Months touched by a change, loaded once and written back in one call. */
class MonthSet {
  /** Per month: its device list, its entries, and tuples this version cannot read (kept as is). */
  readonly buckets = new Map<
    string,
    { tables: BucketTables; entries: Entry[]; unreadable: EncodedEntry[] }
  >();

  /** Personal records per exercise, as stored, decoded on first use. */
  private readonly records = new Map<string, ExerciseRecords>();
  private recordsChanged = false;

  constructor(private readonly raw: Record<string, unknown>) {}

  recordsOf(exercise: string): ExerciseRecords {
    let records = this.records.get(exercise);
    if (!records) {
      const stored = readVersioned(recordsFormat, this.raw[LOCAL_KEYS.records]).value.exercises[
        exercise
      ];
      records = stored ? fromStoredRecords(stored) : emptyRecords();
      this.records.set(exercise, records);
    }
    this.recordsChanged = true;
    return records;
  }

  replaceRecords(exercise: string, records: ExerciseRecords): void {
    this.records.set(exercise, records);
    this.recordsChanged = true;
  }

  months(): string[] {
    return readVersioned(monthsFormat, this.raw[LOCAL_KEYS.months]).value.months;
  }

  static async load(local: KeyValueArea, months: Iterable<string>): Promise<MonthSet> {
    const unique = [...new Set(months)];
    const raw = await local.get([
      LOCAL_KEYS.months,
      LOCAL_KEYS.syncState,
      LOCAL_KEYS.records,
      ...unique.map(LOCAL_KEYS.bucket),
      ...unique.map(LOCAL_KEYS.days),
      ...unique.map(LOCAL_KEYS.others),
    ]);
    const set = new MonthSet(raw);
    for (const month of unique) {
      const read = readVersioned(bucketFormat, raw[LOCAL_KEYS.bucket(month)]);
      if (read.status === 'newer' || read.status === 'invalid') {
        throw new WriteRefusedError(`storage.unreadableMonth|${month}`);
      }
      const { entries, ...tables } = read.value;
      const bucket = {
        tables: { devices: [...tables.devices], exercises: [...tables.exercises] },
        entries: [] as Entry[],
        unreadable: [] as EncodedEntry[],
      };
      for (const tuple of entries) {
        try {
          bucket.entries.push(decodeEntry(tuple, month, tables));
        } catch (error) {
          if (!(error instanceof EntryValidationError)) throw error;
          bucket.unreadable.push(tuple);
        }
      }
      set.buckets.set(month, bucket);
    }
    return set;
  }

  entries(month: string): Entry[] {
    return this.buckets.get(month)!.entries;
  }

  /**
   * Everything to store, as one object for one `set` call. Each touched month's daily records
   * are recomputed from its entries; days not changed keep the water goal they were judged by.
   */
  changes(
    device: string,
    days: Set<DayKey>,
    rev: number,
    settings: Settings,
  ): Record<string, unknown> {
    const changes: Record<string, unknown> = {};
    const goalMl = effectiveGoals(settings).waterMl;
    const months = new Set(readVersioned(monthsFormat, this.raw[LOCAL_KEYS.months]).value.months);
    const syncState = readVersioned(syncStateFormat, this.raw[LOCAL_KEYS.syncState]).value;
    for (const [month, bucket] of this.buckets) {
      // Tables only grow, so the indexes of tuples kept unread stay right.
      const tables = {
        devices: [...bucket.tables.devices],
        exercises: [...bucket.tables.exercises],
      };
      const encoded = bucket.entries.map((entry) => encodeEntry(entry, month, tables));
      changes[LOCAL_KEYS.bucket(month)] = writeVersioned(bucketFormat, {
        ...tables,
        entries: [...bucket.unreadable, ...encoded],
      });
      const before = decodeOwnDays(month, this.raw[LOCAL_KEYS.days(month)]);
      const own = bucket.entries.filter((entry) => entry.device === device);
      const records = summarizeEntries(own, rev, goalMl);
      for (const [day, record] of records) {
        const earlierGoal = before.get(day)?.waterGoalMl;
        if (!days.has(day) && earlierGoal !== undefined) record.waterGoalMl = earlierGoal;
      }
      changes[LOCAL_KEYS.days(month)] = encodeOwnDays(records, rev, goalMl);
      const others = otherDevicesDays(bucket.entries, device, goalMl);
      if (others.size > 0 || this.raw[LOCAL_KEYS.others(month)] !== undefined)
        changes[LOCAL_KEYS.others(month)] = encodeOtherDays(others, goalMl);
      months.add(month);
      syncState.dirtyMonths = [...new Set([...syncState.dirtyMonths, month])].sort();
    }
    for (const day of days) if (!syncState.first || day < syncState.first) syncState.first = day;
    changes[LOCAL_KEYS.months] = writeVersioned(monthsFormat, { months: [...months].sort() });
    if (this.recordsChanged) {
      const stored = readVersioned(recordsFormat, this.raw[LOCAL_KEYS.records]).value.exercises;
      const exercises = { ...stored };
      for (const [exercise, records] of this.records)
        exercises[exercise] = toStoredRecords(records);
      changes[LOCAL_KEYS.records] = writeVersioned(recordsFormat, { exercises });
    }
    changes[LOCAL_KEYS.syncState] = writeVersioned(syncStateFormat, syncState);
    return changes;
  }
}

export class Writer {
  private queue: Promise<unknown> = Promise.resolve();
  private lastAt = 0;

  constructor(private readonly deps: WriterDependencies) {}

  /** Runs changes strictly one after another, whatever order callers arrive in. */
  serialize<T>(change: () => Promise<T>): Promise<T> {
    const result = this.queue.then(change);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private uniqueInstant(at: number, taken: Set<number>): number {
    let instant = at;
    while (taken.has(instant)) instant++;
    taken.add(instant);
    return instant;
  }

  /**
   * Validates and stores new entries. A rest or pause over several days is stored as one entry
   * a day, so every day's record can be computed from its own month.
   */
  logEntries(newEntries: readonly NewEntry[]): Promise<Logged> {
    return this.serialize(async () => {
      const settings = await this.deps.settings();
      const drafts: (NewEntry & { day: DayKey })[] = [];
      for (const draft of newEntries) {
        const day = draft.day ?? localDayKey(draft.at, settings.startOfDayHour);
        if (draft.kind !== 'rest' || draft.until === undefined) {
          drafts.push({ ...draft, day });
          continue;
        }
        const { until, ...single } = draft;
        for (let current = day; current <= until; current = addDays(current, 1)) {
          drafts.push({ ...single, day: current });
        }
      }
      const months = await MonthSet.load(
        this.deps.local,
        drafts.map((draft) => draft.day.slice(0, 7)),
      );
      const taken = new Set<number>();
      for (const bucket of months.buckets.values()) {
        for (const entry of bucket.entries)
          if (entry.device === this.deps.device) taken.add(entry.at);
      }
      const stored: Entry[] = [];
      const records: RecordKind[][] = [];
      const days = new Set<DayKey>();
      for (const draft of drafts) {
        const at = this.uniqueInstant(Math.max(draft.at, 0), taken);
        const entry = parseEntry({
          ...draft,
          at,
          id: entryId(this.deps.device, at),
          device: this.deps.device,
        });
        months.entries(entry.day.slice(0, 7)).push(entry);
        stored.push(entry);
        records.push(
          entry.kind === 'set' ? addToRecords(months.recordsOf(entry.exercise), entry) : [],
        );
        days.add(entry.day);
      }
      await this.commit(months, days, settings);
      return { entries: stored, records };
    });
  }

  /**
   * Stores entries from an import as they are (their ids, days and devices), skipping those
   * already here; personal records are computed again for the exercises they touch.
   */
  importEntries(entries: readonly Entry[]): Promise<{ added: number }> {
    return this.serialize(async () => {
      const settings = await this.deps.settings();
      const months = await MonthSet.load(
        this.deps.local,
        entries.map((entry) => entry.day.slice(0, 7)),
      );
      const existing = new Set(
        [...months.buckets.values()].flatMap((bucket) => bucket.entries.map((entry) => entry.id)),
      );
      const days = new Set<DayKey>();
      const exercises = new Set<string>();
      let added = 0;
      for (const entry of entries) {
        if (existing.has(entry.id)) continue;
        existing.add(entry.id);
        months.entries(entry.day.slice(0, 7)).push(entry);
        if (entry.kind === 'set') exercises.add(entry.exercise);
        days.add(entry.day);
        added++;
      }
      if (added === 0) return { added };
      if (exercises.size > 0) await this.recomputeRecords(months, exercises);
      await this.commit(months, days, settings);
      return { added };
    });
  }

  /** Removes entries by id; returns those that were found. */
  removeEntries(refs: readonly EntryRef[]): Promise<EntryRef[]> {
    return this.serialize(async () => {
      const settings = await this.deps.settings();
      const months = await MonthSet.load(
        this.deps.local,
        refs.map((ref) => ref.day.slice(0, 7)),
      );
      const removed: EntryRef[] = [];
      const days = new Set<DayKey>();
      const exercises = new Set<string>();
      for (const ref of refs) {
        const entries = months.entries(ref.day.slice(0, 7));
        const index = entries.findIndex((entry) => entry.id === ref.id && entry.day === ref.day);
        if (index < 0) continue;
        const [entry] = entries.splice(index, 1);
        if (entry?.kind === 'set') exercises.add(entry.exercise);
        removed.push(ref);
        days.add(ref.day);
      }
      if (exercises.size > 0) await this.recomputeRecords(months, exercises);
      if (removed.length > 0) await this.commit(months, days, settings);
      return removed;
    });
  }

  /** Records of exercises whose sets were removed, again from all of the history. */
  private async recomputeRecords(months: MonthSet, exercises: Set<string>): Promise<void> {
    const others = months.months().filter((month) => !months.buckets.has(month));
    const history = [
      ...(await readEntries(this.deps.local, others)),
      ...[...months.buckets.values()].flatMap((bucket) => bucket.entries),
    ];
    for (const exercise of exercises) {
      const sets = history.filter(
        (entry): entry is SetEntry => entry.kind === 'set' && entry.exercise === exercise,
      );
      months.replaceRecords(exercise, recordsOf(sets));
    }
  }

  private async commit(months: MonthSet, days: Set<DayKey>, settings: Settings): Promise<void> {
    const rev = Math.max(this.deps.now(), this.lastAt + 1);
    this.lastAt = rev;
    await this.deps.local.set(months.changes(this.deps.device, days, rev, settings));
    this.deps.onChanged();
  }
}

/** This device's daily records of the given months, as the writer stored them. */
export async function readOwnDays(local: KeyValueArea, months: readonly string[]) {
  const raw = await local.get(months.map(LOCAL_KEYS.days));
  return new Map(months.flatMap((month) => [...decodeOwnDays(month, raw[LOCAL_KEYS.days(month)])]));
}

/** Other devices' daily records of the given months, from the entries an import brought. */
export async function readOtherDays(local: KeyValueArea, months: readonly string[]) {
  const raw = await local.get(months.map(LOCAL_KEYS.others));
  const devices = new Map<string, Map<DayKey, DeviceDay>>();
  for (const month of months) {
    for (const [device, days] of decodeOtherDays(month, raw[LOCAL_KEYS.others(month)])) {
      const all = devices.get(device);
      if (all) for (const [day, record] of days) all.set(day, record);
      else devices.set(device, days);
    }
  }
  return devices;
}

/** Every readable entry of the given months, in storage order. */
export async function readEntries(
  local: KeyValueArea,
  months: readonly string[],
): Promise<Entry[]> {
  const loaded = await MonthSet.load(local, months);
  return [...loaded.buckets.values()].flatMap((bucket) => bucket.entries);
}

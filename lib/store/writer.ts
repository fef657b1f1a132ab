/**
 * The one writer. Every change to the user's data, wherever it comes from (a page, a
 * notification button, a keyboard command), is applied here, in the background worker.
 *
 * Logs and removals commit in groups: changes that arrive while a commit is in flight are
 * applied together in the next single `storage.local.set` call, which holds the month buckets
 * they touch, this device's daily records of those days, the month index, the sync state and
 * the ids of the changes, so they move together or not at all. Each change is checked on its
 * own before it joins its group (a bad one is refused alone), and acknowledged only after the
 * call holding it has resolved, so an acknowledged change survives the worker being stopped at
 * any moment. A change carrying an id the writer has stored recently (a page retrying after a
 * lost acknowledgement) is answered again, not stored again.
 *
 * The writer keeps the months it has read, decoded, with their tuples and daily records, and
 * keeps them in step with what it writes: a log appends one tuple and recomputes one day, so it
 * costs the same at the end of a heavy month as at its start. Anything written by someone else
 * (another use case of the worker, `storage.onChanged` from elsewhere, a cleared storage seen
 * through the stamp every commit carries) drops what it kept.
 *
 * Instants are kept unique per device (an entry logged in the same millisecond as another is
 * moved one millisecond on), because an entry's id is derived from its device and instant; the
 * months around an instant are checked too, so an id stays unique across months.
 */
import { ProblemError } from '../model/problem';
import { encodeEntry, entryId } from './codec';
import { SerialQueue } from '../model/async';
import { addDays, dayKeyFromNumber, localDayKey, monthOf, type DayKey } from '../model/days';
import { parseEntry, type Entry, type NewEntry, type SetEntry } from '../model/entries';
import { effectiveGoals, type Settings } from '../model/settings';
import {
  bucketFormat,
  bucketKeys,
  decodeMonth,
  decodeOwnDays,
  encodeOtherDays,
  encodeOwnDays,
  LOCAL_KEYS,
  monthsFormat,
  readEntries,
  readVersioned,
  recentChangesFormat,
  recordsFormat,
  syncStateFormat,
  writerStampFormat,
  writeVersioned,
  type DecodedBucket,
  type KeyValueArea,
  type SyncState,
} from './items';
import {
  addToRecords,
  emptyRecords,
  fromStoredRecords,
  recordsOf,
  toStoredRecords,
  type ExerciseRecords,
  type RecordKind,
  type StoredRecords,
} from '../stats/strength';
import { otherDevicesDays, summarizeEntries, type DeviceDay } from '../stats/summary';

export interface WriterDependencies {
  local: KeyValueArea;
  device: string;
  now: () => number;
  settings: () => Promise<Settings>;
  /** Called after every change that sync must pick up (the worker schedules a flush). */
  onChanged: () => void;
}

/** A change refused because it would overwrite what this version cannot read. */
export class WriteRefusedError extends ProblemError {
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
  readonly buckets = new Map<string, DecodedBucket>();
  /** Per month: its recent item, whose entries are moved into the month when it is written. */
  readonly recent = new Map<string, DecodedBucket>();

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
      ...unique.flatMap(bucketKeys),
      ...unique.map(LOCAL_KEYS.days),
      ...unique.map(LOCAL_KEYS.others),
    ]);
    const set = new MonthSet(raw);
    for (const month of unique) {
      const { month: bucket, recent } = decodeMonth(month, raw);
      if (!bucket || !recent) throw new WriteRefusedError('storage.unreadableMonth', [month]);
      bucket.entries.push(...recent.entries);
      set.buckets.set(month, bucket);
      set.recent.set(month, recent);
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
    const touched = new Set([...days].map(monthOf));
    for (const [month, bucket] of this.buckets) {
      // Months read only to look for an entry's id elsewhere stay as they are.
      if (!touched.has(month)) continue;
      // Tables only grow, so the indexes of tuples kept unread stay right.
      const tables = {
        devices: [...bucket.tables.devices],
        exercises: [...bucket.tables.exercises],
      };
      const encoded = bucket.entries.map((entry) => encodeEntry(entry, month, tables));
      changes[LOCAL_KEYS.bucket(month)] = writeVersioned(bucketFormat, {
        ...tables,
        entries: [...bucket.unreadable, ...encoded] as DecodedBucket['tuples'],
      });
      changes[LOCAL_KEYS.recent(month)] = storedPart(emptyPart(this.recent.get(month)!));
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

/** Changes older than this are forgotten: a page retries within seconds. */
const REMEMBER_CHANGES_MS = 2 * 60_000;
const REMEMBER_CHANGES = 500;

/** A month as the writer keeps it between commits, in step with what it stored. */
/**
 * A month's newest entries go to its small recent item, so a log rewrites a few kilobytes; once
 * it holds this many, they move into the month's own item in one commit.
 */
export const RECENT_LIMIT = 250;

interface MonthState {
  /** The month's item and its recent item. */
  month: DecodedBucket;
  recent: DecodedBucket;
  /** This device's daily records of the month. */
  ownDays: Map<DayKey, DeviceDay>;
  /** This device's instants in the month, which new entries must not reuse. */
  instants: Set<number>;
}

/** The small items every commit reads and writes, as last stored. */
interface Index {
  months: Set<string>;
  syncState: SyncState;
  records: Record<string, StoredRecords>;
  /** Recent changes by id: when, and the entries they stored or removed. */
  changes: Map<string, { at: number; refs: EntryRef[] }>;
}

type Change =
  | { kind: 'log'; entries: readonly NewEntry[]; changeId?: string }
  | { kind: 'remove'; refs: readonly EntryRef[]; changeId?: string };

interface Queued {
  change: Change;
  resolve: (value: Logged | EntryRef[]) => void;
  reject: (error: unknown) => void;
}

/** The months whose buckets may hold an entry of this instant, whatever day it was given. */
function monthsAround(at: number): [before: string, of: string, after: string] {
  const day = Math.floor(at / 86_400_000);
  let months = monthsAroundDay.get(day);
  if (!months) {
    const month = (offset: number) => dayKeyFromNumber(day + offset).slice(0, 7);
    months = [month(-2), month(0), month(2)];
    if (monthsAroundDay.size > 1_000) monthsAroundDay.clear();
    monthsAroundDay.set(day, months);
  }
  return months;
}
const monthsAroundDay = new Map<number, [string, string, string]>();

/** Whether an entry counts towards this device's daily records. */
function countsForDevice(entry: Entry, device: string): boolean {
  return entry.device === device;
}

/** Days of the month a change to this entry touches (a rest's range included). */
function daysOf(entry: Entry, month: string): DayKey[] {
  if (entry.kind !== 'rest' || entry.until === undefined) return [entry.day];
  const days: DayKey[] = [];
  for (let day = entry.day; day <= entry.until && monthOf(day) === month; day = addDays(day, 1))
    days.push(day);
  return days;
}

export class Writer {
  /** Commits and use cases run one at a time, in order. */
  private readonly queue = new SerialQueue();
  private lastAt = 0;
  private readonly months = new Map<string, MonthState | 'refused'>();
  private index: Index | undefined;
  /** The stamp of this writer's last commit, to tell its own writes from anyone else's. */
  private stamp = 0;
  private readonly ownStamps = new Set<number>();
  private waiting: Queued[] = [];
  private readonly searchFrom = new Map<number, number>();
  private groupQueued = false;

  constructor(private readonly deps: WriterDependencies) {}

  /**
   * Runs a use case alone, after every change before it; whatever it writes, the months and
   * items the writer kept are read again afterwards.
   */
  serialize<T>(change: () => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      try {
        return await change();
      } finally {
        this.forget();
      }
    });
  }

  private forget(): void {
    this.months.clear();
    this.searchFrom.clear();
    this.index = undefined;
  }

  /**
   * Storage changed: unless it is this writer's own commit, what it kept of the changed keys is
   * dropped (all of it, as another writer's change may span them).
   */
  onStorageChanged(changes: Record<string, { newValue?: unknown }>): void {
    const stamp = readVersioned(writerStampFormat, changes[LOCAL_KEYS.writer]?.newValue).value;
    if (this.ownStamps.has(stamp.rev)) return;
    const kept = Object.keys(changes).some(
      (key) =>
        key.startsWith('entries.') ||
        key.startsWith('days.') ||
        key === LOCAL_KEYS.months ||
        key === LOCAL_KEYS.syncState ||
        key === LOCAL_KEYS.records ||
        key === LOCAL_KEYS.changes ||
        key === LOCAL_KEYS.writer,
    );
    if (kept) this.forget();
  }

  private uniqueInstant(at: number): number {
    // The months two days either side are searched, so moving on by a few ms stays inside them.
    const states = monthsAround(at).map((month) => this.monthState(month));
    // A burst asks for the same millisecond many times: search on from where the last ended.
    let instant = Math.max(at, this.searchFrom.get(at) ?? at);
    while (states.some((state) => state.instants.has(instant))) instant++;
    states[1]!.instants.add(instant);
    if (this.searchFrom.size > 10_000) this.searchFrom.clear();
    this.searchFrom.set(at, instant + 1);
    return instant;
  }

  /**
   * Validates and stores new entries, as one change. A rest or pause over several days is
   * stored as one entry a day, so every day's record can be computed from its own month.
   * `changeId`: a page's id for the change, so a retry is stored once.
   */
  logEntries(entries: readonly NewEntry[], changeId?: string): Promise<Logged> {
    return this.enqueue({ kind: 'log', entries, changeId }) as Promise<Logged>;
  }

  /** Removes entries by id, as one change; returns those that were found. */
  removeEntries(refs: readonly EntryRef[], changeId?: string): Promise<EntryRef[]> {
    return this.enqueue({ kind: 'remove', refs, changeId }) as Promise<EntryRef[]>;
  }

  private enqueue(change: Change): Promise<Logged | EntryRef[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ change, resolve, reject });
      if (this.groupQueued) return;
      this.groupQueued = true;
      void this.queue.run(() => this.commitGroup());
    });
  }

  private monthState(month: string): MonthState {
    const state = this.months.get(month);
    if (state === undefined) throw new Error(`Month not loaded: ${month}`);
    if (state === 'refused') throw new WriteRefusedError('storage.unreadableMonth', [month]);
    return state;
  }

  /** Reads the small items, unless kept and nobody else wrote since this writer's last commit. */
  private async loadIndex(): Promise<Index> {
    const keys = [LOCAL_KEYS.writer, ...(this.index ? [] : this.indexKeys())];
    const raw = await this.deps.local.get(keys);
    const stamp = readVersioned(writerStampFormat, raw[LOCAL_KEYS.writer]).value.rev;
    if (this.index && stamp === this.stamp) return this.index;
    this.forget();
    this.stamp = stamp;
    const all = this.index ? raw : { ...raw, ...(await this.deps.local.get(this.indexKeys())) };
    const changes = readVersioned(recentChangesFormat, all[LOCAL_KEYS.changes]).value.changes;
    this.index = {
      months: new Set(readVersioned(monthsFormat, all[LOCAL_KEYS.months]).value.months),
      syncState: readVersioned(syncStateFormat, all[LOCAL_KEYS.syncState]).value,
      records: readVersioned(recordsFormat, all[LOCAL_KEYS.records]).value.exercises,
      changes: new Map(
        changes.map(([id, at, refs]) => [
          id,
          { at, refs: refs.map(([ref, day]) => ({ id: ref, day })) },
        ]),
      ),
    };
    return this.index;
  }

  private indexKeys(): string[] {
    return [LOCAL_KEYS.months, LOCAL_KEYS.syncState, LOCAL_KEYS.records, LOCAL_KEYS.changes];
  }

  /** Makes sure the given months are kept, reading those that are not in one call. */
  private async loadMonths(months: Iterable<string>): Promise<void> {
    const missing = [...new Set(months)].filter((month) => !this.months.has(month));
    if (missing.length === 0) return;
    const raw = await this.deps.local.get([
      ...missing.flatMap(bucketKeys),
      ...missing.map(LOCAL_KEYS.days),
    ]);
    for (const month of missing) {
      const { month: bucket, recent } = decodeMonth(month, raw);
      if (!bucket || !recent) {
        this.months.set(month, 'refused');
        continue;
      }
      const instants = new Set<number>();
      for (const entry of [...bucket.entries, ...recent.entries])
        if (entry.device === this.deps.device) instants.add(entry.at);
      this.months.set(month, {
        month: bucket,
        recent,
        ownDays: decodeOwnDays(month, raw[LOCAL_KEYS.days(month)]),
        instants,
      });
    }
  }

  /** Commits every change waiting, together. */
  private async commitGroup(): Promise<void> {
    this.groupQueued = false;
    const group = this.waiting;
    this.waiting = [];
    const done: { queued: Queued; value: Logged | EntryRef[] }[] = [];
    try {
      const settings = await this.deps.settings();
      const index = await this.loadIndex();
      const drafts = new Map<Queued, (NewEntry & { day: DayKey })[]>();
      const needed = new Set<string>();
      for (const queued of group) {
        const { change } = queued;
        const earlier = change.changeId ? index.changes.get(change.changeId) : undefined;
        if (earlier) {
          for (const ref of earlier.refs) needed.add(monthOf(ref.day));
        } else if (change.kind === 'log') {
          const expanded = expandDrafts(change.entries, settings.startOfDayHour);
          drafts.set(queued, expanded);
          for (const draft of expanded) {
            needed.add(monthOf(draft.day));
            for (const month of monthsAround(Math.max(draft.at, 0))) needed.add(month);
          }
        } else {
          for (const ref of change.refs) needed.add(monthOf(ref.day));
        }
      }
      await this.loadMonths(needed);

      const group$ = new GroupChanges();
      const rev = Math.max(this.deps.now(), this.lastAt + 1);
      for (const queued of group) {
        try {
          done.push({ queued, value: this.apply(queued, drafts.get(queued), index, group$, rev) });
        } catch (error) {
          queued.reject(error);
        }
      }
      if (group$.removedSets.size > 0) await this.recomputeGroupRecords(group$);
      if (group$.changed) {
        this.lastAt = rev;
        // Known before the call: the browser may announce the change before it resolves.
        this.ownStamps.add(rev);
        if (this.ownStamps.size > 50) this.ownStamps.delete(this.ownStamps.values().next().value!);
        await this.deps.local.set(this.changesToStore(group$, index, rev, settings));
        this.stamp = rev;
      }
    } catch (error) {
      // Nothing of this group is stored (or it is unknown what is): read everything again.
      this.forget();
      for (const queued of group) queued.reject(error);
      return;
    }
    for (const { queued, value } of done) queued.resolve(value);
    if (done.length > 0) this.deps.onChanged();
  }

  /** Applies one change to the kept months, or throws leaving them as they were. */
  private apply(
    queued: Queued,
    drafts: (NewEntry & { day: DayKey })[] | undefined,
    index: Index,
    group: GroupChanges,
    rev: number,
  ): Logged | EntryRef[] {
    const { change } = queued;
    const earlier = change.changeId ? index.changes.get(change.changeId) : undefined;
    if (earlier) {
      if (change.kind === 'remove') return earlier.refs;
      const entries = earlier.refs.flatMap((ref) => {
        const state = this.monthState(monthOf(ref.day));
        const found = [...state.month.entries, ...state.recent.entries].find(
          (entry) => entry.id === ref.id,
        );
        return found ? [found] : [];
      });
      return { entries, records: entries.map(() => []) };
    }
    const result =
      change.kind === 'log' ? this.applyLog(drafts!, group) : this.applyRemoval(change.refs, group);
    if (change.changeId) {
      const refs =
        change.kind === 'log' ? refsOf((result as Logged).entries) : (result as EntryRef[]);
      index.changes.set(change.changeId, { at: rev, refs });
      group.changeIds = true;
    }
    return result;
  }

  private applyLog(drafts: (NewEntry & { day: DayKey })[], group: GroupChanges): Logged {
    for (const draft of drafts) this.monthState(monthOf(draft.day));
    // Every entry is checked before any is kept, so a refused change leaves nothing behind.
    const entries = drafts.map((draft) => {
      const at = this.uniqueInstant(Math.max(draft.at, 0));
      return parseEntry({
        ...draft,
        at,
        id: entryId(this.deps.device, at),
        device: this.deps.device,
      });
    });
    const records: RecordKind[][] = [];
    for (const entry of entries) {
      const month = monthOf(entry.day);
      const state = this.monthState(month);
      state.recent.entries.push(entry);
      state.recent.tuples.push(encodeEntry(entry, month, state.recent.tables));
      group.touch(month, daysOf(entry, month), 'recent');
      records.push(
        entry.kind === 'set'
          ? addToRecords(group.recordsOf(this.index!, entry.exercise), entry)
          : [],
      );
    }
    return { entries, records };
  }

  private applyRemoval(refs: readonly EntryRef[], group: GroupChanges): EntryRef[] {
    for (const ref of refs) this.monthState(monthOf(ref.day));
    const removed: EntryRef[] = [];
    for (const ref of refs) {
      const month = monthOf(ref.day);
      const state = this.monthState(month);
      const part = (['month', 'recent'] as const).find((name) =>
        state[name].entries.some((entry) => entry.id === ref.id && entry.day === ref.day),
      );
      if (!part) continue;
      const bucket = state[part];
      const at = bucket.entries.findIndex((entry) => entry.id === ref.id && entry.day === ref.day);
      const [entry] = bucket.entries.splice(at, 1);
      bucket.tuples.splice(at, 1);
      if (entry!.device === this.deps.device) state.instants.delete(entry!.at);
      if (entry!.kind === 'set') group.removedSets.add(entry!.exercise);
      if (entry!.device !== this.deps.device) group.removedOthers.add(month);
      group.touch(month, daysOf(entry!, month), part);
      removed.push(ref);
    }
    return removed;
  }

  /** Records of exercises whose sets were removed, again from all of the history. */
  private async recomputeGroupRecords(group: GroupChanges): Promise<void> {
    const others = [...this.index!.months].filter((month) => !this.months.has(month));
    const history = [
      ...(await readEntries(this.deps.local, others)),
      ...[...this.months.values()].flatMap((state) =>
        state === 'refused' ? [] : [...state.month.entries, ...state.recent.entries],
      ),
    ];
    for (const exercise of group.removedSets) {
      const sets = history.filter(
        (entry): entry is SetEntry => entry.kind === 'set' && entry.exercise === exercise,
      );
      group.records.set(exercise, recordsOf(sets));
    }
  }

  /** Everything the group changed, as one object for one `set` call. */
  private changesToStore(
    group: GroupChanges,
    index: Index,
    rev: number,
    settings: Settings,
  ): Record<string, unknown> {
    const changes: Record<string, unknown> = {};
    const goalMl = effectiveGoals(settings).waterMl;
    const device = this.deps.device;
    for (const [month, days] of group.days) {
      const state = this.monthState(month);
      const parts = group.parts.get(month)!;
      if (state.recent.entries.length >= RECENT_LIMIT) {
        for (const entry of state.recent.entries) {
          state.month.entries.push(entry);
          state.month.tuples.push(encodeEntry(entry, month, state.month.tables));
        }
        state.recent = emptyPart(state.recent);
        parts.add('month').add('recent');
      }
      if (parts.has('month')) changes[LOCAL_KEYS.bucket(month)] = storedPart(state.month);
      if (parts.has('recent')) changes[LOCAL_KEYS.recent(month)] = storedPart(state.recent);
      // Only the days changed are computed again; the others keep the goal they were judged by.
      const own = [...state.month.entries, ...state.recent.entries].filter(
        (entry) =>
          countsForDevice(entry, device) &&
          (days.has(entry.day) || (entry.kind === 'rest' && entry.until !== undefined)),
      );
      const fresh = summarizeEntries(own, rev, goalMl);
      for (const day of days) {
        const record = fresh.get(day);
        if (record) state.ownDays.set(day, record);
        else state.ownDays.delete(day);
      }
      changes[LOCAL_KEYS.days(month)] = encodeOwnDays(state.ownDays, rev, goalMl);
      if (group.removedOthers.has(month)) {
        const entries = [...state.month.entries, ...state.recent.entries];
        changes[LOCAL_KEYS.others(month)] = encodeOtherDays(
          otherDevicesDays(entries, device, goalMl),
          goalMl,
        );
      }
      index.months.add(month);
      if (!index.syncState.dirtyMonths.includes(month))
        index.syncState.dirtyMonths = [...index.syncState.dirtyMonths, month].sort();
      for (const day of days)
        if (!index.syncState.first || day < index.syncState.first) index.syncState.first = day;
    }
    changes[LOCAL_KEYS.months] = writeVersioned(monthsFormat, { months: [...index.months].sort() });
    changes[LOCAL_KEYS.syncState] = writeVersioned(syncStateFormat, index.syncState);
    if (group.records.size > 0) {
      for (const [exercise, records] of group.records)
        index.records[exercise] = toStoredRecords(records);
      changes[LOCAL_KEYS.records] = writeVersioned(recordsFormat, {
        exercises: { ...index.records },
      });
    }
    if (group.changeIds) {
      const recent = [...index.changes]
        .filter(([, change]) => change.at > rev - REMEMBER_CHANGES_MS)
        .slice(-REMEMBER_CHANGES);
      index.changes = new Map(recent);
      changes[LOCAL_KEYS.changes] = writeVersioned(recentChangesFormat, {
        changes: recent.map(([id, { at, refs }]) => [id, at, refs.map((ref) => [ref.id, ref.day])]),
      });
    }
    changes[LOCAL_KEYS.writer] = writeVersioned(writerStampFormat, { rev });
    return changes;
  }

  /**
   * Stores entries from an import as they are (their ids, days and devices), skipping those
   * already here; personal records are computed again for the exercises they touch.
   */
  importEntries(entries: readonly Entry[]): Promise<{ added: number }> {
    return this.serialize(async () => {
      const settings = await this.deps.settings();
      // The months around each instant too: an entry whose day moved keeps its id.
      const months = await MonthSet.load(
        this.deps.local,
        entries.flatMap((entry) => [entry.day.slice(0, 7), ...monthsAround(entry.at)]),
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

  /** Records of exercises an import touched, again from all of the history. */
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

/** What one group changed: days per month, personal records, whether change ids came. */
class GroupChanges {
  readonly days = new Map<string, Set<DayKey>>();
  /** The items of each month to write again. */
  readonly parts = new Map<string, Set<'month' | 'recent'>>();
  readonly records = new Map<string, ExerciseRecords>();
  readonly removedSets = new Set<string>();
  /** Months where an imported entry of another device was removed: their records change. */
  readonly removedOthers = new Set<string>();
  changeIds = false;

  get changed(): boolean {
    return this.days.size > 0 || this.changeIds;
  }

  touch(month: string, days: readonly DayKey[], part: 'month' | 'recent'): void {
    let touched = this.days.get(month);
    if (!touched) this.days.set(month, (touched = new Set()));
    for (const day of days) touched.add(day);
    let parts = this.parts.get(month);
    if (!parts) this.parts.set(month, (parts = new Set()));
    parts.add(part);
  }

  recordsOf(index: Index, exercise: string): ExerciseRecords {
    let records = this.records.get(exercise);
    if (!records) {
      const stored = index.records[exercise];
      records = stored ? fromStoredRecords(stored) : emptyRecords();
      this.records.set(exercise, records);
    }
    return records;
  }
}

/** A page's entries with their days, a rest over several days as one entry a day. */
function expandDrafts(
  entries: readonly NewEntry[],
  startOfDayHour: number,
): (NewEntry & { day: DayKey })[] {
  const drafts: (NewEntry & { day: DayKey })[] = [];
  for (const draft of entries) {
    const day = draft.day ?? localDayKey(draft.at, startOfDayHour);
    if (draft.kind !== 'rest' || draft.until === undefined) {
      drafts.push({ ...draft, day });
      continue;
    }
    const { until, ...single } = draft;
    for (let current = day; current <= until; current = addDays(current, 1)) {
      drafts.push({ ...single, day: current });
    }
  }
  return drafts;
}

function refsOf(entries: readonly Entry[]): EntryRef[] {
  return entries.map(({ id, day }) => ({ id, day }));
}

/** A month item as stored: its tables, then tuples it could not read, then its entries. */
function storedPart(bucket: DecodedBucket): Record<string, unknown> {
  return writeVersioned(bucketFormat, {
    devices: [...bucket.tables.devices],
    exercises: [...bucket.tables.exercises],
    entries: [...bucket.unreadable, ...bucket.tuples] as DecodedBucket['tuples'],
  });
}

/** An item emptied of its entries; tuples it could not read stay, with the tables they index. */
function emptyPart(bucket: DecodedBucket): DecodedBucket {
  const tables = bucket.unreadable.length > 0 ? bucket.tables : { devices: [], exercises: [] };
  return { tables, entries: [], tuples: [], unreadable: bucket.unreadable };
}

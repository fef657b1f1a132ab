/**
 * What one commit of the writer stores: the month items a group of changes touched, this
 * device's daily records of the days it changed, the month index, the sync state, personal
 * records and the change journal, as one object for one `storage.local.set` call, so they move
 * together or not at all. Every change (logs, removals, an import) is committed this way.
 */
import { expectedBy } from '../model/expectations';
import { effectiveGoals, type Settings } from '../model/settings';
import type { DayKey } from '../model/days';
import type { SetEntry } from '../model/entries';
import {
  emptyRecords,
  fromStoredRecords,
  recordsOf,
  toStoredRecords,
  type ExerciseRecords,
  type StoredRecords,
} from '../stats/strength';
import { otherDevicesDays, summarizeEntries } from '../stats/summary';
import {
  bucketFormat,
  encodeOtherDays,
  encodeOwnDays,
  LOCAL_KEYS,
  monthsFormat,
  readVersioned,
  recordsFormat,
  syncStateFormat,
  writerStampFormat,
  writeVersioned,
  type KeyValueArea,
  type SyncState,
} from './items';
import { readEntries, type DecodedBucket } from './buckets';
import { moveRecentIntoMonth, type MonthCache } from './month-cache';
import { RecentChanges } from './recent-changes';

/**
 * A month's newest entries go to its small recent item, so a log rewrites a few kilobytes; once
 * it holds this many, they move into the month's own item in one commit.
 */
export const RECENT_LIMIT = 250;

/** The small items every commit reads and writes, as last stored. */
export interface Index {
  months: Set<string>;
  syncState: SyncState;
  records: Record<string, StoredRecords>;
  changes: RecentChanges;
}

export const INDEX_KEYS: readonly string[] = [
  LOCAL_KEYS.months,
  LOCAL_KEYS.syncState,
  LOCAL_KEYS.records,
  LOCAL_KEYS.changes,
];

export function readIndex(raw: Record<string, unknown>): Index {
  return {
    months: new Set(readVersioned(monthsFormat, raw[LOCAL_KEYS.months]).value.months),
    syncState: readVersioned(syncStateFormat, raw[LOCAL_KEYS.syncState]).value,
    records: readVersioned(recordsFormat, raw[LOCAL_KEYS.records]).value.exercises,
    changes: RecentChanges.read(raw[LOCAL_KEYS.changes]),
  };
}

type Part = 'month' | 'recent';

/** What one commit changes: days per month, personal records, whether change ids came. */
export class GroupChanges {
  readonly days = new Map<string, Set<DayKey>>();
  /** The items of each month to write again. */
  readonly parts = new Map<string, Set<Part>>();
  readonly records = new Map<string, ExerciseRecords>();
  /** Exercises whose records are computed again from all of the history (a set went, or came in an import). */
  readonly recomputed = new Set<string>();
  /** Months where an entry of another device came or went: their records change. */
  readonly othersChanged = new Set<string>();
  changeIds = false;

  get changed(): boolean {
    return this.days.size > 0 || this.changeIds;
  }

  touch(month: string, days: readonly DayKey[], ...parts: Part[]): void {
    let touched = this.days.get(month);
    if (!touched) this.days.set(month, (touched = new Set()));
    for (const day of days) touched.add(day);
    let written = this.parts.get(month);
    if (!written) this.parts.set(month, (written = new Set()));
    for (const part of parts) written.add(part);
  }

  /** An exercise's records, to add a set to. */
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

/** Records of the exercises to recompute, again from all of the history. */
export async function recomputeRecords(
  local: KeyValueArea,
  cache: MonthCache,
  index: Index,
  group: GroupChanges,
): Promise<void> {
  const kept = new Set(cache.months);
  const history = [
    ...(await readEntries(
      local,
      [...index.months].filter((month) => !kept.has(month)),
    )),
    ...cache.entries(),
  ];
  for (const exercise of group.recomputed) {
    const sets = history.filter(
      (entry): entry is SetEntry => entry.kind === 'set' && entry.exercise === exercise,
    );
    group.records.set(exercise, recordsOf(sets));
  }
}

/**
 * Everything the group changed, as one object for one `set` call; the index is brought in
 * step with it. Only the days changed are computed again: the others keep their records, and
 * with them the water goal they were judged by.
 */
export function changesToStore(
  group: GroupChanges,
  cache: MonthCache,
  index: Index,
  { device, rev, settings }: { device: string; rev: number; settings: Settings },
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const goalMl = effectiveGoals(settings).waterMl;
  // A day's record keeps the goal that day expected, also when written later.
  const goalOn = (day: DayKey) => expectedBy(settings, day).goals.waterMl;
  for (const [month, days] of group.days) {
    const state = cache.get(month);
    const parts = group.parts.get(month)!;
    if (state.recent.entries.length >= RECENT_LIMIT) {
      moveRecentIntoMonth(state, month);
      parts.add('month').add('recent');
    }
    if (parts.has('month')) changes[LOCAL_KEYS.bucket(month)] = storedPart(state.month);
    if (parts.has('recent')) changes[LOCAL_KEYS.recent(month)] = storedPart(state.recent);
    const own = [...state.month.entries, ...state.recent.entries].filter(
      (entry) =>
        entry.device === device &&
        (days.has(entry.day) || (entry.kind === 'rest' && entry.until !== undefined)),
    );
    const fresh = summarizeEntries(own, rev, goalOn);
    for (const day of days) {
      const record = fresh.get(day);
      if (record) state.ownDays.set(day, record);
      else state.ownDays.delete(day);
    }
    changes[LOCAL_KEYS.days(month)] = encodeOwnDays(state.ownDays, rev, goalMl);
    if (group.othersChanged.has(month)) {
      const entries = [...state.month.entries, ...state.recent.entries];
      changes[LOCAL_KEYS.others(month)] = encodeOtherDays(
        otherDevicesDays(entries, device, goalOn),
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
  if (group.changeIds) changes[LOCAL_KEYS.changes] = index.changes.stored(rev);
  changes[LOCAL_KEYS.writer] = writeVersioned(writerStampFormat, { rev });
  return changes;
}

/** A month item as stored: its tables, then tuples it could not read, then its entries. */
function storedPart(bucket: DecodedBucket): Record<string, unknown> {
  return writeVersioned(bucketFormat, {
    devices: [...bucket.tables.devices],
    exercises: [...bucket.tables.exercises],
    entries: [...bucket.unreadable, ...bucket.tuples] as DecodedBucket['tuples'],
  });
}

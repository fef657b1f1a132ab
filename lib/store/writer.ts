/**
 * The one writer. Every change to the user's data, wherever it comes from (a page, a
 * notification button, a keyboard command, an import), is applied here, in the background
 * worker, and stored by one commit path (lib/store/commit.ts).
 *
 * Logs and removals commit in groups: changes that arrive while a commit is in flight are
 * applied together in the next single `storage.local.set` call. Each change is checked on its
 * own before it joins its group (a bad one is refused alone), and acknowledged only after the
 * call holding it has resolved, so an acknowledged change survives the worker being stopped at
 * any moment. A change carrying an id the writer has stored recently (a page retrying after a
 * lost acknowledgement) is answered again, not stored again (lib/store/recent-changes.ts).
 *
 * The writer keeps the months it used last decoded (lib/store/month-cache.ts) and the small
 * items every commit rewrites. Anything written by someone else (another use case of the
 * worker, `storage.onChanged` from elsewhere, a cleared storage seen through the stamp every
 * commit carries) drops what it kept.
 */
import { SerialQueue } from '../model/async';
import { addDays, localDayKey, monthOf, type DayKey } from '../model/days';
import { parseEntry, type Entry, type NewEntry } from '../model/entries';
import type { Settings } from '../model/settings';
import { addToRecords, type RecordKind } from '../stats/strength';
import { encodeEntry, entryId } from './codec';
import {
  changesToStore,
  GroupChanges,
  INDEX_KEYS,
  readIndex,
  recomputeRecords,
  type Index,
} from './commit';
import { LOCAL_KEYS, readVersioned, writerStampFormat, type KeyValueArea } from './items';
import { MonthCache, monthsAround, moveRecentIntoMonth } from './month-cache';
import type { EntryRef } from './recent-changes';

export type { EntryRef };

export interface WriterDependencies {
  local: KeyValueArea;
  device: string;
  now: () => number;
  settings: () => Promise<Settings>;
  /** Called after every change that sync must pick up (the worker schedules a flush). */
  onChanged: () => void;
}

export interface Logged {
  entries: Entry[];
  /** For each entry, the personal records it broke (only sets break any). */
  records: RecordKind[][];
}

type Change =
  | { kind: 'log'; entries: readonly NewEntry[]; changeId?: string }
  | { kind: 'remove'; refs: readonly EntryRef[]; changeId?: string };

interface Queued {
  change: Change;
  resolve: (value: Logged | EntryRef[]) => void;
  reject: (error: unknown) => void;
}

type Draft = NewEntry & { day: DayKey };

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
  private readonly cache: MonthCache;
  private index: Index | undefined;
  /** The stamp of this writer's last commit, to tell its own writes from anyone else's. */
  private stamp = 0;
  private readonly ownStamps = new Set<number>();
  private waiting: Queued[] = [];
  private groupQueued = false;

  constructor(private readonly deps: WriterDependencies) {
    this.cache = new MonthCache(deps.local, deps.device);
  }

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
    this.cache.clear();
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
        key === LOCAL_KEYS.writer ||
        INDEX_KEYS.includes(key),
    );
    if (kept) this.forget();
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

  /**
   * Stores entries from an import as they are (their ids, days and devices), skipping those
   * already here; personal records are computed again for the exercises they touch.
   */
  importEntries(entries: readonly Entry[]): Promise<{ added: number }> {
    return this.serialize(async () => {
      const settings = await this.deps.settings();
      const index = await this.loadIndex();
      // The months around each instant too: an entry whose day moved keeps its id.
      const months = new Set(
        entries.flatMap((entry) => [monthOf(entry.day), ...monthsAround(entry.at)]),
      );
      await this.cache.load(months);
      // Every month is checked writable before any changes.
      for (const month of months) this.cache.get(month);
      const group = new GroupChanges();
      const added = this.applyImport(entries, group);
      if (added > 0) {
        await this.commit(group, index, settings, this.nextRev());
        this.deps.onChanged();
      }
      return { added };
    });
  }

  private enqueue(change: Change): Promise<Logged | EntryRef[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ change, resolve, reject });
      if (this.groupQueued) return;
      this.groupQueued = true;
      void this.queue.run(() => this.commitGroup());
    });
  }

  private nextRev(): number {
    return Math.max(this.deps.now(), this.lastAt + 1);
  }

  /** Reads the small items, unless kept and nobody else wrote since this writer's last commit. */
  private async loadIndex(): Promise<Index> {
    const keys = [LOCAL_KEYS.writer, ...(this.index ? [] : INDEX_KEYS)];
    const raw = await this.deps.local.get(keys);
    const stamp = readVersioned(writerStampFormat, raw[LOCAL_KEYS.writer]).value.rev;
    if (this.index && stamp === this.stamp) return this.index;
    const all = this.index ? { ...raw, ...(await this.deps.local.get([...INDEX_KEYS])) } : raw;
    this.forget();
    this.stamp = stamp;
    this.index = readIndex(all);
    return this.index;
  }

  /** Commits every change waiting, together. */
  private async commitGroup(): Promise<void> {
    this.groupQueued = false;
    const waiting = this.waiting;
    this.waiting = [];
    const done: { queued: Queued; value: Logged | EntryRef[] }[] = [];
    try {
      const settings = await this.deps.settings();
      const index = await this.loadIndex();
      const drafts = new Map<Queued, Draft[]>();
      const needed = new Set<string>();
      for (const queued of waiting) {
        const { change } = queued;
        const earlier = change.changeId ? index.changes.refsOf(change.changeId) : undefined;
        if (earlier) {
          for (const ref of earlier) needed.add(monthOf(ref.day));
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
      await this.cache.load(needed);

      const group = new GroupChanges();
      const rev = this.nextRev();
      for (const queued of waiting) {
        try {
          done.push({ queued, value: this.apply(queued, drafts.get(queued), index, group, rev) });
        } catch (error) {
          queued.reject(error);
        }
      }
      if (group.changed) await this.commit(group, index, settings, rev);
    } catch (error) {
      // Nothing of this group is stored (or it is unknown what is): read everything again.
      this.forget();
      for (const queued of waiting) queued.reject(error);
      return;
    } finally {
      this.cache.trim();
    }
    for (const { queued, value } of done) queued.resolve(value);
    if (done.length > 0) this.deps.onChanged();
  }

  /** Stores what a group changed, in one call; the kept months and index are then in step. */
  private async commit(
    group: GroupChanges,
    index: Index,
    settings: Settings,
    rev: number,
  ): Promise<void> {
    if (group.recomputed.size > 0)
      await recomputeRecords(this.deps.local, this.cache, index, group);
    const changes = changesToStore(group, this.cache, index, {
      device: this.deps.device,
      rev,
      settings,
    });
    this.lastAt = rev;
    // Known before the call: the browser may announce the change before it resolves.
    this.ownStamps.add(rev);
    if (this.ownStamps.size > 50) this.ownStamps.delete(this.ownStamps.values().next().value!);
    await this.deps.local.set(changes);
    this.stamp = rev;
  }

  /** Applies one change to the kept months, or throws leaving them as they were. */
  private apply(
    queued: Queued,
    drafts: Draft[] | undefined,
    index: Index,
    group: GroupChanges,
    rev: number,
  ): Logged | EntryRef[] {
    const { change } = queued;
    const earlier = change.changeId ? index.changes.refsOf(change.changeId) : undefined;
    if (earlier) {
      if (change.kind === 'remove') return earlier;
      const entries = earlier.flatMap((ref) => {
        const state = this.cache.get(monthOf(ref.day));
        const found = [...state.month.entries, ...state.recent.entries].find(
          (entry) => entry.id === ref.id,
        );
        return found ? [found] : [];
      });
      return { entries, records: entries.map(() => []) };
    }
    const result =
      change.kind === 'log'
        ? this.applyLog(drafts!, index, group)
        : this.applyRemoval(change.refs, group);
    if (change.changeId) {
      const refs = Array.isArray(result) ? result : refsOf(result.entries);
      index.changes.remember(change.changeId, rev, refs);
      group.changeIds = true;
    }
    return result;
  }

  private applyLog(drafts: Draft[], index: Index, group: GroupChanges): Logged {
    for (const draft of drafts) this.cache.get(monthOf(draft.day));
    // Every entry is checked before any is kept, so a refused change leaves nothing behind.
    const entries = drafts.map((draft) => {
      const at = this.cache.uniqueInstant(Math.max(draft.at, 0));
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
      const state = this.cache.get(month);
      state.recent.entries.push(entry);
      state.recent.tuples.push(encodeEntry(entry, month, state.recent.tables));
      group.touch(month, daysOf(entry, month), 'recent');
      records.push(
        entry.kind === 'set' ? addToRecords(group.recordsOf(index, entry.exercise), entry) : [],
      );
    }
    return { entries, records };
  }

  private applyRemoval(refs: readonly EntryRef[], group: GroupChanges): EntryRef[] {
    for (const ref of refs) this.cache.get(monthOf(ref.day));
    const removed: EntryRef[] = [];
    for (const ref of refs) {
      const month = monthOf(ref.day);
      const state = this.cache.get(month);
      const part = (['month', 'recent'] as const).find((name) =>
        state[name].entries.some((entry) => entry.id === ref.id && entry.day === ref.day),
      );
      if (!part) continue;
      const bucket = state[part];
      const at = bucket.entries.findIndex((entry) => entry.id === ref.id && entry.day === ref.day);
      const [entry] = bucket.entries.splice(at, 1);
      bucket.tuples.splice(at, 1);
      if (entry!.device === this.deps.device) state.instants.delete(entry!.at);
      if (entry!.kind === 'set') group.recomputed.add(entry!.exercise);
      if (entry!.device !== this.deps.device) group.othersChanged.add(month);
      group.touch(month, daysOf(entry!, month), part);
      removed.push(ref);
    }
    return removed;
  }

  /**
   * Adds an import's entries to the months' own items, after the entries of their recent
   * items (moved there in the same commit); returns how many were not here already.
   */
  private applyImport(entries: readonly Entry[], group: GroupChanges): number {
    const existing = new Set(this.cache.entries().map((entry) => entry.id));
    let added = 0;
    for (const entry of entries) {
      if (existing.has(entry.id)) continue;
      existing.add(entry.id);
      const month = monthOf(entry.day);
      const state = this.cache.get(month);
      if (!group.parts.get(month)?.has('month')) moveRecentIntoMonth(state, month);
      state.month.entries.push(entry);
      state.month.tuples.push(encodeEntry(entry, month, state.month.tables));
      if (entry.device === this.deps.device) state.instants.add(entry.at);
      else group.othersChanged.add(month);
      if (entry.kind === 'set') group.recomputed.add(entry.exercise);
      group.touch(month, [entry.day], 'month', 'recent');
      added++;
    }
    return added;
  }
}

/** A page's entries with their days, a rest over several days as one entry a day. */
function expandDrafts(entries: readonly NewEntry[], startOfDayHour: number): Draft[] {
  const drafts: Draft[] = [];
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

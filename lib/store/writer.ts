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
 * When storage.local is full, logs wait for room in storage.session (lib/store/waiting-logs.ts).
 *
 * The writer keeps the months it used last decoded (lib/store/month-cache.ts) and the small
 * items every commit rewrites. Anything written by someone else (another use case of the
 * worker, `storage.onChanged` from elsewhere, a cleared storage seen through the stamp every
 * commit carries) drops what it kept.
 */
import { SerialQueue } from '../model/async';
import { monthOf } from '../model/days';
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
import { isStorageFull, STORAGE_FULL } from './area';
import { WaitingLogs, WAITING_FOR_ROOM } from './waiting-logs';
import { daysOf, expandDrafts, type Draft } from './drafts';
import { ProblemError, type Problem } from '../model/problem';

export type { EntryRef };

export interface WriterDependencies {
  local: KeyValueArea;
  device: string;
  now: () => number;
  settings: () => Promise<Settings>;
  /** Called after every change that sync must pick up (the worker schedules a flush). */
  onChanged: () => void;
  /**
   * storage.session, where logs wait while storage.local is full (lib/store/waiting-logs.ts);
   * without it a log into a full storage is refused, in words.
   */
  session?: KeyValueArea;
  /** Called with how many logs wait for room, when that changes (the worker tells the user). */
  onWaiting?: (count: number) => void;
}

export interface Logged {
  entries: Entry[];
  /** For each entry, the personal records it broke (only sets break any). */
  records: RecordKind[][];
  /**
   * Storage is full: the entries were not stored yet, but kept waiting for room, and will be
   * stored once there is (`entries` is empty). What to say, and what the user can do.
   */
  pending?: Problem;
}

type Change =
  | { kind: 'log'; entries: readonly NewEntry[]; changeId?: string }
  | { kind: 'remove'; refs: readonly EntryRef[]; changeId?: string };

interface Queued {
  change: Change;
  resolve: (value: Logged | EntryRef[]) => void;
  reject: (error: unknown) => void;
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
  /** Asked for a group that takes the logs waiting for room. */
  private retries: (() => void)[] = [];
  private groupQueued = false;

  private readonly waitingLogs: WaitingLogs;

  constructor(private readonly deps: WriterDependencies) {
    this.cache = new MonthCache(deps.local, deps.device);
    this.waitingLogs = new WaitingLogs(deps.session);
  }

  /** How many logs wait for room in storage.local. */
  async waitingCount(): Promise<number> {
    return (await this.waitingLogs.list()).length;
  }

  /** Tries again to store the logs waiting for room (there may be room now). */
  async retryWaiting(): Promise<void> {
    if ((await this.waitingCount()) > 0) await this.enqueue(undefined);
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

  /** Queues a change for the next group; none: a group that only takes the logs waiting. */
  private enqueue(change: Change | undefined): Promise<Logged | EntryRef[] | void> {
    return new Promise((resolve, reject) => {
      if (change) this.waiting.push({ change, resolve, reject });
      else this.retries.push(() => resolve());
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

  /**
   * Commits every change queued, together, after the logs waiting for room. When storage.local
   * is full, the logs among them are kept waiting (answered as such) and the rest refused.
   */
  private async commitGroup(): Promise<void> {
    this.groupQueued = false;
    const queued = this.waiting;
    const retries = this.retries;
    this.waiting = [];
    this.retries = [];
    const done: { queued: Queued; value: Logged | EntryRef[] }[] = [];
    const drafts = new Map<Queued, Draft[]>();
    const replays = new Set<Queued>(); // changes stored before, answered again
    let waited: Queued[] = [];
    try {
      waited = (await this.waitingLogs.list()).map(({ changeId, entries }) => ({
        change: { kind: 'log', entries, changeId },
        resolve: () => {},
        reject: () => {},
      }));
      const group = [...waited, ...queued];
      const settings = await this.deps.settings();
      const index = await this.loadIndex();
      const needed = new Set<string>();
      for (const each of group) {
        const { change } = each;
        const earlier = change.changeId ? index.changes.refsOf(change.changeId) : undefined;
        if (earlier) {
          replays.add(each);
          for (const ref of earlier) needed.add(monthOf(ref.day));
        } else if (change.kind === 'log') {
          const expanded = expandDrafts(change.entries, settings.startOfDayHour);
          drafts.set(each, expanded);
          for (const draft of expanded) {
            needed.add(monthOf(draft.day));
            for (const month of monthsAround(Math.max(draft.at, 0))) needed.add(month);
          }
        } else {
          for (const ref of change.refs) needed.add(monthOf(ref.day));
        }
      }
      await this.cache.load(needed);

      const changes = new GroupChanges();
      const rev = this.nextRev();
      for (const each of group) {
        try {
          done.push({
            queued: each,
            value: this.apply(each, drafts.get(each), index, changes, rev),
          });
        } catch (error) {
          each.reject(error);
        }
      }
      if (changes.changed) await this.commit(changes, index, settings, rev);
    } catch (error) {
      // Nothing of this group is stored (or it is unknown what is): read everything again.
      this.forget();
      if (isStorageFull(error)) await this.keepWaiting(done, drafts, replays);
      else for (const each of [...waited, ...queued]) each.reject(error);
      for (const retried of retries) retried();
      return;
    } finally {
      this.cache.trim();
    }
    // Stored: they wait no more (if this fails, their change ids make the next commit skip them).
    if (waited.length > 0) await this.waitingLogs.clear().catch(() => undefined);
    if (waited.length > 0) this.deps.onWaiting?.(0);
    for (const { queued: each, value } of done) each.resolve(value);
    for (const retried of retries) retried();
    if (done.length > 0) this.deps.onChanged();
  }

  /**
   * storage.local is full: the logs of the group wait in storage.session for room, answered so;
   * removals are refused in words, and so are the logs when storage.session cannot keep them.
   */
  private async keepWaiting(
    done: readonly { queued: Queued; value: Logged | EntryRef[] }[],
    drafts: ReadonlyMap<Queued, Draft[]>,
    replays: ReadonlySet<Queued>,
  ): Promise<void> {
    const full = new ProblemError(STORAGE_FULL);
    const rev = this.nextRev();
    const logs = done.flatMap(({ queued, value }, position) => {
      const { change } = queued;
      // A change stored before keeps its answer.
      if (replays.has(queued)) queued.resolve(value);
      else if (change.kind === 'remove') queued.reject(full);
      else {
        const changeId = change.changeId ?? `waiting-${rev.toString(36)}-${position}`;
        return [{ queued, log: { changeId, entries: drafts.get(queued)! } }];
      }
      return [];
    });
    if (logs.length === 0) return;
    const kept = await this.waitingLogs.keep(logs.map(({ log }) => log));
    for (const { queued } of logs) {
      if (kept) queued.resolve(WAITING_FOR_ROOM);
      else queued.reject(full);
    }
    if (kept) this.deps.onWaiting?.(logs.length);
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

function refsOf(entries: readonly Entry[]): EntryRef[] {
  return entries.map(({ id, day }) => ({ id, day }));
}

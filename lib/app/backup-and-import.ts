/**
 * Use cases that replace data: import (staged in parts, then committed), reset and restore, each
 * behind a backup, each recorded in a journal so a worker stopped in the middle finishes it on its
 * next start.
 */
import { ProblemError } from '../model/problem';
import { builtInExercise } from '../model/catalogue';
import type { DayKey } from '../model/days';
import { EntryValidationError, type Entry, type WorldContext } from '../model/entries';
import type { Handlers, RequestOf } from '../messaging/protocol';
import type { NudgeEngine } from '../nudge/engine';
import {
  backupFits,
  importedEntryProblem,
  importFits,
  itemsBytes,
  isDataKey,
  isKeptBackup,
  LOCAL_QUOTA_BYTES,
  takeBackup,
  type KeptBackup,
} from '../store/backup';
import { entryId } from '../store/codec';
import {
  LOCAL_KEYS,
  monthsFormat,
  readVersioned,
  SHARED_SYNC_KEYS,
  STAGING_PREFIX,
  syncStateFormat,
  writeVersioned,
  type NoticeKind,
} from '../store/items';
import { decodeStagedPart, encodeStagedPart, stagedPartFormat } from '../store/staging';
import { isQuotaError } from '../sync/flush';
import { isOwnKey } from '../sync/plan';
import type { WorkerContext } from './dependencies';
import {
  readCustomExercises,
  refuseFuture,
  saveCustomExercise,
  saveSettings,
} from './shared-records';
import { scheduleFlush } from './sync-schedule';

/** An import under way, kept in storage.local until it is done. */
type ImportJournal = {
  v: 1;
  kind: 'import';
  step: 'checked';
  /** Parts stored so far; each goes from staging once it is counted here. */
  partsStored?: number;
} & RequestOf<'commitImport'>;

export function backupAndImport({ deps, device, writer }: WorkerContext, engine: NudgeEngine) {
  const localQuotaBytes = deps.localQuotaBytes ?? LOCAL_QUOTA_BYTES;
  /** Parts staged before this are a page's that was closed (or an earlier worker's). */
  const startedAt = deps.now();

  /** Everything of this device goes but its id, the backup and an import under way. */
  async function deleteEverything(): Promise<void> {
    const id = await device;
    const keep = new Set<string>([LOCAL_KEYS.device, LOCAL_KEYS.backup, LOCAL_KEYS.journal]);
    const local = Object.keys(await deps.local.get(null)).filter(
      (key) => !keep.has(key) && !key.startsWith(STAGING_PREFIX),
    );
    if (local.length > 0) await deps.local.remove(local);
    const synced = await deps.sync.get(null);
    const mine = Object.keys(synced).filter(
      (key) => isOwnKey(key, id) || SHARED_SYNC_KEYS.includes(key),
    );
    if (mine.length > 0) await deps.sync.remove(mine);
  }

  /**
   * Puts a kept backup back. Every step can run again from the start with the same result, so
   * a restore cut short (the worker stopped) is finished on the next start, from the journal;
   * the backup itself is never changed by it.
   */
  async function finishRestore(backup: KeptBackup, notice: NoticeKind): Promise<void> {
    const current = await deps.local.get(null);
    const stale = Object.keys(current).filter((key) => isDataKey(key) && !(key in backup.local));
    const months = readVersioned(monthsFormat, backup.local[LOCAL_KEYS.months]).value.months;
    const syncState = readVersioned(syncStateFormat, current[LOCAL_KEYS.syncState]).value;
    await deps.local.set({
      ...backup.local,
      // Every restored month goes to sync again, in place of what replaced it there.
      [LOCAL_KEYS.syncState]: writeVersioned(syncStateFormat, {
        ...syncState,
        dirtyMonths: months,
      }),
    });
    if (stale.length > 0) await deps.local.remove(stale);
    const gone = SHARED_SYNC_KEYS.filter((key) => !(key in backup.sync));
    if (Object.keys(backup.sync).length > 0) await deps.sync.set(backup.sync);
    if (gone.length > 0) await deps.sync.remove(gone);
    await tell(notice);
    await deps.local.remove(LOCAL_KEYS.journal);
    if (months.length > 0) await scheduleFlush(deps);
  }

  /** The keys of staged parts, listed without reading the history where the browser can. */
  async function stagedKeys(prefix = STAGING_PREFIX): Promise<string[]> {
    let keys: string[] | undefined;
    try {
      keys = await deps.local.getKeys?.();
    } catch {
      // Not implemented by this browser (or test double): the keys come with their values.
    }
    keys ??= Object.keys(await deps.local.get(null));
    return keys.filter((key) => key.startsWith(prefix));
  }

  async function dropStaged(id: string): Promise<void> {
    const staged = await stagedKeys(`${STAGING_PREFIX}${id}.`);
    if (staged.length > 0) await deps.local.remove(staged);
  }

  /**
   * Parts a page staged and never committed (it was closed), but those of `keep` and of the
   * import under way: those staged before this worker started, or, when a new import begins,
   * all. Returns whether any went.
   */
  async function dropAbandoned(keep: string, stagedBefore = Infinity): Promise<boolean> {
    const staged = await stagedKeys();
    if (staged.length === 0) return false;
    const stored = await deps.local.get([LOCAL_KEYS.journal, ...staged]);
    const journal = stored[LOCAL_KEYS.journal] as Partial<ImportJournal> | undefined;
    const kept = [keep, journal?.id].map((id) => `${STAGING_PREFIX}${id}.`);
    const abandoned = staged.filter(
      (key) =>
        !kept.some((prefix) => key.startsWith(prefix)) &&
        readVersioned(stagedPartFormat, stored[key]).value.stagedAt < stagedBefore,
    );
    if (abandoned.length === 0) return false;
    await deps.local.remove(abandoned);
    return true;
  }

  /** A staged part's entries and the room it takes; undefined when it is not there. */
  async function stagedPart(
    id: string,
    part: number,
  ): Promise<{ entries: Entry[]; bytes: number } | undefined> {
    const key = LOCAL_KEYS.staging(id, part);
    const stored = await deps.local.get(key);
    if (stored[key] === undefined) return undefined;
    const entries = decodeStagedPart(stored[key]);
    if (!entries) throw new ProblemError('import.incomplete');
    return { entries, bytes: itemsBytes(stored) };
  }

  /**
   * Every part is there and every entry and record makes sense, before anything changes.
   * Returns what it adds to storage: the days (of each device) it brings, each a daily record
   * to keep, and its largest part, held twice for a moment while it is stored.
   */
  async function checkImport(
    journal: ImportJournal,
  ): Promise<{ days: number; largestPartBytes: number }> {
    for (const exercise of journal.customExercises) refuseFuture(exercise.updatedAt, deps.now());
    refuseFuture(journal.settings.updatedAt, deps.now());
    const known = new Set(
      [...(await readCustomExercises(deps.sync)), ...journal.customExercises].map(({ id }) => id),
    );
    const context: WorldContext = {
      now: deps.now(),
      knownExercise: (id) => known.has(id) || builtInExercise(id) !== undefined,
    };
    const days = new Set<`${string} ${DayKey}`>();
    let largestPartBytes = 0;
    for (let part = 0; part < journal.parts; part++) {
      const staged = await stagedPart(journal.id, part);
      if (!staged) throw new ProblemError('import.incomplete');
      largestPartBytes = Math.max(largestPartBytes, staged.bytes);
      for (const [index, entry] of staged.entries.entries()) {
        const problem = importedEntryProblem(entry, context);
        if (problem) throw new EntryValidationError(problem, `entries.${part}.${index}`);
        days.add(`${entry.device} ${entry.day}`);
      }
    }
    return { days: days.size, largestPartBytes };
  }

  /**
   * Applies a checked import. Every step can run again with the same result (entries already
   * here are skipped, records put back as they were), so an import cut short is run again from
   * its journal on the next start. Each staged part goes once the journal counts it stored,
   * so the file is never held twice, and a replace deletes only before its first part.
   */
  async function runImport(journal: ImportJournal, notice: NoticeKind): Promise<{ added: number }> {
    const queue = await writer;
    const stored = journal.partsStored ?? 0;
    if (journal.mode === 'replace' && stored === 0) await queue.serialize(deleteEverything);
    for (const exercise of journal.customExercises)
      await queue.serialize(() => saveCustomExercise(deps, exercise, true));
    let added = 0;
    for (let part = stored; part < journal.parts; part++) {
      const staged = await stagedPart(journal.id, part);
      if (!staged) throw new ProblemError('import.incomplete');
      if (staged.entries.length > 0) added += (await queue.importEntries(staged.entries)).added;
      await deps.local.set({ [LOCAL_KEYS.journal]: { ...journal, partsStored: part + 1 } });
      await deps.local.remove(LOCAL_KEYS.staging(journal.id, part));
    }
    if (journal.mode === 'replace')
      await queue.serialize(() => saveSettings(deps, journal.settings, true));
    await dropStaged(journal.id);
    await tell(notice);
    await deps.local.remove(LOCAL_KEYS.journal);
    if (journal.mode === 'replace') await engine.reconcile({ recompute: true });
    return { added };
  }

  /** The backup is kept (the journal says so): the rest can go, again if need be. */
  async function finishReset(notice: NoticeKind): Promise<void> {
    await deleteEverything();
    await tell(notice);
    await deps.local.remove(LOCAL_KEYS.journal);
  }

  async function tell(kind: NoticeKind): Promise<void> {
    await deps.local.set({ [LOCAL_KEYS.notice]: { v: 1, kind, at: deps.now() } });
  }

  const handlers: Pick<Handlers, 'stageImport' | 'commitImport' | 'resetData' | 'restoreBackup'> = {
    stageImport: async ({ id, part, entries }) => {
      // Stored without their ids, which are their device and instant: an id that is not is
      // refused here, where it can still be seen.
      for (const [index, entry] of entries.entries()) {
        if (entry.id !== entryId(entry.device, entry.at)) {
          await dropStaged(id);
          throw new EntryValidationError('import.entryIdMismatch', `entries.${part}.${index}`);
        }
      }
      // A new import lets go of parts an earlier one left behind.
      if (part === 0) await dropAbandoned(id);
      try {
        await deps.local.set({
          [LOCAL_KEYS.staging(id, part)]: encodeStagedPart(entries, deps.now()),
        });
      } catch (error) {
        await dropStaged(id);
        throw isQuotaError(error) ? new ProblemError('import.noRoom') : error;
      }
    },
    commitImport: async (request) => {
      const journal: ImportJournal = { v: 1, kind: 'import', step: 'checked', ...request };
      await (
        await writer
      ).serialize(async () => {
        let adds: Awaited<ReturnType<typeof checkImport>>;
        try {
          adds = await checkImport(journal);
        } catch (error) {
          await dropStaged(request.id);
          throw error;
        }
        if (request.mode === 'add') {
          if (!(await importFits(deps.local, adds, localQuotaBytes))) {
            await dropStaged(request.id);
            throw new ProblemError('import.noRoom');
          }
          await deps.local.set({ [LOCAL_KEYS.journal]: journal });
          return;
        }
        const backup = await takeBackup(deps, deps.now());
        if (!(await backupFits(deps.local, backup, localQuotaBytes))) {
          await dropStaged(request.id);
          throw new ProblemError('storage.noRoomForBackup');
        }
        // The backup and the journal that says it is taken, in one write: a second start
        // never takes a backup of data half replaced.
        await deps.local.set({ [LOCAL_KEYS.backup]: backup, [LOCAL_KEYS.journal]: journal });
      });
      return runImport(journal, 'importDone');
    },
    resetData: async () => {
      await (
        await writer
      ).serialize(async () => {
        const backup = await takeBackup(deps, deps.now());
        if (!(await backupFits(deps.local, backup, localQuotaBytes)))
          throw new ProblemError('storage.noRoomForBackup');
        // With the journal that says it is taken: a start finishes the reset, not a new backup.
        await deps.local.set({
          [LOCAL_KEYS.backup]: backup,
          [LOCAL_KEYS.journal]: { v: 1, kind: 'reset' },
        });
        await finishReset('resetDone');
      });
      await engine.reconcile({ recompute: true });
    },
    restoreBackup: async () => {
      await (
        await writer
      ).serialize(async () => {
        const backup = (await deps.local.get(LOCAL_KEYS.backup))[LOCAL_KEYS.backup];
        if (!isKeptBackup(backup)) throw new ProblemError('storage.noBackup');
        await deps.local.set({ [LOCAL_KEYS.journal]: { v: 1, kind: 'restore' } });
        await finishRestore(backup, 'restoreDone');
      });
      await engine.reconcile({ recompute: true });
    },
  };

  return {
    handlers,
    /** A use case the worker was stopped in the middle of is finished now, and the user told. */
    async finishJournal(): Promise<void> {
      // An import whose page was closed before it was committed never began: it is let go.
      if (await dropAbandoned('', startedAt)) await tell('importDiscarded');
      const stored = await deps.local.get([LOCAL_KEYS.journal, LOCAL_KEYS.backup]);
      const journal = stored[LOCAL_KEYS.journal] as
        ImportJournal | { kind: 'restore' | 'reset' } | undefined;
      if (journal === undefined) return;
      if (journal.kind === 'import') {
        // Not inside the writer's queue, where resume runs this: the import queues its own steps.
        void runImport(journal, 'importFinished');
        return;
      }
      if (journal.kind === 'reset') return finishReset('resetFinished');
      const backup = stored[LOCAL_KEYS.backup];
      if (isKeptBackup(backup)) await finishRestore(backup, 'restoreFinished');
      else await deps.local.remove(LOCAL_KEYS.journal);
    },
  };
}

/**
 * Use cases that replace data: import (staged in parts, then committed), reset and restore, each
 * behind a backup, each recorded in a journal so a worker stopped in the middle finishes it on its
 * next start.
 */
import { ProblemError } from '../model/problem';
import { builtInExercise } from '../model/catalogue';
import { EntryValidationError, type Entry, type WorldContext } from '../model/entries';
import type { Handlers, RequestOf } from '../messaging/protocol';
import type { NudgeEngine } from '../nudge/engine';
import {
  backupFits,
  importedEntryProblem,
  isDataKey,
  isKeptBackup,
  LOCAL_QUOTA_BYTES,
  takeBackup,
  type KeptBackup,
} from '../store/backup';
import {
  LOCAL_KEYS,
  monthsFormat,
  readVersioned,
  SHARED_SYNC_KEYS,
  syncStateFormat,
  writeVersioned,
} from '../store/items';
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

const STAGING_PREFIX = 'staging.';
const stagingKey = (id: string, part: number) => `${STAGING_PREFIX}${id}.${part}`;

/** An import under way, kept in storage.local until it is done. */
type ImportJournal = { v: 1; kind: 'import'; step: 'checked' } & RequestOf<'commitImport'>;

export function backupAndImport({ deps, device, writer }: WorkerContext, engine: NudgeEngine) {
  const localQuotaBytes = deps.localQuotaBytes ?? LOCAL_QUOTA_BYTES;

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
  async function finishRestore(backup: KeptBackup): Promise<void> {
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
    await deps.local.remove(LOCAL_KEYS.journal);
    if (months.length > 0) await scheduleFlush(deps);
  }

  async function dropStaged(id: string): Promise<void> {
    const staged = Object.keys(await deps.local.get(null)).filter((key) =>
      key.startsWith(`${STAGING_PREFIX}${id}.`),
    );
    if (staged.length > 0) await deps.local.remove(staged);
  }

  async function stagedPart(id: string, part: number): Promise<Entry[]> {
    const key = stagingKey(id, part);
    const entries = (await deps.local.get(key))[key];
    if (!Array.isArray(entries)) throw new ProblemError('import.incomplete');
    return entries as Entry[];
  }

  /** Every part is there and every entry and record makes sense, before anything changes. */
  async function checkImport(journal: ImportJournal): Promise<void> {
    for (const exercise of journal.customExercises) refuseFuture(exercise.updatedAt, deps.now());
    refuseFuture(journal.settings.updatedAt, deps.now());
    const known = new Set(
      [...(await readCustomExercises(deps.sync)), ...journal.customExercises].map(({ id }) => id),
    );
    const context: WorldContext = {
      now: deps.now(),
      knownExercise: (id) => known.has(id) || builtInExercise(id) !== undefined,
    };
    for (let part = 0; part < journal.parts; part++) {
      for (const [index, entry] of (await stagedPart(journal.id, part)).entries()) {
        const problem = importedEntryProblem(entry, context);
        if (problem) throw new EntryValidationError(problem, `entries.${part}.${index}`);
      }
    }
  }

  /**
   * Applies a checked import. Every step can run again with the same result (entries already
   * here are skipped, records put back as they were), so an import cut short is run again from
   * its journal on the next start; the staged parts go only at the end.
   */
  async function runImport(journal: ImportJournal): Promise<{ added: number }> {
    const queue = await writer;
    if (journal.mode === 'replace') await queue.serialize(deleteEverything);
    for (const exercise of journal.customExercises)
      await queue.serialize(() => saveCustomExercise(deps, exercise, true));
    let added = 0;
    for (let part = 0; part < journal.parts; part++) {
      const entries = await stagedPart(journal.id, part);
      if (entries.length > 0) added += (await queue.importEntries(entries)).added;
    }
    if (journal.mode === 'replace')
      await queue.serialize(() => saveSettings(deps, journal.settings, true));
    await dropStaged(journal.id);
    await deps.local.remove(LOCAL_KEYS.journal);
    if (journal.mode === 'replace') await engine.reconcile({ recompute: true });
    return { added };
  }

  async function tell(kind: 'restoreFinished' | 'importFinished'): Promise<void> {
    await deps.local.set({ [LOCAL_KEYS.notice]: { v: 1, kind, at: deps.now() } });
  }

  const handlers: Pick<Handlers, 'stageImport' | 'commitImport' | 'resetData' | 'restoreBackup'> = {
    stageImport: async ({ id, part, entries }) => {
      try {
        await deps.local.set({ [stagingKey(id, part)]: entries });
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
        try {
          await checkImport(journal);
        } catch (error) {
          await dropStaged(request.id);
          throw error;
        }
        if (request.mode === 'add') {
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
      return runImport(journal);
    },
    resetData: async () => {
      await (
        await writer
      ).serialize(async () => {
        const backup = await takeBackup(deps, deps.now());
        if (!(await backupFits(deps.local, backup, localQuotaBytes)))
          throw new ProblemError('storage.noRoomForBackup');
        await deps.local.set({ [LOCAL_KEYS.backup]: backup });
        await deleteEverything();
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
        await finishRestore(backup);
      });
      await engine.reconcile({ recompute: true });
    },
  };

  return {
    handlers,
    /** A use case the worker was stopped in the middle of is finished now, and the user told. */
    async finishJournal(): Promise<void> {
      const stored = await deps.local.get([LOCAL_KEYS.journal, LOCAL_KEYS.backup]);
      const journal = stored[LOCAL_KEYS.journal] as ImportJournal | { kind: 'restore' } | undefined;
      if (journal === undefined) return;
      if (journal.kind === 'import') {
        // Not inside the writer's queue, where resume runs this: the import queues its own steps.
        void runImport(journal).then(() => tell('importFinished'));
        return;
      }
      const backup = stored[LOCAL_KEYS.backup];
      if (isKeptBackup(backup)) await finishRestore(backup);
      else await deps.local.remove(LOCAL_KEYS.journal);
      await tell('restoreFinished');
    },
  };
}

/**
 * Reset and restore: each behind the backup of this browser's data (lib/store/backup.ts), each
 * recorded in a journal (`journal` in storage.local) so a worker stopped in the middle finishes
 * it on its next start (see `finishJournal` in backup-and-import.ts). Every step can run again
 * from the start with the same result.
 */
import { ProblemError } from '../model/problem';
import type { NudgeEngine } from '../nudge/engine';
import { backupFits, isDataKey, isKeptBackup, takeBackup, type KeptBackup } from '../store/backup';
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
import { isOwnKey } from '../sync/plan';
import type { WorkerContext, WorkerDependencies } from './dependencies';
import { scheduleFlush } from './sync-schedule';

/** What the data use cases work with: the worker's parts, and the engine to set again. */
export interface DataContext extends Pick<WorkerContext, 'deps' | 'device' | 'writer'> {
  engine: Pick<NudgeEngine, 'reconcile'>;
  /** storage.local's quota. */
  localQuotaBytes: number;
}

/** Tells the options page what a use case came to (also when its page was closed meanwhile). */
export async function tell(deps: Pick<WorkerDependencies, 'local' | 'now'>, kind: NoticeKind) {
  await deps.local.set({ [LOCAL_KEYS.notice]: { v: 1, kind, at: deps.now() } });
}

/** Everything of this device goes but its id, the backup and an import under way. */
export async function deleteEverything({ deps, device }: DataContext): Promise<void> {
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
 * Takes the backup of the data as it is, before a reset or a replacing import; refused
 * (nothing changes) when storage.local could not hold it beside the data.
 */
export async function takeFittingBackup({ deps, localQuotaBytes }: DataContext) {
  const backup = await takeBackup(deps, deps.now());
  if (!(await backupFits(deps.local, backup, localQuotaBytes))) return undefined;
  return backup;
}

/**
 * Puts a kept backup back. A restore cut short (the worker stopped) is finished on the next
 * start, from the journal; the backup itself is never changed by it.
 */
export async function finishRestore(
  context: DataContext,
  backup: KeptBackup,
  notice: NoticeKind,
): Promise<void> {
  const { deps } = context;
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
  await tell(deps, notice);
  await deps.local.remove(LOCAL_KEYS.journal);
  if (months.length > 0) await scheduleFlush(deps);
}

/** The backup is kept (the journal says so): the rest can go, again if need be. */
export async function finishReset(context: DataContext, notice: NoticeKind): Promise<void> {
  await deleteEverything(context);
  await tell(context.deps, notice);
  await context.deps.local.remove(LOCAL_KEYS.journal);
}

/** Deletes this browser's data, behind a backup. */
export async function resetData(context: DataContext): Promise<void> {
  const { deps } = context;
  await (
    await context.writer
  ).serialize(async () => {
    const backup = await takeFittingBackup(context);
    if (!backup) throw new ProblemError('storage.noRoomForBackup');
    // With the journal that says it is taken: a start finishes the reset, not a new backup.
    await deps.local.set({
      [LOCAL_KEYS.backup]: backup,
      [LOCAL_KEYS.journal]: { v: 1, kind: 'reset' },
    });
    await finishReset(context, 'resetDone');
  });
  // Logs kept waiting for room in a full storage are stored in the room the reset made.
  await (await context.writer).retryWaiting();
  await context.engine.reconcile({ recompute: true });
}

/** Puts back the data as it was before the last reset or replacing import. */
export async function restoreBackup(context: DataContext): Promise<void> {
  const { deps } = context;
  await (
    await context.writer
  ).serialize(async () => {
    const backup = (await deps.local.get(LOCAL_KEYS.backup))[LOCAL_KEYS.backup];
    if (!isKeptBackup(backup)) throw new ProblemError('storage.noBackup');
    await deps.local.set({ [LOCAL_KEYS.journal]: { v: 1, kind: 'restore' } });
    await finishRestore(context, backup, 'restoreDone');
  });
  await context.engine.reconcile({ recompute: true });
}

/**
 * Saving and deleting weekly check-ins (lib/store/checkins.ts): this device's item in full, the
 * shared synced item without the note. A check-in with a body weight, for the newest week
 * checked in, updates the settings' body weight (the water goal follows it).
 */
import type { CheckIn } from '../model/checkin';
import type { DayKey } from '../model/days';
import type { Handlers } from '../messaging/protocol';
import {
  decodeSyncedCheckIns,
  encodeSyncedCheckIns,
  localCheckInsFormat,
  mergeCheckIns,
  syncedCheckInsFormat,
  withSyncedWeek,
  type SyncedWeek,
} from '../store/checkins';
import { CHECKINS_KEY, readVersioned, writeVersioned } from '../store/items';
import type { WorkerContext, WorkerDependencies } from './dependencies';
import { readSettings, saveSettings } from './shared-records';

type Areas = Pick<WorkerDependencies, 'local' | 'sync' | 'now'>;

interface CheckInSaved {
  checkIn: CheckIn;
  /** False when sync refused the change (it is kept on this device and sent with the next). */
  synced: boolean;
}

async function readOwn(local: Areas['local']): Promise<CheckIn[]> {
  const raw = (await local.get(CHECKINS_KEY))[CHECKINS_KEY];
  return readVersioned(localCheckInsFormat, raw).value.checkIns;
}

async function readSynced(sync: Areas['sync']): Promise<SyncedWeek[]> {
  const raw = (await sync.get(CHECKINS_KEY))[CHECKINS_KEY];
  return decodeSyncedCheckIns(readVersioned(syncedCheckInsFormat, raw).value);
}

/** Every check-in to show, from both items. */
export async function readCheckIns(areas: Pick<Areas, 'local' | 'sync'>): Promise<CheckIn[]> {
  const [own, synced] = await Promise.all([readOwn(areas.local), readSynced(areas.sync)]);
  return mergeCheckIns(own, synced);
}

/** Sync takes the week; a refusal (its quota) leaves the check-in on this device alone. */
async function syncWeek(deps: Areas, week: SyncedWeek, own: readonly CheckIn[]): Promise<boolean> {
  // This device's weeks go along, so one a refused write left out is sent with the next.
  let weeks = await readSynced(deps.sync);
  for (const checkIn of mergeCheckIns(own, weeks)) weeks = withSyncedWeek(weeks, checkIn);
  const item = encodeSyncedCheckIns(withSyncedWeek(weeks, week));
  try {
    await deps.sync.set({ [CHECKINS_KEY]: writeVersioned(syncedCheckInsFormat, item) });
    return true;
  } catch {
    return false;
  }
}

export async function saveCheckIn(deps: Areas, given: CheckIn): Promise<CheckInSaved> {
  const checkIn: CheckIn = { ...given, updatedAt: deps.now() };
  const own = [...(await readOwn(deps.local)).filter(({ week }) => week !== checkIn.week), checkIn];
  await deps.local.set({
    [CHECKINS_KEY]: writeVersioned(localCheckInsFormat, { checkIns: own }),
  });
  const synced = await syncWeek(deps, checkIn, own);
  if (checkIn.weightKg !== undefined) await updateBodyWeight(deps, checkIn);
  return { checkIn, synced };
}

async function updateBodyWeight(deps: Areas, checkIn: CheckIn): Promise<void> {
  const newest = (await readCheckIns(deps)).filter(({ weightKg }) => weightKg !== undefined).at(-1);
  if (newest?.week !== checkIn.week) return;
  const settings = await readSettings(deps.sync);
  if (settings.bodyWeightKg === checkIn.weightKg) return;
  await saveSettings(deps, { ...settings, bodyWeightKg: checkIn.weightKg });
}

export async function deleteCheckIn(deps: Areas, week: DayKey): Promise<{ synced: boolean }> {
  const own = (await readOwn(deps.local)).filter((checkIn) => checkIn.week !== week);
  await deps.local.set({
    [CHECKINS_KEY]: writeVersioned(localCheckInsFormat, { checkIns: own }),
  });
  return { synced: await syncWeek(deps, { week, updatedAt: deps.now(), deleted: true }, own) };
}

/**
 * A file's check-ins, as they were saved (their times kept): in place of this device's and the
 * synced ones (`replace`), or each week's newer one (`add`).
 */
export async function importCheckIns(
  deps: Areas,
  checkIns: readonly CheckIn[],
  mode: 'add' | 'replace',
): Promise<{ imported: number }> {
  const here = mode === 'replace' ? [] : await readCheckIns(deps);
  const kept = mergeCheckIns(here, checkIns);
  await deps.local.set({
    [CHECKINS_KEY]: writeVersioned(localCheckInsFormat, { checkIns: kept }),
  });
  const synced = mode === 'replace' ? [] : await readSynced(deps.sync);
  const weeks = kept.reduce(withSyncedWeek, synced);
  try {
    await deps.sync.set({
      [CHECKINS_KEY]: writeVersioned(syncedCheckInsFormat, encodeSyncedCheckIns(weeks)),
    });
  } catch {
    // Sync refused (its quota): the check-ins are here, and go with the next save.
  }
  return { imported: checkIns.length };
}

/** Check-in changes, queued behind the writer's like every change to settings. */
export function checkInHandlers({
  deps,
  writer,
}: WorkerContext): Pick<Handlers, 'saveCheckIn' | 'deleteCheckIn' | 'importCheckIns'> {
  return {
    importCheckIns: async ({ checkIns, mode }) =>
      (await writer).serialize(() => importCheckIns(deps, checkIns, mode)),
    saveCheckIn: async ({ checkIn }) => (await writer).serialize(() => saveCheckIn(deps, checkIn)),
    deleteCheckIn: async ({ week }) => (await writer).serialize(() => deleteCheckIn(deps, week)),
  };
}

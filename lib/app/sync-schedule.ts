/**
 * When this device's changes go to sync: an alarm a little after a change, so a burst of logging
 * is one write, and the flush itself, queued behind the writer's changes.
 */
import { localDayKey } from '../model/days';
import { effectiveGoals } from '../model/settings';
import { LOCAL_KEYS, readVersioned, syncStateFormat, type KeyValueArea } from '../store/items';
import { flushSync, type FlushResult } from '../sync/flush';
import type { WorkerContext, WorkerDependencies } from './dependencies';
import { readSettings } from './shared-records';

export const SYNC_ALARM = 'sync:flush';
/** Changes wait this long before going to sync, so a burst of logging is one write. */
export const SYNC_DELAY_MS = 30_000;

/** A flush soon, unless one is already waiting. */
export async function scheduleFlush({
  alarms,
  now,
}: Pick<WorkerDependencies, 'alarms' | 'now'>): Promise<void> {
  if (await alarms.get(SYNC_ALARM)) return;
  await alarms.create(SYNC_ALARM, { when: now() + SYNC_DELAY_MS });
}

export async function hasChangesWaiting(local: KeyValueArea): Promise<boolean> {
  const raw = (await local.get(LOCAL_KEYS.syncState))[LOCAL_KEYS.syncState];
  return readVersioned(syncStateFormat, raw).value.dirtyMonths.length > 0;
}

export async function flush({ deps, device, writer }: WorkerContext): Promise<FlushResult> {
  const [id, queue] = await Promise.all([device, writer]);
  return queue.serialize(async () => {
    const settings = await readSettings(deps.sync);
    const now = deps.now();
    return flushSync({
      local: deps.local,
      sync: deps.sync,
      device: id,
      now,
      today: localDayKey(now, settings.startOfDayHour),
      goalMl: effectiveGoals(settings).waterMl,
    });
  });
}

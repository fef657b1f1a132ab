/** This browser's identity among the user's devices: an id made once and kept in storage.local. */
import { deviceFormat, LOCAL_KEYS, readVersioned, writeVersioned } from '../store/items';
import type { WorkerDependencies } from './dependencies';

/** Reads this browser's device id, creating it the first time. */
export async function ensureDevice({
  local,
  randomId,
  now,
}: Pick<WorkerDependencies, 'local' | 'randomId' | 'now'>): Promise<string> {
  const raw = (await local.get(LOCAL_KEYS.device))[LOCAL_KEYS.device];
  const read = readVersioned(deviceFormat, raw);
  if (read.status === 'ok' || read.status === 'migrated') return read.value.id;
  const device = { id: randomId(), createdAt: now() };
  await local.set({ [LOCAL_KEYS.device]: writeVersioned(deviceFormat, device) });
  return device.id;
}

/**
 * The background worker's behaviour, with every browser API passed in: the entrypoint only
 * creates this and registers its listeners. Nothing is kept in memory that is not also in
 * storage; a worker stopped at any moment starts again from storage.
 */
import { effectiveGoals, type Settings } from './settings';
import { localDayKey } from './days';
import type { Handlers } from './protocol';
import type { CustomExercise } from './catalogue';
import {
  customExercisesFormat,
  deviceFormat,
  LOCAL_KEYS,
  readVersioned,
  settingsFormat,
  SYNC_KEYS,
  syncStateFormat,
  writeVersioned,
  type KeyValueArea,
} from './storage';
import { flushSync, type FlushResult } from './syncer';
import { Writer } from './writer';

export const SYNC_ALARM = 'sync:flush';
/** Changes wait this long before going to sync, so a burst of logging is one write. */
export const SYNC_DELAY_MS = 30_000;

export interface AlarmsApi {
  get(name: string): Promise<{ name: string; scheduledTime: number } | undefined>;
  create(name: string, info: { when: number }): Promise<void> | void;
}

export interface WorkerDependencies {
  local: KeyValueArea;
  sync: KeyValueArea;
  alarms: AlarmsApi;
  now: () => number;
  version: string;
  randomId: () => string;
}

/** Reads this browser's device id, creating it the first time. */
async function ensureDevice(deps: WorkerDependencies): Promise<string> {
  const raw = (await deps.local.get(LOCAL_KEYS.device))[LOCAL_KEYS.device];
  const read = readVersioned(deviceFormat, raw);
  if (read.status === 'ok' || read.status === 'migrated') return read.value.id;
  const device = { id: deps.randomId(), createdAt: deps.now() };
  await deps.local.set({ [LOCAL_KEYS.device]: writeVersioned(deviceFormat, device) });
  return device.id;
}

async function readSettings(sync: KeyValueArea): Promise<Settings> {
  return readVersioned(settingsFormat, (await sync.get(SYNC_KEYS.settings))[SYNC_KEYS.settings])
    .value;
}

export function createWorker(deps: WorkerDependencies) {
  const startedAt = deps.now();
  const device = ensureDevice(deps);
  const writer = device.then(
    (id) =>
      new Writer({
        local: deps.local,
        device: id,
        now: deps.now,
        settings: () => readSettings(deps.sync),
        onChanged: () => void scheduleFlush(),
      }),
  );

  async function scheduleFlush(): Promise<void> {
    if (await deps.alarms.get(SYNC_ALARM)) return;
    await deps.alarms.create(SYNC_ALARM, { when: deps.now() + SYNC_DELAY_MS });
  }

  async function flush(): Promise<FlushResult> {
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

  /** Settings-like records are shared by all devices: the newest write of each wins. */
  async function saveCustomExercise(exercise: CustomExercise): Promise<CustomExercise[]> {
    const raw = (await deps.sync.get(SYNC_KEYS.custom))[SYNC_KEYS.custom];
    const read = readVersioned(customExercisesFormat, raw);
    if (read.status === 'newer' || read.status === 'invalid') {
      throw new Error('storage.customExercisesUnreadable');
    }
    const stamped = { ...exercise, updatedAt: deps.now() };
    const others = read.value.exercises.filter((existing) => existing.id !== exercise.id);
    const current = read.value.exercises.find((existing) => existing.id === exercise.id);
    const exercises =
      current && current.updatedAt > stamped.updatedAt
        ? read.value.exercises
        : [...others, stamped];
    await deps.sync.set({
      [SYNC_KEYS.custom]: writeVersioned(customExercisesFormat, { exercises }),
    });
    return exercises;
  }

  const handlers: Handlers = {
    getStatus: async () => ({ version: deps.version, startedAt, device: await device }),
    logEntries: async ({ entries }) => ({ entries: await (await writer).logEntries(entries) }),
    removeEntries: async ({ refs }) => ({ removed: await (await writer).removeEntries(refs) }),
    syncNow: () => flush(),
    saveSettings: async ({ settings }) =>
      (await writer).serialize(async () => {
        const saved = { ...settings, updatedAt: deps.now() };
        await deps.sync.set({ [SYNC_KEYS.settings]: writeVersioned(settingsFormat, saved) });
        return saved;
      }),
    saveCustomExercise: async ({ exercise }) =>
      (await writer).serialize(() => saveCustomExercise(exercise)),
  };

  return {
    handlers,
    writer,
    /** An alarm fired: flush to sync, and try again later if sync refused. */
    async onAlarm(alarm: { name: string }): Promise<void> {
      if (alarm.name !== SYNC_ALARM) return;
      try {
        await flush();
      } catch {
        // The error is in the sync state for the options page; the changes wait for next time.
        await scheduleFlush();
      }
    },
    /** On every start: changes left waiting by a stopped worker get their flush scheduled. */
    async resume(): Promise<void> {
      await device;
      const raw = (await deps.local.get(LOCAL_KEYS.syncState))[LOCAL_KEYS.syncState];
      if (readVersioned(syncStateFormat, raw).value.dirtyMonths.length > 0) await scheduleFlush();
    },
  };
}

import { describe, expect, it } from 'vitest';
import {
  createBackup,
  HEADROOM_BYTES,
  isDataKey,
  itemsBytes,
  serializeBackup,
} from '../../lib/store/backup';
import type { NewEntry } from '../../lib/model/entries';
import { readAllEntries } from '../../lib/app/overview';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { LOCAL_KEYS, type KeyValueArea } from '../../lib/store/items';
import { createWorker } from '../../lib/app/worker';
import { MemoryArea } from './quota-area';
import { fakeWorkerDependencies } from './worker-deps';

const NOW = Date.UTC(2026, 10, 24, 12);
const DAY_MS = 86_400_000;

/** A year of a few entries a day. */
function history(days: number): NewEntry[] {
  return Array.from({ length: days }, (_, index) => {
    const at = NOW - (days - index) * DAY_MS;
    return [
      { kind: 'water' as const, ml: 250, at },
      { kind: 'water' as const, ml: 500, at: at + 3_600_000 },
      {
        kind: 'set' as const,
        exercise: 'deadlift',
        reps: 8,
        weight: { amount: 60, unit: 'kg' as const },
        at: at + 7_200_000,
      },
      {
        kind: 'prompt' as const,
        prompt: 'posture' as const,
        outcome: 'done' as const,
        firedAt: at,
        at: at + 60_000,
      },
    ];
  }).flat();
}

function browserWith(local: KeyValueArea, sync = new MemoryArea(), localQuotaBytes?: number) {
  const worker = createWorker(fakeWorkerDependencies(() => NOW, { local, sync, localQuotaBytes }));
  return { worker, local, sync };
}

async function logAll(worker: ReturnType<typeof createWorker>, entries: NewEntry[]) {
  for (let start = 0; start < entries.length; start += 500)
    await worker.handlers.logEntries({ entries: entries.slice(start, start + 500) });
}

async function dataOf(local: KeyValueArea) {
  return Object.fromEntries(
    Object.entries(await local.get(null)).filter(([key]) => isDataKey(key)),
  );
}

describe('the backup kept before a reset', () => {
  it('is the stored buckets, far smaller than an export, and restores the data exactly', async () => {
    const { worker, local, sync } = browserWith(new MemoryArea());
    await logAll(worker, history(365));
    await worker.handlers.saveSettings({ settings: { ...DEFAULT_SETTINGS, cupsMl: [330] } });
    const before = await dataOf(local);
    const settings = await sync.get(null);
    const exportBytes = serializeBackup(
      createBackup(DEFAULT_SETTINGS, [], await readAllEntries(local), NOW),
    ).length;

    await worker.handlers.resetData({});
    expect(await dataOf(local)).toEqual({});
    const backupBytes = itemsBytes(await local.get(LOCAL_KEYS.backup));
    expect(backupBytes).toBeLessThan(exportBytes / 3);

    await worker.handlers.logEntries({ entries: [{ kind: 'water', ml: 100, at: NOW }] });
    await worker.handlers.restoreBackup({});
    expect(await dataOf(local)).toEqual(before);
    expect(await sync.get(['settings', 'custom'])).toEqual(settings);
    expect((await local.get(LOCAL_KEYS.journal))[LOCAL_KEYS.journal]).toBeUndefined();
  });

  it('is refused before anything changes when it would not fit in storage', async () => {
    const local = new MemoryArea();
    await logAll(browserWith(local).worker, history(60));
    // Room for the data and the headroom, not for a second copy of the data.
    const quota = local.bytesInUse() * 1.5 + HEADROOM_BYTES;
    const { worker } = browserWith(local, new MemoryArea(), quota);
    const before = await local.get(null);
    await expect(worker.handlers.resetData({})).rejects.toThrow('storage.noRoomForBackup');
    expect(await local.get(null)).toEqual(before);
  });

  it('a reset cut short by the worker stopping is finished on the next start, and said', async () => {
    const local = new MemoryArea();
    const sync = new MemoryArea();
    const first = browserWith(local, sync).worker;
    await logAll(first, history(30));
    const kept = await dataOf(local);
    // The worker stops right after the reset's first write (the backup and its journal).
    const stopping = Object.assign(Object.create(local) as MemoryArea, {
      remove: async () => {
        throw new Error('worker stopped');
      },
    });
    await expect(browserWith(stopping, sync).worker.handlers.resetData({})).rejects.toThrow(
      'worker stopped',
    );
    expect(await dataOf(local)).toEqual(kept);

    await browserWith(local, sync).worker.resume();
    expect(await dataOf(local)).toEqual({});
    expect((await local.get(LOCAL_KEYS.backup))[LOCAL_KEYS.backup]).toMatchObject({ local: kept });
    expect((await local.get(LOCAL_KEYS.journal))[LOCAL_KEYS.journal]).toBeUndefined();
    expect((await local.get(LOCAL_KEYS.notice))[LOCAL_KEYS.notice]).toMatchObject({
      kind: 'resetFinished',
    });
  });

  it('a restore cut short by the worker stopping is finished on the next start, and said', async () => {
    const local = new MemoryArea();
    const sync = new MemoryArea();
    const first = browserWith(local, sync).worker;
    await logAll(first, history(30));
    const kept = await dataOf(local);
    await first.handlers.resetData({});
    await first.handlers.logEntries({
      entries: [{ kind: 'water', ml: 100, at: NOW - 40 * DAY_MS }],
    });
    // The worker stops right after the restore's first write: nothing after it happens.
    const stopping = Object.assign(Object.create(local) as MemoryArea, {
      remove: async () => {
        throw new Error('worker stopped');
      },
    });
    const cut = browserWith(stopping, sync).worker;
    await expect(cut.handlers.restoreBackup({})).rejects.toThrow('worker stopped');
    expect((await local.get(LOCAL_KEYS.journal))[LOCAL_KEYS.journal]).toBeDefined();

    const next = browserWith(local, sync).worker;
    await next.resume();
    expect(await dataOf(local)).toEqual(kept);
    expect((await local.get(LOCAL_KEYS.journal))[LOCAL_KEYS.journal]).toBeUndefined();
    expect((await local.get(LOCAL_KEYS.notice))[LOCAL_KEYS.notice]).toMatchObject({
      kind: 'restoreFinished',
    });
  });

  it.each([2, 3, 4])(
    'an import cut short by the worker stopping at its write %i (backup, part, count, part) is run again on the next start, and said',
    async (stopAt) => {
      const source = new MemoryArea();
      await logAll(browserWith(source).worker, history(30));
      const entries = await readAllEntries(source);
      const local = new MemoryArea();
      const sync = new MemoryArea();
      const target = browserWith(local, sync).worker;
      await target.handlers.stageImport({ id: 'import1', part: 0, entries: entries.slice(0, 60) });
      await target.handlers.stageImport({ id: 'import1', part: 1, entries: entries.slice(60) });
      // The worker stops at the import's third write: after the backup, during the entries.
      let writes = 0;
      const stopping = Object.assign(Object.create(local) as MemoryArea, {
        set: async (items: Record<string, unknown>) => {
          if (++writes === stopAt) throw new Error('worker stopped');
          await local.set(items);
        },
      });
      const request = {
        id: 'import1',
        parts: 2,
        mode: 'replace' as const,
        settings: DEFAULT_SETTINGS,
        customExercises: [],
      };
      await expect(
        browserWith(stopping, sync).worker.handlers.commitImport(request),
      ).rejects.toThrow('worker stopped');
      expect((await readAllEntries(local)).length).toBeLessThan(entries.length);

      await browserWith(local, sync).worker.resume();
      await expect
        .poll(async () => (await local.get(LOCAL_KEYS.notice))[LOCAL_KEYS.notice])
        .toMatchObject({ kind: 'importFinished' });
      expect(await readAllEntries(local)).toEqual(entries);
      expect([...local.data.keys()].filter((key) => /^(staging\.|journal)/.test(key))).toEqual([]);
    },
  );
});

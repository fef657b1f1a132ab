import { describe, expect, it } from 'vitest';
import { readAllEntries } from '../../lib/app/overview';
import { createWorker } from '../../lib/app/worker';
import { MAX_IMPORT_BATCH } from '../../lib/messaging/protocol';
import type { Entry } from '../../lib/model/entries';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { entryId } from '../../lib/store/codec';
import {
  createBackup,
  HEADROOM_BYTES,
  LOCAL_QUOTA_BYTES,
  parseBackup,
  serializeBackup,
} from '../../lib/store/backup';
import { LOCAL_KEYS, STAGING_PREFIX, type KeyValueArea } from '../../lib/store/items';
import { MemoryArea, QuotaLocalArea } from './quota-area';
import { fakeWorkerDependencies } from './worker-deps';

const NOW = Date.UTC(2026, 10, 24, 12);
const HOUR_MS = 3_600_000;

/** An export's entries from another browser: water, sets and prompt answers, an hour apart. */
function fileEntries(count: number, device = 'devOld9'): Entry[] {
  return Array.from({ length: count }, (_, index): Entry => {
    const at = NOW - (count - index) * HOUR_MS;
    const common = {
      id: entryId(device, at),
      at,
      day: new Date(at).toISOString().slice(0, 10),
      device,
    };
    switch (index % 3) {
      case 0:
        return { ...common, kind: 'water', ml: 250 };
      case 1:
        return {
          ...common,
          kind: 'set',
          exercise: 'deadlift',
          reps: 8,
          weight: { amount: 60, unit: 'kg' },
        };
      default:
        return {
          ...common,
          kind: 'prompt',
          prompt: 'posture',
          outcome: 'done',
          firedAt: at - 60_000,
        };
    }
  });
}

function workerOn(local: KeyValueArea, now = () => NOW, localQuotaBytes?: number) {
  return createWorker(
    fakeWorkerDependencies(now, { local, sync: new MemoryArea(), localQuotaBytes }),
  );
}

async function stage(worker: ReturnType<typeof createWorker>, id: string, entries: Entry[]) {
  const parts = Math.ceil(entries.length / MAX_IMPORT_BATCH);
  for (let part = 0; part < parts; part++) {
    const start = part * MAX_IMPORT_BATCH;
    await worker.handlers.stageImport({
      id,
      part,
      entries: entries.slice(start, start + MAX_IMPORT_BATCH),
    });
  }
  return parts;
}

const commit = (id: string, parts: number, mode: 'add' | 'replace' = 'add') => ({
  id,
  parts,
  mode,
  settings: DEFAULT_SETTINGS,
  customExercises: [],
});

const stagedKeys = (local: MemoryArea) =>
  [...local.data.keys()].filter((key) => key.startsWith(STAGING_PREFIX));

describe('an import staged in parts', () => {
  it('keeps its parts as compact as the months they go into: a file too large for the quota as entries fits staged and imported', async () => {
    // A fifth of Chrome's quota and of a 100,000-entry file (the e2e test imports that one).
    const quota = LOCAL_QUOTA_BYTES / 5;
    const entries = fileEntries(20_000);
    // As entries (the form a page sends, and staging kept before), the file alone would not fit.
    expect(new TextEncoder().encode(JSON.stringify(entries)).length).toBeGreaterThan(quota);
    const local = new QuotaLocalArea(quota);
    const worker = workerOn(local, () => NOW, quota);
    const parts = await stage(worker, 'import1', entries);
    expect(local.bytesInUse()).toBeLessThan(quota / 2);

    expect(await worker.handlers.commitImport(commit('import1', parts))).toEqual({
      added: entries.length,
      skipped: [],
    });
    expect(await readAllEntries(local)).toEqual(entries);
    expect(stagedKeys(local)).toEqual([]);
    expect((await local.get(LOCAL_KEYS.journal))[LOCAL_KEYS.journal]).toBeUndefined();
  });

  it('an add that would not fit beside the data is refused before anything is written', async () => {
    const local = new MemoryArea();
    const worker = workerOn(local);
    await worker.handlers.logEntries({ entries: [{ kind: 'water', ml: 300, at: NOW }] });
    const before = await local.get(null);
    const parts = await stage(worker, 'import1', fileEntries(2_000));
    // Room for the staged file, not for the daily records it brings.
    const tight = workerOn(local, () => NOW, local.bytesInUse() + HEADROOM_BYTES);
    await expect(tight.handlers.commitImport(commit('import1', parts))).rejects.toThrow(
      'import.noRoom',
    );
    expect(await local.get(null)).toEqual(before);
  });

  it('parts a closed page left behind are let go on the next start, and the options told', async () => {
    const local = new MemoryArea();
    let now = NOW;
    const first = workerOn(local, () => now);
    await first.handlers.logEntries({ entries: [{ kind: 'water', ml: 300, at: NOW }] });
    const before = await readAllEntries(local);
    await first.handlers.stageImport({ id: 'import1', part: 0, entries: fileEntries(10) });
    expect(stagedKeys(local)).toHaveLength(1);

    now += 60_000;
    await workerOn(local, () => now).resume();
    expect(stagedKeys(local)).toEqual([]);
    expect(await readAllEntries(local)).toEqual(before);
    expect((await local.get(LOCAL_KEYS.notice))[LOCAL_KEYS.notice]).toMatchObject({
      kind: 'importDiscarded',
    });
  });

  it('a start keeps the parts staged since it began, and a new import lets go of older ones', async () => {
    const local = new MemoryArea();
    const worker = workerOn(local);
    await worker.handlers.stageImport({ id: 'import1', part: 0, entries: fileEntries(10) });
    await worker.resume();
    expect(stagedKeys(local)).toEqual(['staging.import1.0']);

    await worker.handlers.stageImport({ id: 'import2', part: 0, entries: fileEntries(10) });
    expect(stagedKeys(local)).toEqual(['staging.import2.0']);
  });

  it('leaves out the entries that cannot be taken, as the page’s preview does, and stores the rest', async () => {
    const good = fileEntries(MAX_IMPORT_BATCH + 10);
    const ahead = (days: number) => {
      const at = NOW + days * 86_400_000;
      return {
        ...good[0]!,
        id: entryId('devOld9', at),
        at,
        day: new Date(at).toISOString().slice(0, 10),
      };
    };
    const [set] = good.filter((entry) => entry.kind === 'set');
    const fileOf = [
      ...good,
      ahead(3652),
      ahead(3653),
      { ...good[1]!, day: '2026-01-01' },
      {
        ...set!,
        id: entryId('devOld9', NOW - 30 * 60_000),
        at: NOW - 30 * 60_000,
        exercise: 'zzzz',
      },
      good[3]!,
      { ...good[4]!, id: 'devOld9-zz' },
    ];
    const text = serializeBackup(createBackup(DEFAULT_SETTINGS, [], fileOf as never, NOW));
    const parsed = parseBackup(text, NOW);
    if (!parsed.ok) throw new Error(parsed.messageKey);
    expect(parsed.read.taken).toHaveLength(good.length);

    const local = new MemoryArea();
    const worker = workerOn(local);
    // The page sends what it can carry: the entries to take and those the worker leaves out.
    const parts = await stage(worker, 'import1', parsed.backup.entries);
    expect(parts).toBe(2);
    const reply = await worker.handlers.commitImport(commit('import1', parts));
    const notCarried = parsed.read.skipped.filter(
      ({ reason }) => reason === 'import.entryIdMismatch',
    );
    expect(notCarried).toEqual([{ reason: 'import.entryIdMismatch', count: 1 }]);
    expect(
      [...notCarried, ...reply.skipped].sort((a, b) => (a.reason < b.reason ? -1 : 1)),
    ).toEqual([...parsed.read.skipped].sort((a, b) => (a.reason < b.reason ? -1 : 1)));
    expect(reply.added).toBe(good.length);
    const stored = await readAllEntries(local);
    expect(stored.map((entry) => entry.id).sort()).toEqual(good.map((entry) => entry.id).sort());
    expect(stored.some((entry) => entry.at > NOW)).toBe(false);
  });

  it('never trusts the page: a future entry sent alone is left out, and said', async () => {
    const local = new MemoryArea();
    const worker = workerOn(local);
    const at = NOW + 3652 * 86_400_000;
    const [entry] = fileEntries(1);
    await worker.handlers.stageImport({
      id: 'import1',
      part: 0,
      entries: [
        { ...entry!, id: entryId('devOld9', at), at, day: new Date(at).toISOString().slice(0, 10) },
      ],
    });
    expect(await worker.handlers.commitImport(commit('import1', 1))).toEqual({
      added: 0,
      skipped: [{ reason: 'invalid.future', count: 1, latestAt: at }],
    });
    expect(await readAllEntries(local)).toEqual([]);
    expect(stagedKeys(local)).toEqual([]);
  });
});

/** The import, reset and restore steps by name, each on its own, as a start after a stop runs them. */
import { describe, expect, it, vi } from 'vitest';
import { readAllEntries } from '../../lib/app/overview';
import {
  checkImport,
  dropAbandoned,
  runImport,
  stageImport,
  type ImportJournal,
} from '../../lib/app/data-import';
import { deleteEverything, finishRestore, type DataContext } from '../../lib/app/data-reset';
import type { Entry } from '../../lib/model/entries';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { LOCAL_QUOTA_BYTES, takeBackup } from '../../lib/store/backup';
import { entryId } from '../../lib/store/codec';
import { LOCAL_KEYS, STAGING_PREFIX } from '../../lib/store/items';
import { Writer } from '../../lib/store/writer';
import { MemoryArea } from './quota-area';
import { fakeWorkerDependencies } from './worker-deps';

const NOW = Date.UTC(2026, 10, 24, 12);

function contextOn(local = new MemoryArea(), sync = new MemoryArea()): DataContext {
  const deps = fakeWorkerDependencies(() => NOW, { local, sync });
  const writer = new Writer({
    local,
    device: 'devA1',
    now: () => NOW,
    settings: async () => DEFAULT_SETTINGS,
    onChanged: () => {},
  });
  return {
    deps,
    device: Promise.resolve('devA1'),
    writer: Promise.resolve(writer),
    engine: { reconcile: vi.fn(async () => {}) },
    localQuotaBytes: LOCAL_QUOTA_BYTES,
  };
}

/** Another browser's water, an hour apart. */
const fileEntries = (count: number, device = 'devOld9'): Entry[] =>
  Array.from({ length: count }, (_, index) => {
    const at = NOW - (count - index) * 3_600_000;
    const day = new Date(at).toISOString().slice(0, 10);
    return { id: entryId(device, at), at, day, device, kind: 'water', ml: 250 };
  });

const journalOf = (id: string, parts: number, mode: 'add' | 'replace' = 'add'): ImportJournal => ({
  v: 1,
  kind: 'import',
  step: 'checked',
  id,
  parts,
  mode,
  settings: DEFAULT_SETTINGS,
  customExercises: [],
});

const staged = (local: MemoryArea) =>
  [...local.data.keys()].filter((key) => key.startsWith(STAGING_PREFIX)).sort();

describe('the data use cases, step by step', () => {
  it('dropAbandoned lets go of other imports’ parts, never those kept or journalled', async () => {
    const context = contextOn();
    const local = context.deps.local as MemoryArea;
    for (const id of ['kept1', 'journalled', 'other1'])
      await stageImport(context, { id, part: 1, entries: fileEntries(2) });
    await local.set({ [LOCAL_KEYS.journal]: journalOf('journalled', 2) });
    // Staged at NOW: nothing was staged before NOW, so nothing goes.
    expect(await dropAbandoned(local, 'kept1', NOW)).toBe(false);
    expect(await dropAbandoned(local, 'kept1')).toBe(true);
    expect(staged(local)).toEqual(['staging.journalled.1', 'staging.kept1.1']);
  });

  it('checkImport counts the days and the largest part, and refuses a part missing', async () => {
    const context = contextOn();
    await stageImport(context, { id: 'file1', part: 0, entries: fileEntries(30) });
    const adds = await checkImport(context, journalOf('file1', 1));
    expect(adds.days).toBe(new Set(fileEntries(30).map((entry) => entry.day)).size);
    expect(adds.largestPartBytes).toBeGreaterThan(0);
    await expect(checkImport(context, journalOf('file1', 2))).rejects.toThrow('import.incomplete');
  });

  it('checkImport leaves out of the staged parts what it does not take, so a run from the journal stores the rest', async () => {
    const context = contextOn();
    const local = context.deps.local as MemoryArea;
    const entries = fileEntries(10);
    const ahead = NOW + 3652 * 86_400_000;
    const future = {
      ...entries[0]!,
      id: entryId('devOld9', ahead),
      at: ahead,
      day: new Date(ahead).toISOString().slice(0, 10),
    };
    await stageImport(context, { id: 'file1', part: 0, entries: [...entries, future] });
    const { skipped } = await checkImport(context, journalOf('file1', 1));
    expect(skipped).toEqual([{ reason: 'invalid.future', count: 1, latestAt: ahead }]);
    const journal = { ...journalOf('file1', 1), skipped };
    expect(await runImport(context, journal, 'importFinished')).toEqual({ added: 10, skipped });
    expect(await readAllEntries(local)).toEqual(entries);
  });

  it('runImport run again from its journal, after a stop, adds nothing twice', async () => {
    const context = contextOn();
    const local = context.deps.local as MemoryArea;
    const entries = fileEntries(40);
    await stageImport(context, { id: 'file1', part: 0, entries: entries.slice(0, 20) });
    await stageImport(context, { id: 'file1', part: 1, entries: entries.slice(20) });
    // Stopped after its first part was stored, before the journal said so.
    await (await context.writer).importEntries(entries.slice(0, 20));
    expect(await runImport(context, journalOf('file1', 2), 'importFinished')).toEqual({
      added: 20,
      skipped: [],
    });
    expect(await readAllEntries(local)).toEqual(entries);
    expect(staged(local)).toEqual([]);
    expect((await local.get(LOCAL_KEYS.notice))[LOCAL_KEYS.notice]).toMatchObject({
      kind: 'importFinished',
    });
  });

  it('finishRestore run twice leaves what one run leaves, and deleteEverything keeps the device', async () => {
    const context = contextOn();
    const local = context.deps.local as MemoryArea;
    await local.set({ [LOCAL_KEYS.device]: { v: 1, id: 'devA1', createdAt: 0 } });
    await (await context.writer).importEntries(fileEntries(10, 'devA1'));
    const backup = await takeBackup(context.deps, NOW);
    await deleteEverything(context);
    expect([...local.data.keys()]).toEqual([LOCAL_KEYS.device]);
    await finishRestore(context, backup, 'restoreDone');
    const once = await local.get(null);
    await finishRestore(context, backup, 'restoreDone');
    expect(await local.get(null)).toEqual(once);
    expect(await readAllEntries(local)).toEqual(fileEntries(10, 'devA1'));
  });
});

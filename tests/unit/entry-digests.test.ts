import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KEPT_DIGEST_MONTHS } from '../../lib/app/entry-digests';
import { createWorker } from '../../lib/app/worker';
import type { NewEntry } from '../../lib/model/entries';
import { digestEntries } from '../../lib/stats/progress';
import { createDispatcher } from '../../lib/messaging/protocol';
import { type KeyValueArea } from '../../lib/store/items';
import { monthOfBucketKey } from '../../lib/store/buckets';
import { handlersWith } from './handlers';
import { fakeWorkerDependencies } from './worker-deps';

const NOW = new Date(2026, 10, 24, 12).getTime();
const at = (month: number, day = 10) => new Date(2026, month, day, 12).getTime();
const row = (kg: number, when = NOW): NewEntry => ({
  kind: 'set',
  exercise: 'bentOverRow',
  reps: 5,
  weight: { amount: kg, unit: 'kg' },
  at: when,
});

/** The worker over fakeBrowser's local storage, with each read of it counted by its keys. */
function watchedWorker() {
  const local = fakeBrowser.storage.local as unknown as KeyValueArea;
  const reads: string[][] = [];
  const watched: KeyValueArea = {
    get: (keys) => {
      reads.push([keys ?? []].flat());
      return local.get(keys);
    },
    set: (items) => local.set(items),
    remove: (keys) => local.remove(keys),
  };
  const worker = createWorker(fakeWorkerDependencies(() => NOW, { local: watched }));
  const monthsRead = () => reads.flat().filter((key) => monthOfBucketKey(key)).length;
  return { worker, local, monthsRead };
}

/** Months with a digest that holds anything, oldest first. */
function monthsIn(digests: Record<string, ReturnType<typeof digestEntries>>) {
  return [
    ...new Set(
      Object.entries(digests)
        .filter(([, digest]) => Object.keys(digest.weightedSets).length + digest.nudges.length)
        .map(([key]) => monthOfBucketKey(key)),
    ),
  ].sort();
}

describe('the entry digests the progress page draws', () => {
  it('are of the months asked for, and only those', async () => {
    const { handlers } = createWorker(fakeWorkerDependencies(() => NOW));
    await handlers.logEntries({ entries: [0, 5, 10].map((month) => row(50, at(month))) });
    expect(monthsIn(await handlers.entryDigests({ from: '' }))).toEqual([
      '2026-01',
      '2026-06',
      '2026-11',
    ]);
    expect(monthsIn(await handlers.entryDigests({ from: '2026-06' }))).toEqual([
      '2026-06',
      '2026-11',
    ]);
    expect(monthsIn(await handlers.entryDigests({ from: '', until: '2026-06' }))).toEqual([
      '2026-01',
    ]);
  });

  it('digest the sets and prompts of each item, as the page would from the entries', async () => {
    const { handlers } = createWorker(fakeWorkerDependencies(() => NOW));
    const { entries } = await handlers.logEntries({
      entries: [
        { kind: 'water', ml: 250, at: NOW },
        row(60, NOW + 1),
        { kind: 'prompt', prompt: 'posture', outcome: 'done', firedAt: NOW, at: NOW + 2 },
      ],
    });
    const digests = Object.values(await handlers.entryDigests({ from: '' }));
    const shown = digestEntries(entries.filter((entry) => entry.kind !== 'water'));
    expect(digests).toContainEqual(shown);
    expect(shown.weightedSets).toEqual({ bentOverRow: 1 });
    expect(shown.nudges).toHaveLength(1);
  });

  it('are kept: a page opening again reads no month, and a log digests again what it wrote', async () => {
    const { worker, monthsRead } = watchedWorker();
    await worker.handlers.logEntries({ entries: [row(50, at(9)), row(50)] });
    await worker.handlers.entryDigests({ from: '' });
    const first = monthsRead();
    expect(first).toBeGreaterThan(0);
    await worker.handlers.entryDigests({ from: '' });
    expect(monthsRead()).toBe(first);

    await worker.handlers.logEntries({ entries: [row(70, NOW + 60_000)] });
    const digests = await worker.handlers.entryDigests({ from: '' });
    expect(Object.values(digests).flatMap((digest) => digest.strength.bentOverRow ?? [])).toEqual(
      expect.arrayContaining([expect.objectContaining({ day: '2026-11-24', topSetKg: 70 })]),
    );
  });

  it('are kept for the months read last only: older ones are read again, recent ones not', async () => {
    const { worker, monthsRead } = watchedWorker();
    const months = KEPT_DIGEST_MONTHS + 6;
    await worker.handlers.logEntries({
      entries: Array.from({ length: months }, (_, back) => row(50, at(10 - back))),
    });
    await worker.handlers.entryDigests({ from: '' });
    const all = monthsRead();
    // The page's year view, as it opens again: nothing is read.
    await worker.handlers.entryDigests({ from: '2025-12' });
    expect(monthsRead()).toBe(all);
    // All years again: the six oldest months were let go, and are read again (both items).
    expect(monthsIn(await worker.handlers.entryDigests({ from: '' }))).toHaveLength(months);
    expect(monthsRead() - all).toBe(6 * 2);
  });

  it('are dropped when another context writes an item, as storage.onChanged reports it', async () => {
    const { worker, local } = watchedWorker();
    await worker.handlers.logEntries({ entries: [row(50)] });
    await worker.handlers.entryDigests({ from: '' });
    // Everything cleared elsewhere (the tests' clean slate does this): no sets are left.
    const keys = Object.keys(await local.get(null)).filter((key) => monthOfBucketKey(key));
    await local.remove(keys);
    await worker.onLocalChanged(Object.fromEntries(keys.map((key) => [key, {}])));
    expect(monthsIn(await worker.handlers.entryDigests({ from: '' }))).toEqual([]);
  });

  it('read while an item is written are answered but not kept', async () => {
    const local = fakeBrowser.storage.local as unknown as KeyValueArea;
    let holdMonths: Promise<void> | undefined;
    const held: KeyValueArea = {
      get: async (keys) => {
        const read = await local.get(keys);
        if ([keys].flat().some((key) => key && monthOfBucketKey(key))) await holdMonths;
        return read;
      },
      set: (items) => local.set(items),
      remove: (keys) => local.remove(keys),
    };
    const worker = createWorker(fakeWorkerDependencies(() => NOW, { local: held }));
    await worker.handlers.logEntries({ entries: [row(50)] });
    let release!: () => void;
    holdMonths = new Promise((resolve) => (release = resolve));
    const reading = worker.handlers.entryDigests({ from: '' });
    // The read has what the month held before; the log lands meanwhile.
    await vi.waitFor(() => expect(holdMonths).toBeDefined());
    const logging = worker.handlers.logEntries({ entries: [row(90, NOW + 60_000)] });
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    holdMonths = undefined;
    await Promise.all([reading, logging]);
    const digests = await worker.handlers.entryDigests({ from: '' });
    const tops = Object.values(digests).flatMap((digest) =>
      (digest.strength.bentOverRow ?? []).map((point) => point.topSetKg),
    );
    expect(Math.max(...tops)).toBe(90);
  });

  it('are asked for by months only: anything else is refused and reads nothing', async () => {
    const entryDigests = vi.fn();
    const dispatch = createDispatcher(handlersWith({ entryDigests }));
    for (const data of [
      { from: '2026-1' },
      { from: '../x' },
      { from: '', until: '' },
      { from: '', until: '2026-11-01' },
      { from: '', extra: 1 },
      {},
    ])
      expect(await dispatch({ type: 'entryDigests', data })).toMatchObject({ ok: false });
    expect(entryDigests).not.toHaveBeenCalled();
  });
});

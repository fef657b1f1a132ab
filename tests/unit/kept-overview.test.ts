import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KeptOverview } from '../../lib/app/kept-overview';
import { OverviewSource, type StorageChanges } from '../../lib/app/overview';
import { createWorker } from '../../lib/app/worker';
import type { KeyValueArea } from '../../lib/store/items';
import { fakeWorkerDependencies } from './worker-deps';

const NOW = new Date(2026, 10, 24, 12).getTime();
const areas = () => ({
  local: fakeBrowser.storage.local as unknown as KeyValueArea,
  sync: fakeBrowser.storage.sync as unknown as KeyValueArea,
});

describe('the worker’s kept view of today', () => {
  beforeEach(() => fakeBrowser.reset());

  it('follows every log from the change it carries, reading nothing again', async () => {
    const { handlers } = createWorker(fakeWorkerDependencies(() => NOW));
    const today = new KeptOverview(areas());
    fakeBrowser.storage.onChanged.addListener((changes, area) => today.onChanged(changes, area));
    await handlers.logEntries({ entries: [{ kind: 'water', ml: 500, at: NOW }] });
    expect((await today.overview(NOW)).todayTotals.waterMl).toBe(500);
    const localGet = vi.spyOn(fakeBrowser.storage.local, 'get');
    const syncGet = vi.spyOn(fakeBrowser.storage.sync, 'get');
    await handlers.logEntries({ entries: [{ kind: 'water', ml: 250, at: NOW + 1000 }] });
    localGet.mockClear();
    syncGet.mockClear();
    expect((await today.overview(NOW)).todayTotals.waterMl).toBe(750);
    expect(localGet).not.toHaveBeenCalled();
    expect(syncGet).not.toHaveBeenCalled();
  });

  it('reads again when a change arrives during its read, and on a new month', async () => {
    const { handlers } = createWorker(fakeWorkerDependencies(() => NOW));
    await handlers.logEntries({ entries: [{ kind: 'water', ml: 500, at: NOW }] });
    // The first read sees storage as it was before the next log, and ends after it.
    const before = await fakeBrowser.storage.local.get(null);
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    // A read is two calls: both of the first read answer from before.
    let calls = 0;
    const local: KeyValueArea = {
      ...areas().local,
      get: async (keys) => {
        if (++calls > 2) return fakeBrowser.storage.local.get(keys as string[]);
        await released;
        return Object.fromEntries([keys].flat().map((key) => [key, before[key as string]]));
      },
    };
    const today = new KeptOverview({ ...areas(), local });
    fakeBrowser.storage.onChanged.addListener((changes, area) => today.onChanged(changes, area));
    const reading = today.overview(NOW);
    await handlers.logEntries({ entries: [{ kind: 'water', ml: 250, at: NOW + 1000 }] });
    release();
    expect((await reading).todayTotals.waterMl).toBe(750);
    const localGet = vi.spyOn(local, 'get');
    const nextMonth = new Date(2026, 11, 2, 12).getTime();
    expect((await today.overview(nextMonth)).today).toBe('2026-12-02');
    expect(localGet).toHaveBeenCalled();
  });
});

describe('a burst of water logs', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks the nudge engine a few times whether a reminder is answered, not once a log', async () => {
    const worker = createWorker(fakeWorkerDependencies(() => NOW));
    const asked = vi.spyOn(worker.engine, 'waterLogged');
    const logs = Array.from({ length: 50 }, (_, index) =>
      worker.handlers.logEntries({ entries: [{ kind: 'water', ml: 100, at: NOW + index }] }),
    );
    expect(await Promise.all(logs)).toHaveLength(50);
    expect(asked.mock.calls.length).toBeGreaterThan(0);
    expect(asked.mock.calls.length).toBeLessThanOrEqual(3);
  });
});

describe('a page’s overview after a change', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps unchanged entries and custom exercises as the same objects, so lists draw only what changed', async () => {
    const { handlers } = createWorker(fakeWorkerDependencies(() => NOW));
    await handlers.logEntries({ entries: [{ kind: 'water', ml: 500, at: NOW }] });
    const source = new OverviewSource(areas());
    await source.load(NOW);
    const before = source.overview(NOW)!;
    const changes: StorageChanges = {};
    fakeBrowser.storage.onChanged.addListener((changed, area) => {
      if (area === 'local') Object.assign(changes, changed);
    });
    await handlers.logEntries({ entries: [{ kind: 'water', ml: 250, at: NOW + 1000 }] });
    source.apply(changes, 'local');
    const after = source.overview(NOW)!;
    expect(after.recentEntries).toHaveLength(2);
    expect(after.recentEntries[0]).toBe(before.recentEntries[0]);
    expect(after.customExercises).toBe(before.customExercises);
    expect(after.settings).toBe(before.settings);
  });
});

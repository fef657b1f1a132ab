import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OverviewSource, readOverview, type StorageChanges } from '../../lib/app/overview';
import { HABIT_KINDS } from '../../lib/model/habits';
import { DEFAULT_SETTINGS, effectiveGoals } from '../../lib/model/settings';
import type { KeyValueArea } from '../../lib/store/items';
import { emptyDeviceDay } from '../../lib/stats/summary';
import { ownItems } from '../../lib/sync/plan';
import { createWorker } from '../../lib/app/worker';
import { fakeWorkerDependencies } from './worker-deps';

const NOW = new Date(2026, 10, 24, 12).getTime();
const areas = () => ({
  local: fakeBrowser.storage.local as unknown as KeyValueArea,
  sync: fakeBrowser.storage.sync as unknown as KeyValueArea,
});

const worker = () => createWorker(fakeWorkerDependencies(() => NOW));

describe('the overview pages show', () => {
  it('is empty but complete before anything was logged', async () => {
    const overview = await readOverview(areas(), NOW);
    expect(overview).toMatchObject({
      today: '2026-11-24',
      devices: 1,
      foreign: [],
      settings: DEFAULT_SETTINGS,
    });
    expect(overview.todayTotals.waterMl).toBe(0);
    // A report of every habit the default goals keep, in the kinds' order.
    const goals = effectiveGoals(DEFAULT_SETTINGS);
    expect(overview.reports.map((report) => report.habit)).toEqual(
      HABIT_KINDS.filter((kind) => goals[kind.goal] > 0).map((kind) => kind.id),
    );
  });

  it('adds this device’s fresh local days to every other device’s synced days', async () => {
    const { handlers } = worker();
    await handlers.logEntries({ entries: [{ kind: 'water', ml: 500, at: NOW }] });
    const theirs = ownItems(
      'devB2xyz',
      new Map([['2026-11-24', { ...emptyDeviceDay(1), waterMl: 250, posture: 2 }]]),
      {
        today: '2026-11-24',
        first: '2026-11-24',
        rev: 1,
        goalMl: 2000,
        level: { fullMonths: 2, years: 9 },
      },
    );
    await fakeBrowser.storage.sync.set({ ...theirs, settings: { v: 99, future: true } });
    const overview = await readOverview(areas(), NOW);
    expect(overview.device).toBe('devA1xyz');
    expect(overview.devices).toBe(2);
    expect(overview.todayTotals).toMatchObject({ waterMl: 750, posture: 2 });
    expect(overview.foreign).toEqual([{ key: 'settings', reason: 'newerVersion' }]);
    expect(overview.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('raises the water goal on a workout day when it comes from body weight', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { v: 1, ...DEFAULT_SETTINGS, bodyWeightKg: 70 },
    });
    const { handlers } = worker();
    expect((await readOverview(areas(), NOW)).goals.waterMl).toBe(2300);
    await handlers.logEntries({
      entries: [{ kind: 'cardio', exercise: 'walk', seconds: 600, at: NOW }],
    });
    expect((await readOverview(areas(), NOW)).goals.waterMl).toBe(2800);
  });

  it('follows storage changes from the values they carry, reading nothing again', async () => {
    const { handlers } = worker();
    await handlers.logEntries({ entries: [{ kind: 'water', ml: 500, at: NOW }] });
    const source = new OverviewSource(areas());
    await source.load(NOW);
    const changes: StorageChanges = {};
    const listener = (changed: StorageChanges, area: string) => {
      if (area === 'local') Object.assign(changes, changed);
    };
    fakeBrowser.storage.onChanged.addListener(listener);
    await handlers.logEntries({ entries: [{ kind: 'water', ml: 250, at: NOW + 1000 }] });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const sync = vi.spyOn(fakeBrowser.storage.sync, 'get');
    expect(source.concerns(changes, 'local')).toBe(true);
    expect(source.concerns({ nudgeState: {} }, 'local')).toBe(false);
    source.apply(changes, 'local');
    const overview = source.overview(NOW)!;
    expect(overview.todayTotals.waterMl).toBe(750);
    expect(overview.recentEntries.map((entry) => entry.kind === 'water' && entry.ml)).toEqual([
      500, 250,
    ]);
    expect(get).not.toHaveBeenCalled();
    expect(sync).not.toHaveBeenCalled();
    // A new month: the source must be read again.
    expect(source.overview(new Date(2027, 0, 10).getTime())).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import {
  LOCAL_KEYS,
  readVersioned,
  syncStateFormat,
  type KeyValueArea,
} from '../../lib/store/items';
import { dayTotals, emptyDeviceDay } from '../../lib/stats/summary';
import { encodeCoarseYear } from '../../lib/store/day-codec';
import { readSyncItems, SYNC_BUDGET_BYTES } from '../../lib/sync/plan';
import { flushSync, isQuotaError } from '../../lib/sync/flush';
import { Writer } from '../../lib/store/writer';
import { hostileItems } from './foreign-sync-items';
import { QuotaSyncArea } from './quota-area';

const NOW = Date.UTC(2026, 10, 24, 12);
const TODAY = '2026-11-24';
const local = () => fakeBrowser.storage.local as unknown as KeyValueArea;

function setup(device = 'devA1') {
  let now = NOW;
  const sync = new QuotaSyncArea(() => now);
  const writer = new Writer({
    local: local(),
    device,
    now: () => now,
    settings: async () => DEFAULT_SETTINGS,
    onChanged: () => {},
  });
  const flush = () => flushSync({ local: local(), sync, device, now, today: TODAY, goalMl: 2000 });
  return { sync, writer, flush, advance: (ms: number) => (now += ms) };
}

async function syncState() {
  return readVersioned(syncStateFormat, (await local().get(LOCAL_KEYS.syncState)).syncState).value;
}

describe('flushing to sync', () => {
  it('succeeds beside items another device left damaged or implausible', async () => {
    const { sync, writer, flush } = setup();
    await sync.set(hostileItems());
    await writer.logEntries([{ kind: 'water', ml: 750, at: NOW, day: TODAY }]);
    expect((await flush()).written).toBe(2);
    const view = readSyncItems(await sync.get(null));
    expect(dayTotals(view.history[TODAY]!).waterMl).toBe(750);
    expect(view.foreign).toHaveLength(Object.keys(hostileItems()).length);
  });

  it('puts this device’s days in sync and clears what was waiting', async () => {
    const { sync, writer, flush } = setup();
    await writer.logEntries([{ kind: 'water', ml: 750, at: NOW, day: TODAY }]);
    const result = await flush();
    expect(result.written).toBe(2); // dev.devA1 and the month
    const view = readSyncItems(await sync.get(null));
    expect(dayTotals(view.history[TODAY]!).waterMl).toBe(750);
    expect(await syncState()).toMatchObject({
      dirtyMonths: [],
      flushes: 1,
      lastFlushAt: NOW,
      quotaErrors: 0,
    });
  });

  it('writes nothing when nothing changed', async () => {
    const { sync, writer, flush } = setup();
    await writer.logEntries([{ kind: 'water', ml: 750, at: NOW, day: TODAY }]);
    await flush();
    const writes = sync.writeTimes.length;
    expect((await flush()).written).toBe(0);
    expect(sync.writeTimes.length).toBe(writes);
  });

  it('never writes another device’s keys', async () => {
    const { sync, writer, flush } = setup();
    const theirs = {
      'dev.devB2': { v: 1, seen: TODAY, first: TODAY },
      'm.devB2.2026-11': { v: 1, t: 5, d: '24:1' },
    };
    await sync.set(theirs);
    await writer.logEntries([{ kind: 'water', ml: 750, at: NOW, day: TODAY }]);
    await flush();
    const all = await sync.get(null);
    expect(all['m.devB2.2026-11']).toEqual(theirs['m.devB2.2026-11']);
  });

  it('catches a quota error, steps down and tries again; the local history stays whole', async () => {
    const { sync, writer, flush } = setup();
    await writer.logEntries(
      Array.from({ length: 400 }, (_, index) => ({
        kind: 'water' as const,
        ml: 250,
        at: NOW - index * 86_400_000,
        day: undefined,
      })),
    );
    // Another device fills sync between our read and our write, once, leaving room for little
    // more than the coarse days of this year (as many characters as 400 of them take).
    const charsADay = encodeCoarseYear(
      2026,
      new Map([['2026-01-01', { ...emptyDeviceDay(1), rest: 'rest' as const }]]),
      2000,
    ).length;
    const filler = 'A'.repeat(Math.floor((SYNC_BUDGET_BYTES - 400 * charsADay) / 10) - 40);
    const realSet = sync.set.bind(sync);
    let filled = false;
    sync.set = async (items) => {
      if (!filled) {
        filled = true;
        await realSet({ 'y.devB2.2025': { v: 1, t: 1, g: 2000, s: filler } });
        for (let index = 0; index < 9; index++)
          await realSet({ [`y.devB${index}x.2024`]: { v: 1, t: 1, g: 2000, s: filler } });
        throw new Error('Resource::kQuotaBytes quota exceeded');
      }
      return realSet(items);
    };
    const result = await flush();
    expect(result.quotaErrors).toBe(1);
    expect(result.level).toBeGreaterThan(0);
    expect(sync.bytesInUse()).toBeLessThanOrEqual(102_400);
    expect(await syncState()).toMatchObject({ quotaErrors: 1, dirtyMonths: [] });
    const months = await local().get(null);
    expect(Object.keys(months).filter((key) => key.startsWith('entries.')).length).toBeGreaterThan(
      12,
    );
  });

  it('keeps months waiting and records the error when sync refuses for another reason', async () => {
    const { sync, writer, flush } = setup();
    await writer.logEntries([{ kind: 'water', ml: 750, at: NOW, day: TODAY }]);
    sync.set = async () => {
      throw new Error('sync is switched off');
    };
    await expect(flush()).rejects.toThrow('sync is switched off');
    await expect(syncState()).resolves.toMatchObject({ dirtyMonths: ['2026-11'] });
  });

  it('tells quota errors from other errors', () => {
    expect(isQuotaError(new Error('Resource::kQuotaBytesPerItem quota exceeded'))).toBe(true);
    expect(isQuotaError('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded')).toBe(true);
    expect(isQuotaError(new Error('offline'))).toBe(false);
  });
});

import { addDays, localDayKey } from '../../lib/model/days';
import { emptyDeviceDay } from '../../lib/stats/summary';
import { ownItems } from '../../lib/sync/plan';
import { HOSTILE_SYNC_ITEMS, hostileItems } from '../unit/foreign-sync-items';
import { expect, test } from './fixtures';
import { storageArea, storedEntries } from './storage';
import { callHandler, logWaterInWorker } from './worker';

const water = (ml: number) => ({
  type: 'logEntries',
  data: { entries: [{ kind: 'water', ml, at: Date.now() }] },
});
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => from + index);

test('1,000 changes sent at once from the popup, the options page and the worker all arrive, exactly once', async ({
  extension,
  popup,
  options,
}) => {
  const worker = await extension.worker();
  const replies = await Promise.all([
    popup.sendTogether(range(1, 400).map(water)),
    options.sendTogether(range(401, 800).map(water)),
    logWaterInWorker(worker, range(801, 1000)),
  ]);
  expect(replies.flat()).toHaveLength(1000);
  expect(
    replies
      .slice(0, 2)
      .flat()
      .every((reply) => (reply as { ok: boolean }).ok),
  ).toBe(true);
  const stored = await storedEntries(worker);
  expect(
    stored.map((entry) => (entry.kind === 'water' ? entry.ml : 0)).sort((a, b) => a - b),
  ).toEqual(range(1, 1000));
  expect(new Set(stored.map((entry) => entry.id)).size).toBe(1000);
  await expect.poll(() => popup.waterTotal.textContent()).toContain('500,500 ml');
});

test('a change sent again with its id, as a page retries after a lost answer, is stored once, also after the worker restarted', async ({
  extension,
  popup,
}) => {
  const change = {
    type: 'logEntries',
    data: {
      entries: [{ kind: 'water', ml: 321, at: Date.now() }],
      changeId: 'retry0test0change01',
    },
  };
  const idOf = (reply: unknown) =>
    (reply as { ok: boolean; value: { entries: { id: string }[] } }).value.entries[0]!.id;
  const [first, second] = await popup.send([change, change]);
  expect(idOf(second)).toBe(idOf(first));
  // The worker stops (as Chromium stops an idle one); the page sends the change once more.
  const session = await extension.context.newCDPSession(popup.page);
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  const [third] = await popup.send([change]);
  expect(idOf(third)).toBe(idOf(first));
  const stored = await storedEntries(await extension.worker());
  expect(stored.filter((entry) => entry.kind === 'water' && entry.ml === 321)).toHaveLength(1);
});

test('a change the worker acknowledged survives the worker being stopped in the middle of a burst', async ({
  extension,
  popup,
}) => {
  const session = await extension.context.newCDPSession(popup.page);
  await session.send('ServiceWorker.enable');
  // The popup logs 300 glasses one after another, counting the ones the worker acknowledged.
  const burst = popup.page.evaluate(async () => {
    const acknowledged: string[] = [];
    (globalThis as unknown as { acknowledged: string[] }).acknowledged = acknowledged;
    for (let index = 0; index < 300; index++) {
      const reply = await chrome.runtime
        .sendMessage({
          type: 'logEntries',
          data: { entries: [{ kind: 'water', ml: 1 + index, at: Date.now() }] },
        })
        .catch(() => undefined);
      if (reply?.ok) acknowledged.push(reply.value.entries[0].id);
    }
    return acknowledged;
  });
  await expect
    .poll(
      () =>
        popup.page.evaluate(
          () => (globalThis as unknown as { acknowledged?: string[] }).acknowledged?.length ?? 0,
        ),
      { timeout: 20_000 },
    )
    .toBeGreaterThan(100);
  await session.send('ServiceWorker.stopAllWorkers');
  const acknowledged = await burst;
  const stored = new Set((await storedEntries(await extension.worker())).map((entry) => entry.id));
  expect(acknowledged.length).toBeGreaterThan(200);
  expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
});

test('a second device’s days, written into sync as the browser’s sync would, show in the popup', async ({
  extension,
  popup,
}) => {
  const today = localDayKey(Date.now());
  await expect.poll(() => popup.waterTotal.textContent()).toContain('0 ml');
  const days = new Map(
    range(0, 4).map((back) => [
      addDays(today, -back),
      { ...emptyDeviceDay(1), waterMl: back === 0 ? 750 : 2500, waterGoalMl: 2000 },
    ]),
  );
  const items = ownItems('devB2second', days, {
    today,
    first: addDays(today, -4),
    rev: Date.now(),
    goalMl: 2000,
    level: { fullMonths: 2, years: 100 },
  });
  const worker = await extension.worker();
  await worker.evaluate((values) => chrome.storage.sync.set(values), items);
  await expect.poll(() => popup.waterTotal.textContent()).toContain('750 ml');
  // Four earlier days met the goal on the other device; today is still open.
  await expect.poll(() => popup.streak('water').textContent()).toContain('4 days');
});

test('garbage from another device is ignored and reported in the options page', async ({
  extension,
  popup,
  options,
}) => {
  const worker = await extension.worker();
  await worker.evaluate(() =>
    chrome.storage.sync.set({
      'm.devC3.2026-11': { v: 1, t: 1, d: 'not a record' },
      'y.devD4.2025': { v: 9, t: 1, g: 2000, s: 'from a newer version' },
      'dev.devE5': 'garbage',
    }),
  );
  await popup.page.reload();
  await expect.poll(() => popup.waterTotal.textContent()).toContain('0 ml');
  await expect.poll(() => options.foreignCount.textContent()).toBe('3');
  await expect
    .poll(() => options.foreignItems.textContent())
    .toContain('written by a newer version');
  expect(await storageArea(worker, 'sync')).toMatchObject({ 'dev.devE5': 'garbage' });
});

test('damaged, out-of-range and implausible items of other devices stop no page and no sync', async ({
  extension,
  popup,
  options,
  progress,
}) => {
  const worker = await extension.worker();
  await worker.evaluate((items) => chrome.storage.sync.set(items), hostileItems());
  await callHandler(worker, 'logEntries', {
    entries: [{ kind: 'water', ml: 750, at: Date.now() }],
  });
  await popup.page.reload();
  await expect.poll(() => popup.waterTotal.textContent()).toMatch(/^750 ml/);
  await progress.page.reload();
  await expect.poll(() => progress.habit('water').textContent()).toMatch(/\d/);
  await options.page.reload();
  await expect
    .poll(() => options.foreignCount.textContent())
    .toBe(String(Object.keys(HOSTILE_SYNC_ITEMS).length));
  await expect
    .poll(() => options.foreignItems.textContent())
    .toContain('holds more than anyone logs in a day');
  await options.syncNow();
  await expect.poll(() => options.syncResult.textContent()).toMatch(/^Synced/);
  expect(Object.keys(await storageArea(worker, 'sync'))).toEqual(
    expect.arrayContaining(Object.keys(HOSTILE_SYNC_ITEMS)),
  );
});

test('sync now writes this device’s days within the real quotas', async ({
  extension,
  popup,
  options,
}) => {
  await popup.addCupButton('250 ml').click();
  await expect.poll(() => popup.waterTotal.textContent()).toContain('250 ml');
  await options.syncNow();
  await expect.poll(() => options.syncResult.textContent()).toMatch(/Synced \(written: \d+/);
  const worker = await extension.worker();
  const sync = await storageArea(worker, 'sync');
  const keys = Object.keys(sync);
  expect(keys.some((key) => /^dev\.[a-z0-9]+$/.test(key))).toBe(true);
  expect(keys.some((key) => /^m\.[a-z0-9]+\.\d{4}-\d{2}$/.test(key))).toBe(true);
  const bytes = await worker.evaluate(() => chrome.storage.sync.getBytesInUse(null));
  expect(bytes).toBeGreaterThan(0);
  expect(bytes).toBeLessThan(2000);
});

test('the browser counts an item’s bytes as the sync planner does', async ({ extension }) => {
  const { itemBytes } = await import('../../lib/sync/plan');
  const worker = await extension.worker();
  const key = 'probe';
  const fits = 'x'.repeat(8192 - itemBytes(key, ''));
  expect(itemBytes(key, fits)).toBe(8192);
  await worker.evaluate(([k, value]) => chrome.storage.sync.set({ [k]: value }), [
    key,
    fits,
  ] as const);
  const refusal = await worker.evaluate(
    ([k, value]) =>
      chrome.storage.sync.set({ [k]: value }).then(
        () => 'accepted',
        (error: Error) => error.message,
      ),
    [key, `${fits}x`] as const,
  );
  expect(refusal).toContain('QuotaBytesPerItem');
  await worker.evaluate((k) => chrome.storage.sync.remove(k), key);
});

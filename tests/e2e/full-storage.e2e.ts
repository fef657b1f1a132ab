/**
 * A full storage.local, filled as the data tests fill it: a log and a prompt answer wait for
 * room, said in words; removing old years frees room, stores them once and keeps streaks and
 * records; a reset says what to do.
 */
import type { Page } from 'playwright-core';
import { expect, test } from './fixtures';
import { dataMessage, GUIDE, locate } from './pages';
import { writeSampleHistory } from './sample-history';
import { storedEntries } from './storage';
import { recordNotifications, shownNotifications, type Background } from './worker';
import { readOverview } from '../../lib/app/overview';
import type { KeyValueArea } from '../../lib/store/items';

/** Something else fills storage.local to a few bytes under Chrome's 10 MiB quota. */
async function fillStorage(worker: Background): Promise<void> {
  await worker.evaluate(async () => {
    const used = await chrome.storage.local.getBytesInUse(null);
    const room = chrome.storage.local.QUOTA_BYTES - used;
    await chrome.storage.local.set({ padding: 'x'.repeat(room - 'padding""'.length - 40) });
  });
}

/** What the pages show from the daily and personal records, read from the real storage. */
async function figures(worker: Background) {
  // The padding stays in the worker: carrying 10 MB back and forth over CDP took most of a test.
  const areas = await worker.evaluate(async () => {
    const { padding: _padding, ...local } = await chrome.storage.local.get(null);
    return { local, sync: await chrome.storage.sync.get(null) };
  });
  const area = (items: Record<string, unknown>): KeyValueArea => ({
    get: async (keys) => {
      if (keys === null || keys === undefined) return items;
      const wanted = typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(wanted.filter((key) => key in items).map((k) => [k, items[k]]));
    },
    set: async () => {},
    remove: async () => {},
  });
  const now = Date.now();
  const { reports, records } = await readOverview(
    { local: area(areas.local), sync: area(areas.sync) },
    now,
  );
  return { reports, records };
}

async function removeOldYears(page: Page): Promise<void> {
  await page.reload();
  const remove = page.getByRole('button', { name: /^Remove history before \d{4}$/ });
  await expect.poll(() => page.getByTestId('history-frees').textContent()).toMatch(/frees \d/);
  await remove.click();
  await expect
    .poll(() => page.getByTestId('history-message').textContent())
    .toMatch(/^Removed the entries before \d{4}, which freed .+\. Your streaks/);
}

/** The entries of a kind stored since a time: the test's own, not the sample history's. */
async function storedSince(worker: Background, kind: string, since: number) {
  return (await storedEntries(worker)).filter((entry) => entry.kind === kind && entry.at >= since);
}

test('a log into a full storage says what to do, and is stored once old years are removed', async ({
  extension,
  popup,
  options,
}) => {
  const worker = await extension.worker();
  await writeSampleHistory(worker, 400);
  const before = await figures(worker);
  await fillStorage(worker);
  await recordNotifications(worker);

  await popup.page.reload();
  const since = Date.now();
  await popup.addCupButton('250 ml').click();
  const alert = popup.page.getByRole('alert');
  await expect
    .poll(() => alert.textContent())
    .toContain('Saved for later: storage is full. It will be stored once there is room');
  expect(await alert.textContent()).not.toMatch(/quota|Something went wrong/i);
  expect(await storedSince(worker, 'water', since)).toEqual([]);
  await expect
    .poll(async () => (await shownNotifications(worker)).map(({ id }) => id))
    .toContain('storage-full');
  // A set from the set form says the same, with no record and no Undo: it is not stored yet.
  const { page } = popup;
  await page.getByRole('button', { name: /^(Log a set|Other exercise)$/ }).click();
  await page.getByLabel('Search exercises').fill('deadl');
  await page.getByLabel('Search exercises').press('Enter');
  await page.getByLabel('Reps', { exact: true }).fill('8');
  await page.getByLabel('Weight (kg)', { exact: true }).fill('60');
  await page.getByRole('button', { name: 'Log set' }).click();
  const waiting = page.getByRole('alert').filter({ hasText: 'Saved for later: storage is full' });
  await expect.poll(() => waiting.count()).toBe(2);
  expect(await page.getByTestId('record-banner').count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Undo' }).count()).toBe(0);

  await removeOldYears(options.page);
  await expect.poll(async () => (await storedSince(worker, 'water', since)).length).toBe(1);
  await expect.poll(async () => (await storedSince(worker, 'set', since)).length).toBe(1);
  await popup.page.reload();
  await expect.poll(() => popup.waterTotal.textContent()).toMatch(/^250 ml/);
  // Streaks and records as before; today's set nudges the workout's strength, as any set would.
  const streaks = ({ reports, records }: typeof before) => ({
    reports: reports.map(({ habit, best, current }) => ({ habit, best, current })),
    records,
  });
  expect(streaks(await figures(worker))).toEqual(streaks(before));
  await worker.evaluate(() => chrome.storage.local.remove('padding'));
});

test('a prompt answered on the guide page in a full storage is stored once there is room', async ({
  extension,
  options,
}) => {
  const worker = await extension.worker();
  await writeSampleHistory(worker, 400);
  await fillStorage(worker);
  await recordNotifications(worker);
  const since = Date.now();
  const guide = await extension.context.newPage();
  await guide.goto(extension.url(GUIDE.path('posture')));
  await locate(guide, GUIDE.done).click();
  await expect.poll(() => locate(guide, GUIDE.result).textContent()).toBeTruthy();
  expect(await locate(guide, GUIDE.result).textContent()).not.toMatch(/quota|went wrong/i);
  await expect
    .poll(async () => (await shownNotifications(worker)).map(({ options: shown }) => shown.message))
    .toContainEqual(expect.stringContaining('Saved for later: storage is full'));
  const answers = () => storedSince(worker, 'prompt', since);
  expect(await answers()).toEqual([]);

  await removeOldYears(options.page);
  await expect.poll(async () => (await answers()).length).toBe(1);
  await worker.evaluate(() => chrome.storage.local.remove('padding'));
});

test('a reset in a full storage says what to do, and offers the removal of old years', async ({
  extension,
  options,
}) => {
  const { page } = options;
  const worker = await extension.worker();
  await writeSampleHistory(worker, 400);
  await fillStorage(worker);
  const before = await storedEntries(worker);
  await page.reload();
  await page.getByRole('button', { name: 'Reset all data' }).click();
  await page.getByRole('button', { name: 'Yes, delete all my data' }).click();
  await expect.poll(() => dataMessage(page)).toContain('Remove old history below');
  expect(await storedEntries(worker)).toEqual(before);
  expect(await page.getByRole('heading', { name: 'Remove old history' }).isVisible()).toBe(true);
  const removal = page.getByRole('button', { name: /^Remove history before \d{4}$/ });
  await expect.poll(() => removal.isEnabled()).toBe(true);
  await worker.evaluate(() => chrome.storage.local.remove('padding'));
});

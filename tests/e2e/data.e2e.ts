import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { BROKEN_FILES } from '../unit/backup-files';
import { expect, test } from './fixtures';
import { writeSampleHistory } from './sample-history';
import { storedEntries } from './storage';
import { callHandler } from './worker';

async function exportJson(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export everything (JSON)' }).click(),
  ]);
  return readFile((await download.path())!, 'utf8');
}

async function importText(page: Page, text: string, name = 'backup.json') {
  await page
    .getByLabel('Import a Backbone export')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

const withoutExportTime = (text: string) => text.replace(/"exportedAt":\d+/, '"exportedAt":0');

test('export, reset, import: the same data back, byte for byte', async ({ extension, options }) => {
  const { page } = options;
  const worker = await extension.worker();
  await writeSampleHistory(worker, 20);
  await callHandler(worker, 'saveCustomExercise', {
    exercise: {
      id: 'custom-towel1',
      name: 'Towel row',
      region: 'middle',
      measure: 'reps',
      updatedAt: 0,
    },
  });
  const before = await exportJson(page);
  expect(JSON.parse(before).entries.length).toBeGreaterThan(200);

  await page.getByRole('button', { name: 'Reset all data' }).click();
  await page.getByRole('button', { name: 'Yes, delete all my data' }).click();
  await expect
    .poll(() => page.getByTestId('data-message').textContent())
    .toContain('All data was deleted');
  expect(await storedEntries(worker)).toEqual([]);

  await importText(page, before);
  await expect
    .poll(() => page.getByTestId('import-preview').textContent())
    .toMatch(/^This file adds \d+ entries; 0 are already here\.$/);
  await page.getByRole('button', { name: 'Replace everything with this file' }).click();
  await expect.poll(() => page.getByTestId('data-message').textContent()).toContain('Replaced');
  const after = await exportJson(page);
  expect(withoutExportTime(after)).toBe(withoutExportTime(before));
});

test('an entry whose day moved to another month is not stored twice, and the export stays importable', async ({
  extension,
  options,
}) => {
  const { page } = options;
  const worker = await extension.worker();
  // Half past one on the first of this month: with the day starting at 04:00 it belongs to the
  // last day of the month before, as an export from such a browser says.
  const reply = (await options.send([
    {
      type: 'logEntries',
      data: {
        entries: [
          { kind: 'water', ml: 250, at: new Date(new Date().setDate(1)).setHours(1, 30, 0, 0) },
        ],
      },
    },
  ])) as { ok: boolean; value: { entries: { id: string; day: string; at: number }[] } }[];
  const [entry] = reply[0]!.value.entries;
  const exported = JSON.parse(await exportJson(page)) as { entries: { id: string; day: string }[] };
  const first = new Date(entry!.at);
  const dayBefore = new Date(first.getFullYear(), first.getMonth(), 0);
  const movedDay = `${dayBefore.getFullYear()}-${String(dayBefore.getMonth() + 1).padStart(2, '0')}-${String(dayBefore.getDate()).padStart(2, '0')}`;
  for (const item of exported.entries) if (item.id === entry!.id) item.day = movedDay;
  await importText(page, JSON.stringify(exported));
  await page.getByRole('button', { name: 'Add them to what is here' }).click();
  await expect.poll(() => page.getByTestId('data-message').textContent()).toMatch(/\S/);
  const stored = await storedEntries(worker);
  expect(stored.filter((item) => item.id === entry!.id)).toHaveLength(1);
  expect(new Set(stored.map((item) => item.id)).size).toBe(stored.length);

  // The app's own export goes back in: nothing new, and no entry twice.
  await importText(page, await exportJson(page));
  await expect
    .poll(() => page.getByTestId('import-preview').textContent())
    .toBe(`This file adds 0 entries; ${stored.length} are already here.`);
});

test('broken files are each refused with a message and change nothing', async ({
  extension,
  options,
}) => {
  const { page } = options;
  const worker = await extension.worker();
  await writeSampleHistory(worker, 3);
  const entriesBefore = await storedEntries(worker);
  const syncBefore = await worker.evaluate(() => chrome.storage.sync.get(null));
  // The 64 MB one is checked in the unit tests; every other broken file goes through the page.
  const files = BROKEN_FILES.filter(([name]) => name !== 'oversized');
  expect(files.length).toBeGreaterThanOrEqual(20);
  for (const [name, text] of files) {
    await importText(page, text, `${name}.json`);
    await expect
      .poll(() => page.getByTestId('data-message').textContent(), { message: name })
      .toMatch(/^Nothing was imported: .+/);
    expect(await page.getByTestId('import-preview').count(), name).toBe(0);
  }
  expect(await storedEntries(worker)).toEqual(entriesBefore);
  expect(await worker.evaluate(() => chrome.storage.sync.get(null))).toEqual(syncBefore);
});

test('a replacing import keeps the data from before as a backup that can be restored', async ({
  extension,
  options,
}) => {
  const { page } = options;
  const worker = await extension.worker();
  await callHandler(worker, 'logEntries', {
    entries: [{ kind: 'water', ml: 777, at: Date.now() }],
  });
  const mine = await exportJson(page);
  const other = JSON.parse(mine);
  other.entries = [];
  await importText(page, JSON.stringify(other));
  await page.getByRole('button', { name: 'Replace everything with this file' }).click();
  await expect.poll(() => page.getByTestId('data-message').textContent()).toContain('Replaced');
  expect(await storedEntries(worker)).toEqual([]);
  await page.getByRole('button', { name: 'Restore the backup' }).click();
  await expect.poll(() => page.getByTestId('data-message').textContent()).toBe('Backup restored.');
  expect(
    (await storedEntries(worker)).map((entry) => (entry.kind === 'water' ? entry.ml : 0)),
  ).toEqual([777]);
});

test('entries export as CSV', async ({ extension, options }) => {
  await callHandler(await extension.worker(), 'logEntries', {
    entries: [{ kind: 'water', ml: 300, at: Date.now() }],
  });
  const [download] = await Promise.all([
    options.page.waitForEvent('download'),
    options.page.getByRole('button', { name: 'Export entries (CSV)' }).click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toMatch(/^id,kind,day,at,device,ml/);
  expect(csv).toMatch(/,water,\d{4}-\d{2}-\d{2},[^,]+,[a-z0-9]+,300,/);
});

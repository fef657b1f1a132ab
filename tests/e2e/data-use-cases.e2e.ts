/**
 * The use cases that change data, in real Chromium with its real storage quota: a file larger
 * than the quota as entries imported whole, and each use case with its page closed in the
 * middle (the worker holds one of its writes until the page is gone, then goes on): the data
 * ends either finished or as before, and the next page says which.
 */
import type { Page } from 'playwright-core';
import { entryId } from '../../lib/store/codec';
import { createBackup, serializeBackup } from '../../lib/store/backup';
import type { Entry } from '../../lib/model/entries';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { expect, test } from './fixtures';
import type { LaunchedExtension } from './launch';
import { chooseImportFile, dataMessage, OptionsPage, PopupPage } from './pages';
import { storageArea, storedEntries } from './storage';
import {
  backupOfOneGlass,
  callEngine,
  callHandler,
  saveSettings,
  stopWorkers,
  type Background,
} from './worker';

const HOUR_MS = 3_600_000;

/** A file exported on another browser: a glass of water an hour, up to now. */
function exportedFile(count: number): { text: string; entries: Entry[] } {
  const now = Date.now() - 60_000;
  const entries = Array.from({ length: count }, (_, index): Entry => {
    const at = now - (count - index) * HOUR_MS;
    const day = new Date(at).toISOString().slice(0, 10);
    return { id: entryId('devOld9', at), kind: 'water', ml: 250, at, day, device: 'devOld9' };
  });
  return { text: serializeBackup(createBackup(DEFAULT_SETTINGS, [], entries, now)), entries };
}

/**
 * From now on, the worker's first storage.local write with a key starting with `key` (after
 * one with a key starting with `after`, when given) waits until `letGo` is called.
 */
function holdWrite(worker: Background, key: string, after?: string): Promise<void> {
  return worker.evaluate(
    ([prefix, first]) => {
      type Hold = { key: string; after?: string; armed: boolean; held: boolean; go?: () => void };
      const scope = globalThis as unknown as { hold?: Hold; holding?: boolean };
      scope.hold = { key: prefix, after: first, armed: first === undefined, held: false };
      if (scope.holding) return;
      scope.holding = true;
      const areas = new Set([
        chrome.storage.local,
        (globalThis as { browser?: typeof chrome }).browser?.storage.local,
      ]);
      for (const area of areas) {
        if (!area) continue;
        const set = area.set.bind(area) as (items: Record<string, unknown>) => Promise<void>;
        Object.assign(area, {
          set: async (items: Record<string, unknown>) => {
            const hold = scope.hold;
            const keys = Object.keys(items);
            if (hold && !hold.held) {
              if (hold.armed && keys.some((name) => name.startsWith(hold.key))) {
                hold.held = true;
                await new Promise<void>((resolve) => (hold.go = resolve));
              } else if (hold.after && keys.some((name) => name.startsWith(hold.after!)))
                hold.armed = true;
            }
            return set(items);
          },
        });
      }
    },
    [key, after] as const,
  );
}

/** Once the held write is waiting, closes the page, then lets the worker go on. */
async function closeWhileHeld(worker: Background, page: Page): Promise<void> {
  await expect
    .poll(() =>
      worker.evaluate(() => (globalThis as unknown as { hold?: { held: boolean } }).hold?.held),
    )
    .toBe(true);
  await page.close();
  await worker.evaluate(() =>
    (globalThis as unknown as { hold?: { go?: () => void } }).hold?.go?.(),
  );
}

async function openOptions(extension: LaunchedExtension): Promise<Page> {
  const page = await extension.context.newPage();
  page.setDefaultTimeout(5_000);
  await page.goto(extension.url(OptionsPage.path));
  return page;
}

/** Chooses a file to import and waits for its preview; a large file takes a while to send. */
async function importText(page: Page, text: string) {
  const patience = { timeout: 60_000 };
  await chooseImportFile(page, text, 'backup.json', patience);
  await expect.poll(() => page.getByTestId('import-preview').count(), patience).toBe(1);
}

/** A glass logged now (777 ml, to tell it from a file's), as the popup would. */
const logGlass = (worker: Background) =>
  callHandler(worker, 'logEntries', { entries: [{ kind: 'water', ml: 777, at: Date.now() }] });

const localKeys = async (worker: Background) => Object.keys(await storageArea(worker, 'local'));
const waterOf = (entries: Entry[]) =>
  entries.map((entry) => (entry.kind === 'water' ? entry.ml : 0)).sort((a, b) => a - b);

/** Nothing of the use case is left under way: no journal, no staged part. */
async function nothingUnderWay(worker: Background) {
  await expect
    .poll(async () => (await localKeys(worker)).filter((key) => /^(journal|staging\.)/.test(key)))
    .toEqual([]);
}

test('a file larger than the room left as entries is staged compact and imported whole', async ({
  extension,
  options,
}) => {
  const worker = await extension.worker();
  const file = exportedFile(12_000);
  // Storage is full but for 900 kB: the file as entries (1.3 MB) would not fit even staged.
  const room = 900_000;
  await worker.evaluate(async (left) => {
    const used = await chrome.storage.local.getBytesInUse(null);
    await chrome.storage.local.set({
      padding: 'x'.repeat(chrome.storage.local.QUOTA_BYTES - used - left),
    });
  }, room);
  expect(file.text.length).toBeGreaterThan(room);
  await importText(options.page, file.text);
  await options.page.getByRole('button', { name: 'Add them to what is here' }).click();
  await expect.poll(() => dataMessage(options.page), { timeout: 100_000 }).toBe('Imported.');
  expect((await storedEntries(worker)).length).toBe(file.entries.length);
  await nothingUnderWay(worker);
  await worker.evaluate(() => chrome.storage.local.remove('padding'));
}, 150_000);

test('an import that adds, but would not fit beside the data, is refused in words before anything is written', async ({
  extension,
  options,
}) => {
  const worker = await extension.worker();
  await logGlass(worker);
  const file = exportedFile(4_000);
  // Room for the file staged, not for the records it would bring beside it.
  await worker.evaluate(async () => {
    const used = await chrome.storage.local.getBytesInUse(null);
    await chrome.storage.local.set({
      padding: 'x'.repeat(chrome.storage.local.QUOTA_BYTES - used - 300_000),
    });
  });
  const before = await storageArea(worker, 'local');
  await importText(options.page, file.text);
  await options.page.getByRole('button', { name: 'Add them to what is here' }).click();
  await expect
    .poll(() => dataMessage(options.page))
    .toBe(
      'This file does not fit in browser storage beside your data, so nothing was imported. Remove old years from the file, or reset first, and try again.',
    );
  expect(await storageArea(worker, 'local')).toEqual(before);
  await worker.evaluate(() => chrome.storage.local.remove('padding'));
});

/** Beside a glass logged here, imports a file and closes the page while its entries are stored. */
async function importAndClose(worker: Background, page: Page, button: string) {
  await logGlass(worker);
  const file = exportedFile(300);
  await importText(page, file.text);
  await holdWrite(worker, 'entries.', 'journal');
  await page.getByRole('button', { name: button }).click();
  await closeWhileHeld(worker, page);
  await nothingUnderWay(worker);
  return file;
}

test('an import that adds, its page closed while it stores the file, is finished, and said', async ({
  extension,
  options,
}) => {
  const worker = await extension.worker();
  const file = await importAndClose(worker, options.page, 'Add them to what is here');
  expect((await storedEntries(worker)).length).toBe(file.entries.length + 1);
  const page = await openOptions(extension);
  await expect
    .poll(() => dataMessage(page))
    .toBe(
      'An import of a file finished after its page was closed, with every entry of the file that could be imported.',
    );
  await page.close();
});

test('an import that replaces, its page closed while it stores the file, is finished, and said', async ({
  extension,
  options,
}) => {
  const worker = await extension.worker();
  const file = await importAndClose(worker, options.page, 'Replace everything with this file');
  expect(waterOf(await storedEntries(worker))).toEqual(waterOf(file.entries));
  const page = await openOptions(extension);
  await expect.poll(() => dataMessage(page)).toContain('finished after its page was closed');
  // The data from before is kept, and comes back.
  await page.getByRole('button', { name: 'Restore the backup' }).click();
  await expect.poll(() => dataMessage(page)).toBe('Backup restored.');
  expect(waterOf(await storedEntries(worker))).toEqual([777]);
  await page.close();
});

test('an import whose page is closed while it sends the file is let go at the next start, and said', async ({
  extension,
  options,
}) => {
  let worker = await extension.worker();
  await logGlass(worker);
  // Two parts: the page is closed while the worker stores the second.
  const file = exportedFile(6_000);
  await importText(options.page, file.text);
  await holdWrite(worker, 'staging.', 'staging.');
  await options.page.getByRole('button', { name: 'Add them to what is here' }).click();
  await closeWhileHeld(worker, options.page);
  await expect
    .poll(async () => (await localKeys(worker)).filter((key) => key.startsWith('staging.')))
    .toHaveLength(2);
  expect(waterOf(await storedEntries(worker))).toEqual([777]);

  // Chromium stops an idle worker; the next page wakes it.
  const blank = await extension.context.newPage();
  await stopWorkers(extension, blank);
  const page = await openOptions(extension);
  await expect
    .poll(() => dataMessage(page))
    .toContain('so nothing of it was imported and your data is as it was');
  worker = await extension.worker();
  await nothingUnderWay(worker);
  expect(waterOf(await storedEntries(worker))).toEqual([777]);
  await Promise.all([page.close(), blank.close()]);
});

test('a reset whose page is closed in the middle is finished, and said', async ({
  extension,
  options,
}) => {
  const worker = await extension.worker();
  await logGlass(worker);
  await holdWrite(worker, 'backup');
  await options.page.getByRole('button', { name: 'Reset all data' }).click();
  await options.page.getByRole('button', { name: 'Yes, delete all my data' }).click();
  await closeWhileHeld(worker, options.page);

  await nothingUnderWay(worker);
  await expect.poll(() => storedEntries(worker)).toEqual([]);
  const page = await openOptions(extension);
  await expect
    .poll(() => dataMessage(page))
    .toBe(
      'A reset finished after its page was closed. Your data was deleted, and a backup kept that you can restore here.',
    );
  await page.close();
});

test('a restore whose page is closed in the middle is finished, and said', async ({
  extension,
  options,
}) => {
  const worker = await extension.worker();
  await backupOfOneGlass(worker);
  await options.page.reload();
  // The restore's first write is its journal; the next puts the data back.
  await holdWrite(worker, 'months', 'journal');
  await options.page.getByRole('button', { name: 'Restore the backup' }).click();
  await closeWhileHeld(worker, options.page);

  await nothingUnderWay(worker);
  expect(waterOf(await storedEntries(worker))).toEqual([777]);
  const page = await openOptions(extension);
  await expect
    .poll(() => dataMessage(page))
    .toBe(
      'A restore of your backup finished after its page was closed; your data is as it was in the backup.',
    );
  await page.close();
});

test('water drunk from the guide, its page closed in the middle, is logged once and answers the reminder', async ({
  extension,
}) => {
  const worker = await extension.worker();
  const allDay = Array.from({ length: 7 }, () => [{ from: 0, to: 1440 }]);
  await saveSettings(worker, {
    ...DEFAULT_SETTINGS,
    nudges: { ...DEFAULT_SETTINGS.nudges, activeHours: allDay },
  });
  // The water alarm, as Chromium delivers it when it is due.
  await callEngine(worker, 'onAlarm', { name: 'nudge:water', scheduledTime: Date.now() });
  await expect
    .poll(() => worker.evaluate(() => chrome.notifications.getAll()))
    .toHaveProperty('nudge-water');
  const guide = await extension.context.newPage();
  guide.setDefaultTimeout(5_000);
  await guide.goto(extension.url('guide.html?prompt=water'));
  await holdWrite(worker, 'entries.');
  await guide.getByRole('button', { name: 'Done', exact: true }).click();
  await closeWhileHeld(worker, guide);

  await expect
    .poll(() => worker.evaluate(() => chrome.notifications.getAll()))
    .not.toHaveProperty('nudge-water');
  expect(((await callEngine(worker, 'status')) as { pending: unknown[] }).pending).toEqual([]);
  // The glass, and the reminder answered by it, each once.
  expect(
    (await storedEntries(worker))
      .map((entry) =>
        entry.kind === 'prompt'
          ? `${entry.prompt} ${entry.outcome}`
          : `${entry.kind} ${entry.kind === 'water' ? entry.ml : ''}`,
      )
      .sort(),
  ).toEqual(['water 250', 'water done']);
  const popup = new PopupPage(await extension.context.newPage());
  await popup.page.goto(extension.url(PopupPage.path));
  await expect.poll(() => popup.waterTotal.textContent()).toContain('250 ml of 2,000 ml');
  await popup.page.close();
});

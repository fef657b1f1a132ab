import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { localDayKey } from '../../lib/model/days';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { entryId } from '../../lib/store/codec';
import { BROKEN_FILES, FILES_WITH_AN_ENTRY_LEFT_OUT } from '../unit/backup-files';
import { expect, test } from './fixtures';
import { launchExtension, type LaunchedExtension } from './launch';
import { chooseImportFile, dataMessage, PopupPage } from './pages';
import { writeSampleHistory } from './sample-history';
import { storageArea, storedEntries } from './storage';
import { backupOfOneGlass, callHandler, saveSettings, stopWorkers } from './worker';

async function exportFile(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export everything (JSON)' }).click(),
  ]);
  return {
    name: download.suggestedFilename(),
    text: await readFile((await download.path())!, 'utf8'),
  };
}

const exportJson = async (page: Page) => (await exportFile(page)).text;

/**
 * Once the worker has written its journal, stops it (as Chromium does when idle) and opens the
 * page again: the worker's next start must finish the use case. Returns the new worker.
 */
async function stopInTheMiddle(extension: LaunchedExtension, page: Page) {
  const worker = await extension.worker();
  await expect
    .poll(() =>
      worker.evaluate(async () => 'journal' in (await chrome.storage.local.get('journal'))),
    )
    .toBe(true);
  await stopWorkers(extension, page);
  await page.reload();
  return extension.worker();
}

async function resetAll(page: Page) {
  await page.getByRole('button', { name: 'Reset all data' }).click();
  await page.getByRole('button', { name: 'Yes, delete all my data' }).click();
  await expect.poll(() => dataMessage(page)).toContain('All data was deleted');
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

  await resetAll(page);
  expect(await storedEntries(worker)).toEqual([]);

  await chooseImportFile(page, before);
  await expect
    .poll(() => page.getByTestId('import-preview').textContent())
    .toMatch(/^This file adds \d+ entries; already here: 0\.$/);
  await page.getByRole('button', { name: 'Replace everything with this file' }).click();
  await expect.poll(() => dataMessage(page)).toContain('Replaced');
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
  await chooseImportFile(page, JSON.stringify(exported));
  await page.getByRole('button', { name: 'Add them to what is here' }).click();
  await expect.poll(() => dataMessage(page)).toMatch(/\S/);
  const stored = await storedEntries(worker);
  expect(stored.filter((item) => item.id === entry!.id)).toHaveLength(1);
  expect(new Set(stored.map((item) => item.id)).size).toBe(stored.length);

  // The app's own export goes back in: nothing new, and no entry twice.
  await chooseImportFile(page, await exportJson(page));
  await expect
    .poll(() => page.getByTestId('import-preview').textContent())
    .toBe(`This file adds 0 entries; already here: ${stored.length}.`);
});

test('broken files are each refused whole with a message and change nothing', async ({
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
  const said = new Map<string, string>();
  for (const [name, text] of files) {
    await chooseImportFile(page, text, `${name}.json`);
    await expect
      .poll(() => dataMessage(page), { message: name })
      .toMatch(/^Nothing was imported: .+/);
    said.set(name, (await dataMessage(page))!);
    expect(await page.getByTestId('import-preview').count(), name).toBe(0);
  }
  expect(said.get('another format')).toBe(
    'Nothing was imported: This file is not a Backbone export. (the file)',
  );
  expect(said.get('truncated')).toBe(
    'Nothing was imported: This file is not a complete JSON file; it may be damaged or cut short. (the file)',
  );
  expect(said.get('broken settings')).toBe(
    'Nothing was imported: The settings in this file are not valid. (the file)',
  );
  expect(await storedEntries(worker)).toEqual(entriesBefore);
  expect(await worker.evaluate(() => chrome.storage.sync.get(null))).toEqual(syncBefore);
});

test('a file with an entry that cannot be taken shows it left out, with its reason, in the preview', async ({
  options,
}) => {
  const { page } = options;
  for (const [name, text] of FILES_WITH_AN_ENTRY_LEFT_OUT) {
    await chooseImportFile(page, text, `${name}.json`);
    await expect
      .poll(() => page.getByTestId('import-skipped').locator('li').allTextContents(), {
        message: name,
      })
      .toEqual([expect.stringMatching(/^1 (entry|second copy|rest entry) .+/)]);
    expect(await page.getByTestId('data-message').count(), name).toBe(0);
  }
});

test('an export made while the clock was ten years ahead imports after, all but that entry', async ({
  extension,
  options,
}) => {
  const { page } = options;
  const worker = await extension.worker();
  await writeSampleHistory(worker, 3);
  // The export of a browser whose clock was once ten years ahead: one glass logged then.
  const file = JSON.parse(await exportJson(page)) as {
    entries: Record<string, unknown>[];
    settings: Record<string, unknown>;
  };
  const taken = file.entries.length;
  const ahead = Date.now() + 3652 * 86_400_000;
  // Its settings were saved then too, with a cup of 330 ml.
  file.settings = { ...file.settings, updatedAt: ahead, cupsMl: [330, 500] };
  const glass = file.entries.find((entry) => entry.kind === 'water')!;
  file.entries.push({
    ...glass,
    id: entryId(glass.device as string, ahead),
    at: ahead,
    day: localDayKey(ahead),
  });

  await resetAll(page);

  await chooseImportFile(page, JSON.stringify(file));
  await expect
    .poll(() => page.getByTestId('import-preview').textContent())
    .toBe(`This file adds ${taken} ${taken === 1 ? 'entry' : 'entries'}; already here: 0.`);
  const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(ahead);
  const leftOut = page.getByTestId('import-skipped');
  expect(await leftOut.locator('p').textContent()).toBe('Left out, as Backbone cannot take them:');
  expect(await leftOut.locator('li').allTextContents()).toEqual([
    `1 entry dated in the future (${date})`,
  ]);
  await page
    .getByRole('button', { name: `Replace everything with this file (${taken} entries)` })
    .click();
  // The worker checks the entries again, and says what it left out.
  await expect
    .poll(() => dataMessage(page))
    .toBe(
      'Replaced. Your data from before is kept as a backup. 1 entry of the file was left out, as the preview said.',
    );
  const stored = await storedEntries(worker);
  expect(stored).toHaveLength(taken);
  expect(stored.filter((entry) => entry.at > Date.now())).toEqual([]);
  // The settings come back as changed now, not as changed ten years from now.
  const { settings } = await storageArea(worker, 'sync');
  expect(settings).toMatchObject({ cupsMl: [330, 500] });
  expect((settings as { updatedAt: number }).updatedAt).toBeLessThanOrEqual(Date.now());
});

test('the export file is named with the user’s day, not the UTC date', async ({
  extension,
  options,
}) => {
  const worker = await extension.worker();
  await saveSettings(worker, { ...DEFAULT_SETTINGS, startOfDayHour: 4 });
  const page = await extension.context.newPage();
  const devTools = await extension.context.newCDPSession(page);
  try {
    await devTools.send('Emulation.setTimezoneOverride', { timezoneId: 'America/Los_Angeles' });
    await page.goto(options.page.url());
    const at = async (instant: string) => {
      await page.evaluate((now) => (Date.now = () => now), Date.parse(instant));
      return (await exportFile(page)).name;
    };
    // Monday 7 December, 23:30 in Los Angeles: 07:30 on the 8th in UTC.
    expect(await at('2026-12-08T07:30:00Z')).toBe('backbone-2026-12-07.json');
    // 02:00 on the 8th, before the user's day starts at 04:00: still their Monday.
    expect(await at('2026-12-08T10:00:00Z')).toBe('backbone-2026-12-07.json');
    expect(await at('2026-12-08T12:30:00Z')).toBe('backbone-2026-12-08.json');
  } finally {
    await devTools.detach();
    await page.close();
  }
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
  await chooseImportFile(page, JSON.stringify(other));
  await page.getByRole('button', { name: 'Replace everything with this file' }).click();
  await expect.poll(() => dataMessage(page)).toContain('Replaced');
  expect(await storedEntries(worker)).toEqual([]);
  await page.getByRole('button', { name: 'Restore the backup' }).click();
  await expect.poll(() => dataMessage(page)).toBe('Backup restored.');
  expect(
    (await storedEntries(worker)).map((entry) => (entry.kind === 'water' ? entry.ml : 0)),
  ).toEqual([777]);
});

test('entries export as CSV', async ({ extension, options }) => {
  await callHandler(await extension.worker(), 'logEntries', {
    entries: [
      { kind: 'water', ml: 300, at: Date.now() },
      { kind: 'set', exercise: 'plank', seconds: 30, note: '=1+1', at: Date.now() },
    ],
  });
  const [download] = await Promise.all([
    options.page.waitForEvent('download'),
    options.page.getByRole('button', { name: 'Export entries (CSV)' }).click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toMatch(/^id,kind,day,at,device,ml/);
  expect(csv).toMatch(/,water,\d{4}-\d{2}-\d{2},[^,]+,[a-z0-9]+,300,/);
  // A note a spreadsheet would run as a formula stays text.
  expect(csv).toContain(",'=1+1\r\n");
});

/** What the popup shows of today and the streaks, once it has drawn them. */
async function popupFigures(popup: PopupPage) {
  await expect.poll(() => popup.waterTotal.textContent()).toMatch(/^750 ml/);
  return {
    water: await popup.waterTotal.textContent(),
    streaks: await popup.page.locator('[data-testid^="streak-"]').allTextContents(),
  };
}

test('a restore into a fresh browser shows the same today and streaks', async ({
  extension,
  options,
}) => {
  const worker = await extension.worker();
  await writeSampleHistory(worker, 20);
  await callHandler(worker, 'logEntries', {
    entries: [{ kind: 'water', ml: 750, at: Date.now() }],
  });
  const file = await exportJson(options.page);
  const sourcePopup = new PopupPage(await extension.context.newPage());
  await sourcePopup.page.goto(extension.url(PopupPage.path));
  const before = await popupFigures(sourcePopup);
  expect(before.streaks.join(' ')).toMatch(/[1-9]/);

  const fresh = await launchExtension();
  try {
    const page = await fresh.context.newPage();
    await page.goto(fresh.url('options.html'));
    await chooseImportFile(page, file);
    await page.getByRole('button', { name: 'Replace everything with this file' }).click();
    await expect.poll(() => dataMessage(page)).toContain('Replaced');
    const popup = new PopupPage(await fresh.context.newPage());
    await popup.page.goto(fresh.url(PopupPage.path));
    expect(await popupFigures(popup)).toEqual(before);
  } finally {
    await fresh.close();
  }
});

test('a page’s entries that make no sense are refused with a reason and nothing is stored', async ({
  extension,
  popup,
}) => {
  const worker = await extension.worker();
  const now = Date.now();
  const log = (entry: Record<string, unknown>) => ({
    type: 'logEntries',
    data: { entries: [{ at: now, ...entry }] },
  });
  const replies = await popup.send([
    log({ kind: 'water', ml: 250, day: '9999-12-31' }),
    log({ kind: 'water', ml: 250, day: '1970-01-01' }),
    log({ kind: 'set', exercise: 'zzzz', reps: 5 }),
    log({ kind: 'set', exercise: 'constructor', reps: 5 }),
    log({ kind: 'rest', reason: 'vacation', until: '2199-12-31' }),
    log({ kind: 'water', ml: 250, at: now + 86_400_000 }),
  ]);
  expect(replies.map((reply) => (reply as { error?: { key: string } }).error?.key)).toEqual([
    'invalid.dayMismatch',
    'invalid.dayMismatch',
    'invalid.unknownExercise',
    'invalid.unknownExercise',
    'invalid.restRange',
    'invalid.future',
  ]);
  expect(await storedEntries(worker)).toEqual([]);
});

test('a reset whose backup would not fit in storage is refused in words, and nothing changes', async ({
  extension,
  options,
}) => {
  const { page } = options;
  const worker = await extension.worker();
  await writeSampleHistory(worker, 20);
  // Something else fills storage.local to just under Chrome's 10 MiB quota.
  await worker.evaluate(async () => {
    const used = await chrome.storage.local.getBytesInUse(null);
    const room = chrome.storage.local.QUOTA_BYTES - used;
    await chrome.storage.local.set({ padding: 'x'.repeat(room - 100_000) });
  });
  const before = await storedEntries(worker);
  await page.getByRole('button', { name: 'Reset all data' }).click();
  await page.getByRole('button', { name: 'Yes, delete all my data' }).click();
  await expect
    .poll(() => dataMessage(page))
    .toContain('There is not enough room in browser storage to keep a backup');
  expect(await storedEntries(worker)).toEqual(before);
  await worker.evaluate(() => chrome.storage.local.remove('padding'));
});

test('a restore cut short by the worker stopping is finished on its next start, and the user told', async ({
  extension,
  options,
}) => {
  const worker = await extension.worker();
  await backupOfOneGlass(worker);
  // The restore's first write goes through; then the worker is stopped before it can go on.
  await worker.evaluate(() => {
    const never = () => new Promise<void>(() => {});
    for (const area of [
      chrome.storage.local,
      (globalThis as { browser?: typeof chrome }).browser?.storage.local,
    ])
      if (area) Object.assign(area, { remove: never });
    void (
      globalThis as unknown as { backbone: { handlers: { restoreBackup(data: unknown): unknown } } }
    ).backbone.handlers.restoreBackup({});
  });
  const restarted = await stopInTheMiddle(extension, options.page);
  await expect
    .poll(() => dataMessage(options.page), { timeout: 20_000 })
    .toContain('it has now been finished');
  expect(
    (await storedEntries(restarted)).map((entry) => (entry.kind === 'water' ? entry.ml : 0)),
  ).toEqual([777]);
});

test('an import cut short by the worker stopping is finished on its next start, and the user told', async ({
  extension,
  options,
}) => {
  const worker = await extension.worker();
  await writeSampleHistory(worker, 6);
  const file = JSON.parse(await exportJson(options.page)) as { entries: unknown[] };
  const half = Math.floor(file.entries.length / 2);
  const parts = [file.entries.slice(0, half), file.entries.slice(half)];
  for (const [part, entries] of parts.entries())
    await callHandler(worker, 'stageImport', { id: 'import1', part, entries });
  // The import's backup and first part are written; then the worker is stopped.
  await worker.evaluate(
    ([request]) => {
      // Writes go through until the journal and then one part of the entries are stored; every
      // write after that never ends (other writes, such as the badge's, do not count).
      let journal = false;
      let parts = 0;
      for (const area of [
        chrome.storage.local,
        (globalThis as { browser?: typeof chrome }).browser?.storage.local,
      ]) {
        if (!area) continue;
        const set = area.set.bind(area);
        Object.assign(area, {
          set: (items: Record<string, unknown>) => {
            if (parts >= 1) return new Promise<void>(() => {});
            if ('journal' in items) journal = true;
            else if (journal && Object.keys(items).some((key) => key.startsWith('entries.')))
              parts++;
            return set(items);
          },
        });
      }
      void (
        globalThis as unknown as {
          backbone: { handlers: { commitImport(data: unknown): unknown } };
        }
      ).backbone.handlers.commitImport(request);
    },
    [
      {
        id: 'import1',
        parts: 2,
        mode: 'replace',
        settings: DEFAULT_SETTINGS,
        customExercises: [],
      },
    ] as const,
  );
  const restarted = await stopInTheMiddle(extension, options.page);
  await expect
    .poll(() => dataMessage(options.page), { timeout: 20_000 })
    .toContain('An import of a file was interrupted');
  expect((await storedEntries(restarted)).length).toBe(file.entries.length);
});

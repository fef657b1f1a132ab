import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OPTIONS } from '../e2e/pages';
import { writeSampleHistory } from '../e2e/sample-history';
import { storedEntries } from '../e2e/storage';
import { expect, test } from './fixtures';
import type { LaunchedFirefox } from './launch';
import type { FirefoxPage } from './pages';

async function storedSettings(firefox: LaunchedFirefox): Promise<unknown> {
  return (await firefox.background.evaluate(() => chrome.storage.sync.get('settings'))).settings;
}

/** Clicks Export and returns the file Firefox saved, once it is complete. */
async function exportJson(firefox: LaunchedFirefox, options: FirefoxPage): Promise<string> {
  const before = new Set(await readdir(firefox.downloads));
  await options.click(OPTIONS.exportJson);
  let saved: string | undefined;
  const complete = async () => {
    const name = (await readdir(firefox.downloads)).find(
      (file) => file.endsWith('.json') && !before.has(file),
    );
    if (!name) return false;
    saved = join(firefox.downloads, name);
    // Firefox writes the file in steps: it is complete when it parses.
    return JSON.parse(await readFile(saved, 'utf8')) !== undefined;
  };
  await expect.poll(() => complete().catch(() => false), { timeout: 15_000 }).toBe(true);
  return saved!;
}

test('settings are checked as typed, refused while invalid, and saved once fixed', async ({
  firefox,
  options,
}) => {
  await options.fill(OPTIONS.postureEvery, '5');
  await expect
    .poll(() => options.page.evaluate(() => document.querySelector('[role="alert"]')?.textContent))
    .toBe('Intervals are from 10 to 480 minutes.');
  await options.page.keyboard.press('Tab');
  // The field keeps the focus, and nothing is saved.
  await expect
    .poll(() =>
      options.page.evaluate(
        () =>
          document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName,
      ),
    )
    .toBe('every-posture');
  expect(await options.text(OPTIONS.saved('posture'))).toBe('');
  expect(await storedSettings(firefox)).toBeUndefined();

  await options.fill(OPTIONS.postureEvery, '45');
  await options.page.keyboard.press('Tab');
  await expect.poll(() => options.text(OPTIONS.saved('posture'))).toBe('Saved');
  await options.fill(OPTIONS.bodyWeight, '80');
  await options.page.keyboard.press('Tab');
  await expect.poll(() => options.text(OPTIONS.saved('waterGoal'))).toBe('Saved');
  expect(await storedSettings(firefox)).toMatchObject({
    bodyWeightKg: 80,
    nudges: { posture: { everyMinutes: 45 } },
  });
});

test('export, reset, import: the same entries back', async ({ firefox, options }) => {
  await writeSampleHistory(firefox.background, 5);
  const before = (await storedEntries(firefox.background)).map((entry) => entry.id).sort();
  expect(before.length).toBeGreaterThan(20);
  const file = await exportJson(firefox, options);
  expect(JSON.parse(await readFile(file, 'utf8')).entries).toHaveLength(before.length);

  await options.click(OPTIONS.resetAll);
  await options.click(OPTIONS.confirmReset);
  await expect.poll(() => options.text(OPTIONS.dataMessage)).toContain('All data was deleted');
  expect(await storedEntries(firefox.background)).toEqual([]);

  await options.upload(OPTIONS.importFile, file);
  await expect
    .poll(() => options.text(OPTIONS.importPreview))
    .toMatch(/^This file adds \d+ entries; already here: 0\.$/);
  await options.click(OPTIONS.replaceAll);
  await expect.poll(() => options.text(OPTIONS.dataMessage)).toContain('Replaced');
  expect((await storedEntries(firefox.background)).map((entry) => entry.id).sort()).toEqual(before);
});

import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page as PlaywrightPage } from 'playwright-core';
import { clearStoredPhotos, seedCheckIns, storedPhotoIds, testJpeg } from '../e2e/checkin-pages';
import { OPTIONS } from '../e2e/pages';
import { callHandler, fireSoon } from '../e2e/worker';
import { expect, test } from './fixtures';
import { clickAlert, openedTab, shownAlert } from './internals';
import type { LaunchedFirefox } from './launch';
import { FirefoxPage } from './pages';

/** The check-in helpers evaluate in a page; puppeteer's pages do that the same way. */
const asPage = (page: FirefoxPage) => page.page as unknown as PlaywrightPage;

const CHECKIN = {
  path: 'checkin.html',
  weight: { label: 'Body weight (kg)' },
  save: { role: 'button', name: 'Save check-in' },
  saved: { text: 'Check-in saved.' },
  front: { label: 'Choose a file for the Front photo' },
  exportPhotos: { role: 'button', name: 'Export photos' },
  delete: { role: 'button', name: 'Delete', exact: true },
  confirmDelete: { role: 'button', name: 'Yes, delete this check-in and its photos' },
  storage: { testId: 'photo-storage' },
} as const;

/** A file Firefox downloaded with this ending, once it is complete. */
async function downloaded(firefox: LaunchedFirefox, ending: string, before: Set<string>) {
  let saved: Buffer | undefined;
  const complete = async () => {
    const name = (await readdir(firefox.downloads)).find(
      (file) => file.endsWith(ending) && !before.has(file),
    );
    if (!name) return false;
    saved = await readFile(join(firefox.downloads, name));
    return ending === '.zip' ? Object.keys(unzipSync(saved)).length > 0 : !!JSON.parse(`${saved}`);
  };
  await expect.poll(() => complete().catch(() => false), { timeout: 15_000 }).toBe(true);
  return saved!;
}

test('the weekly reminder fires as Firefox’s alert; clicking it opens the check-in page', async ({
  firefox,
}) => {
  await callHandler(firefox.background, 'saveCheckInReminder', {
    reminder: { enabled: true, weekday: 7, minute: 600 },
  });
  await fireSoon(firefox.background, 'checkin');
  const title = await shownAlert(firefox);
  expect(title).toBe('Weekly check-in: 1 minute');
  await clickAlert(firefox, title);
  const page = await openedTab(firefox, CHECKIN.path);
  await page.find({ role: 'heading', name: 'Weekly check-in' });
  await page.page.close();
});

test('a check-in with a photo from a file is stored; the photos export as a zip; deleting removes them', async ({
  firefox,
  options,
}) => {
  const page = new FirefoxPage(await firefox.open(CHECKIN.path));
  await page.find({ role: 'heading', name: 'Weekly check-in' });
  await page.fill(CHECKIN.weight, '80.4');
  await page.click(CHECKIN.save);
  await page.find(CHECKIN.saved);
  const file = join(firefox.downloads, 'front-photo.jpg');
  await writeFile(file, await testJpeg(asPage(page), 3000, 4000));
  await page.upload(CHECKIN.front, file);
  await page.page.waitForSelector('[data-pose="front"] img');
  expect(await storedPhotoIds(asPage(page))).toEqual([
    expect.stringMatching(/^\d{4}-\d{2}-\d{2}\.front$/),
  ]);

  const json = await downloadedExport(firefox, options);
  expect(json).toContain('"weightKg":80.4');
  expect(json).not.toMatch(/image\/jpeg|data:image|\/9j\//);

  const before = new Set(await readdir(firefox.downloads));
  await page.click(CHECKIN.exportPhotos);
  const files = unzipSync(new Uint8Array(await downloaded(firefox, '.zip', before)));
  const [image] = Object.values(files);
  const size = await page.page.evaluate(
    async (bytes: number[]) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)]));
      return [bitmap.width, bitmap.height];
    },
    [...image!],
  );
  expect(size).toEqual([1200, 1600]);

  await page.click(CHECKIN.delete);
  await page.click(CHECKIN.confirmDelete);
  await expect.poll(() => storedPhotoIds(asPage(page))).toEqual([]);
  await page.page.close();
});

async function downloadedExport(firefox: LaunchedFirefox, options: FirefoxPage) {
  const before = new Set(await readdir(firefox.downloads));
  await options.click(OPTIONS.exportJson);
  return `${await downloaded(firefox, '.json', before)}`;
}

test('Progress shows the measurements by week and compares two weeks’ photos', async ({
  firefox,
  progress,
}) => {
  await seedCheckIns(firefox.background, asPage(progress), 6);
  await firefox.navigate(progress.page, 'progress.html');
  await progress.find({ testId: 'checkin-progress' });
  await progress.page.waitForSelector('[data-testid="checkin-progress"] svg[role="img"]');
  await expect
    .poll(() => progress.text({ testId: 'change-since-start' }))
    .toMatch(/^Body weight: [−+]/);
  await progress.page.waitForSelector('[data-testid="photo-compare"] .overlay img.later');
  await clearStoredPhotos(asPage(progress));
});

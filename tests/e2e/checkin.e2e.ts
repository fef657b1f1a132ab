import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import {
  clearStoredPhotos,
  openCheckIn,
  seedCheckIns,
  storedPhotoIds,
  testJpeg,
} from './checkin-pages';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

async function choosePhoto(page: Page, pose: string, jpeg: Buffer) {
  await page
    .getByLabel(`Choose a file for the ${pose} photo`)
    .setInputFiles({ name: `${pose}.jpg`, mimeType: 'image/jpeg', buffer: jpeg });
  await page.locator(`[data-pose="${pose}"] img`).waitFor();
}

test('a check-in with a photo from a file is stored, the photo on this device only', async ({
  extension,
}) => {
  const page = await openCheckIn(extension);
  await page.getByLabel('Body weight (kg)').fill('80.4');
  await page.getByLabel('Waist (cm)').fill('86');
  await page.getByLabel('Looser').check();
  await page.getByLabel('Note').fill('New belt hole');
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toBe('Check-in saved.');
  await choosePhoto(page, 'front', await testJpeg(page, 1200, 1600));
  expect(await storedPhotoIds(page)).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}\.front$/)]);

  const worker = await extension.worker();
  const stored = await worker.evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    sync: await chrome.storage.sync.get(null),
  }));
  const [checkIn] = (stored.local.checkins as { checkIns: Record<string, unknown>[] }).checkIns;
  expect(checkIn).toMatchObject({
    weightKg: 80.4,
    lengthsCm: { waist: 86 },
    fit: 'looser',
    note: 'New belt hole',
    photos: ['front'],
  });
  const everything = JSON.stringify(stored);
  expect(everything).not.toMatch(/image\/jpeg|data:image|\/9j\//);
  expect(JSON.stringify(stored.sync.checkins)).not.toContain('New belt hole');
  expect((stored.sync.settings as { bodyWeightKg: number }).bodyWeightKg).toBe(80.4);
  await page.close();
});

test('an invalid measurement is refused at its field and nothing is saved', async ({
  extension,
}) => {
  const page = await openCheckIn(extension);
  await page.getByLabel('Waist (cm)').fill('500');
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect
    .poll(() => page.getByRole('alert').first().textContent())
    .toContain('Enter a measurement from 10 to 250 cm');
  await expect.poll(() => page.getByLabel('Waist (cm)').getAttribute('aria-invalid')).toBe('true');
  const worker = await extension.worker();
  expect(await worker.evaluate(() => chrome.storage.local.get('checkins'))).toEqual({});
  await page.close();
});

test('the photos export as a zip of images that open, and deleting removes them', async ({
  extension,
}) => {
  const page = await openCheckIn(extension);
  await choosePhoto(page, 'front', await testJpeg(page, 3000, 4000));
  await choosePhoto(page, 'side', await testJpeg(page, 1600, 1200));
  await expect.poll(() => page.getByTestId('photo-storage').textContent()).toContain('2 photos');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export photos' }).click(),
  ]);
  const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  const names = Object.keys(files).sort();
  expect(names).toEqual([
    expect.stringMatching(/^backbone-photos\/\d{4}-\d{2}-\d{2}-front\.jpg$/),
    expect.stringMatching(/^backbone-photos\/\d{4}-\d{2}-\d{2}-side\.jpg$/),
  ]);
  const sizes = await page.evaluate(
    async (images) =>
      Promise.all(
        images.map(async (bytes) => {
          const bitmap = await createImageBitmap(
            new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }),
          );
          return [bitmap.width, bitmap.height, bytes.length];
        }),
      ),
    names.map((name) => [...files[name]!]),
  );
  // Resized to 1,600 px on the long side, a few hundred kB at most.
  expect(sizes.map(([width, height]) => [width, height])).toEqual([
    [1200, 1600],
    [1600, 1200],
  ]);
  for (const [, , bytes] of sizes) expect(bytes).toBeLessThan(600_000);

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, delete this check-in and its photos' }).click();
  await expect.poll(() => storedPhotoIds(page)).toEqual([]);
  await expect.poll(() => page.getByTestId('photo-storage').textContent()).toContain('0 photos');
  await page.close();
});

test('the weekly reminder is turned on in the options, fires and opens the check-in page', async ({
  extension,
  options,
}) => {
  const worker = await extension.worker();
  expect(await worker.evaluate(() => chrome.alarms.get('checkin'))).toBeUndefined();
  await options.page.getByLabel('Remind me to check in each week').check();
  await expect
    .poll(() => options.page.getByTestId('saved-checkin-reminder').textContent())
    .toBe('Saved');
  await expect
    .poll(() => worker.evaluate(async () => (await chrome.alarms.get('checkin'))?.name))
    .toBe('checkin');

  // The alarm's own path, due now.
  await worker.evaluate(() => chrome.alarms.create('checkin', { when: Date.now() + 500 }));
  await expect
    .poll(() => worker.evaluate(async () => Object.keys(await chrome.notifications.getAll())))
    .toContain('checkin');
  const opened = extension.context.waitForEvent('page', {
    predicate: (page) => page.url().endsWith('/checkin.html'),
  });
  await worker.evaluate(() =>
    (
      globalThis as unknown as { backbone: { onNotificationClicked(id: string): Promise<void> } }
    ).backbone.onNotificationClicked('checkin'),
  );
  const page = await opened;
  await page.getByRole('heading', { name: 'Weekly check-in' }).waitFor();
  expect(
    await worker.evaluate(async () => Object.keys(await chrome.notifications.getAll())),
  ).toEqual([]);
  await page.close();
});

test('Progress shows the measurements by week and compares two weeks’ photos', async ({
  extension,
  progress,
}) => {
  const { page } = progress;
  const checkIns = await seedCheckIns(await extension.worker(), page, 8);
  await page.reload();
  const section = page.getByTestId('checkin-progress');
  await section.getByRole('img', { name: 'Body weight by week' }).waitFor();
  await section.getByRole('img', { name: 'Waist by week' }).waitFor();
  const first = checkIns[0]!.weightKg;
  const last = checkIns.at(-1)!.weightKg;
  const change = Math.round((last - first) * 10) / 10;
  await expect
    .poll(() => section.getByTestId('change-since-start').first().textContent())
    .toContain(`Body weight: −${Math.abs(change)} kg since`);
  expect(await section.getByTestId('checkin-streak').textContent()).toContain('best 8 weeks');
  const compare = section.getByTestId('photo-compare');
  await expect.poll(() => compare.locator('.side-by-side img').count()).toBe(2);
  await compare.getByLabel('Slide between the earlier and the later photo').fill('20');
  expect(await compare.locator('img.later').getAttribute('style')).toContain('20%)');
  await clearStoredPhotos(page);
});

test('an export of everything holds the check-ins and no image data', async ({
  extension,
  options,
}) => {
  const page = await openCheckIn(extension);
  await page.getByLabel('Body weight (kg)').fill('81');
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toBe('Check-in saved.');
  await choosePhoto(page, 'back', await testJpeg(page, 800, 1000));
  const [download] = await Promise.all([
    options.page.waitForEvent('download'),
    options.page.getByRole('button', { name: 'Export everything (JSON)' }).click(),
  ]);
  const text = await readFile((await download.path())!, 'utf8');
  const file = JSON.parse(text) as { checkIns: { weightKg: number; photos: string[] }[] };
  expect(file.checkIns).toEqual([expect.objectContaining({ weightKg: 81, photos: ['back'] })]);
  expect(text).not.toMatch(/image\/jpeg|data:image|\/9j\/|blob:/);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, delete this check-in and its photos' }).click();
  await expect.poll(() => storedPhotoIds(page)).toEqual([]);
  await page.close();
});

test('the check-in page and the comparison are axe-clean in light and dark', async ({
  extension,
  progress,
}) => {
  const page = await openCheckIn(extension);
  await seedCheckIns(await extension.worker(), page, 4);
  await page.reload();
  await choosePhoto(page, 'side', await testJpeg(page, 600, 800));
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), colorScheme).toEqual([]);
  }
  await progress.page.reload();
  await progress.page.locator('[data-testid="photo-compare"] .overlay img.later').waitFor();
  for (const colorScheme of ['light', 'dark'] as const) {
    await progress.page.emulateMedia({ colorScheme });
    expect(await seriousViolations(progress.page), colorScheme).toEqual([]);
  }
  await clearStoredPhotos(page);
  await page.close();
}, 90_000);

test('a check-in deleted on another browser takes its photos here with it', async ({
  extension,
}) => {
  const page = await openCheckIn(extension);
  await choosePhoto(page, 'front', await testJpeg(page, 600, 800));
  const [week] = (await storedPhotoIds(page)).map((id) => id.slice(0, 10));
  // Another browser deletes the week later: its deletion arrives through sync.
  const worker = await extension.worker();
  await worker.evaluate(async (week) => {
    const { handlers } = (
      globalThis as unknown as {
        backbone: { handlers: { deleteCheckIn(data: unknown): Promise<unknown> } };
      }
    ).backbone;
    const { checkins } = await chrome.storage.local.get('checkins');
    await handlers.deleteCheckIn({ week });
    // This browser's own item still holds the week, as it would before sync told it otherwise.
    await chrome.storage.local.set({ checkins });
    const { checkins: synced } = await chrome.storage.sync.get('checkins');
    await chrome.storage.sync.set({
      checkins: {
        ...(synced as object),
        d: (synced as { d: string }).d.replace(/,[0-9a-z]+,x/, ',zzz,x'),
      },
    });
  }, week!);
  await expect.poll(() => storedPhotoIds(page)).toEqual([]);
  await expect.poll(() => page.locator('[data-pose="front"] img').count()).toBe(0);
  await page.close();
});

import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { expect, test } from './fixtures';
import type { LaunchedExtension } from './launch';

/**
 * A generated test image (shapes and a gradient, never a photo of a person), as JPEG bytes drawn
 * in the page.
 */
export async function testJpeg(page: Page, width: number, height: number): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ([width, height]) => {
      const canvas = new OffscreenCanvas(width!, height!);
      const context = canvas.getContext('2d')!;
      const gradient = context.createLinearGradient(0, 0, width!, height!);
      gradient.addColorStop(0, '#0b6b61');
      gradient.addColorStop(1, '#f2c14e');
      context.fillStyle = gradient;
      context.fillRect(0, 0, width!, height!);
      for (let index = 0; index < 40; index++) {
        context.fillStyle = `hsl(${index * 37} 70% 50% / 0.6)`;
        context.beginPath();
        context.arc(
          (index * 997) % width!,
          (index * 613) % height!,
          (width! / 20) * (1 + (index % 3)),
          0,
          2 * Math.PI,
        );
        context.fill();
      }
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let text = '';
      for (let index = 0; index < bytes.length; index += 0x8000)
        text += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
      return btoa(text);
    },
    [width, height],
  );
  return Buffer.from(base64, 'base64');
}

/** The photos the page's IndexedDB keeps, as `week.pose` ids. */
export function storedPhotoIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open('backbone-photos');
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('photos')) return resolve([]);
          const keys = db.transaction('photos').objectStore('photos').getAllKeys();
          keys.onsuccess = () => resolve((keys.result as string[]).sort());
          keys.onerror = () => reject(keys.error);
        };
        request.onerror = () => reject(request.error);
      }),
  );
}

export async function openCheckIn(extension: LaunchedExtension): Promise<Page> {
  const page = await extension.context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(extension.url('checkin.html'));
  await page.getByRole('heading', { name: 'Weekly check-in' }).waitFor();
  // Photos outlive a test's clean storage: each test starts without any.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const request = indexedDB.open('backbone-photos');
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('photos')) return resolve();
          const clearing = db.transaction(['photos', 'thumbs'], 'readwrite');
          clearing.objectStore('photos').clear();
          clearing.objectStore('thumbs').clear();
          clearing.oncomplete = () => resolve();
        };
      }),
  );
  await page.reload();
  await page.getByRole('heading', { name: 'Weekly check-in' }).waitFor();
  return page;
}

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

/** A Monday `weeks` weeks before this week's. */
function mondayWeeksAgo(weeks: number): string {
  const date = new Date();
  date.setDate(date.getDate() - ((date.getDay() + 6) % 7) - weeks * 7);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Weekly check-ins through the worker's own handler, and front photos of some weeks. */
export async function seedCheckIns(extension: LaunchedExtension, page: Page, weeks: number) {
  const worker = await extension.worker();
  const checkIns = Array.from({ length: weeks }, (_, index) => ({
    week: mondayWeeksAgo(weeks - 1 - index),
    updatedAt: 0,
    weightKg: Math.round((86 - index * 0.35 + (index % 3) * 0.4) * 10) / 10,
    lengthsCm: { waist: Math.round((96 - index * 0.4) * 10) / 10, hips: 104 - index * 0.1 },
    fit: (['same', 'looser', 'same', 'looser'] as const)[index % 4],
    photos: index === 0 || index === weeks - 1 ? ['front' as const] : [],
  }));
  await worker.evaluate(async (checkIns) => {
    const { handlers } = (
      globalThis as unknown as {
        backbone: { handlers: { saveCheckIn(data: unknown): Promise<unknown> } };
      }
    ).backbone;
    for (const checkIn of checkIns) await handlers.saveCheckIn({ checkIn });
  }, checkIns);
  const photoWeeks = checkIns.filter((checkIn) => checkIn.photos.length).map(({ week }) => week);
  const jpegs = [await testJpeg(page, 300, 400), await testJpeg(page, 400, 300)];
  await page.evaluate(
    async ({ photoWeeks, jpegs }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('backbone-photos', 1);
        request.onupgradeneeded = () => {
          for (const name of ['photos', 'thumbs'])
            request.result.createObjectStore(name, { keyPath: 'id' }).createIndex('week', 'week');
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const writing = db.transaction(['photos', 'thumbs'], 'readwrite');
      photoWeeks.forEach((week, index) => {
        const blob = new Blob([new Uint8Array(jpegs[index]!)], { type: 'image/jpeg' });
        const record = { id: `${week}.front`, week, pose: 'front', bytes: blob.size, blob };
        writing.objectStore('photos').put(record);
        writing.objectStore('thumbs').put(record);
      });
      await new Promise((resolve) => (writing.oncomplete = resolve));
      db.close();
    },
    { photoWeeks, jpegs: jpegs.map((jpeg) => [...jpeg]) },
  );
  return checkIns;
}

test('Progress shows the measurements by week and compares two weeks’ photos', async ({
  extension,
  progress,
}) => {
  const { page } = progress;
  const checkIns = await seedCheckIns(extension, page, 8);
  await page.reload();
  const section = page.getByTestId('checkin-progress');
  await section.getByRole('img', { name: 'Body weight by week' }).waitFor();
  await section.getByRole('img', { name: 'waist by week' }).waitFor();
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
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const request = indexedDB.open('backbone-photos');
        request.onsuccess = () => {
          const clearing = request.result.transaction(['photos', 'thumbs'], 'readwrite');
          clearing.objectStore('photos').clear();
          clearing.objectStore('thumbs').clear();
          clearing.oncomplete = () => resolve();
        };
      }),
  );
});

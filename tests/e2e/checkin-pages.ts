/** The check-in page for the end-to-end tests and the benchmarks: test images, stored photos. */
import type { Page } from 'playwright-core';
import type { LaunchedExtension } from './launch';
import type { Background } from './worker';

/**
 * A generated test image (shapes and a gradient, never a photo of a person), as JPEG bytes drawn
 * in the page.
 */
export async function testJpeg(
  page: Page,
  width: number,
  height: number,
  /** Another variant draws its middle shape narrower: two weeks tell apart. */
  variant = 0,
): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ([width, height, variant]) => {
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
      context.fillStyle = 'rgb(240 240 235 / 0.85)';
      context.beginPath();
      context.ellipse(
        width! / 2,
        height! / 2,
        width! * (0.3 - variant! * 0.06),
        height! * 0.38,
        0,
        0,
        2 * Math.PI,
      );
      context.fill();
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let text = '';
      for (let index = 0; index < bytes.length; index += 0x8000)
        text += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
      return btoa(text);
    },
    [width, height, variant],
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

/** Removes every photo the add-on's IndexedDB keeps (a test's own, which outlive its storage). */
export async function clearStoredPhotos(page: Page): Promise<void> {
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
}

export async function openCheckIn(extension: LaunchedExtension): Promise<Page> {
  const page = await extension.context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(extension.url('checkin.html'));
  await page.getByRole('heading', { name: 'Weekly check-in' }).waitFor();
  // Photos outlive a test's clean storage: each test starts without any.
  await clearStoredPhotos(page);
  await page.reload();
  await page.getByRole('heading', { name: 'Weekly check-in' }).waitFor();
  return page;
}

/** A Monday `weeks` weeks before this week's. */
function mondayWeeksAgo(weeks: number): string {
  const date = new Date();
  date.setDate(date.getDate() - ((date.getDay() + 6) % 7) - weeks * 7);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Weekly check-ins through the worker's own handler, and front photos of some weeks. */
export async function seedCheckIns(worker: Background, page: Page, weeks: number) {
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
  const jpegs = [await testJpeg(page, 300, 400), await testJpeg(page, 300, 400, 1)];
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

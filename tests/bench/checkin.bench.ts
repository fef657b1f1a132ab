/**
 * The weekly check-in in headless Chromium with the built extension:
 * - checkin_photo_store_ms: a 12-megapixel JPEG (4,000 x 3,000, generated shapes) chosen on the
 *   check-in page, until it is resized, stored in IndexedDB and its thumbnail is drawn on
 *   screen (from the input's change event to the thumbnail's load event), median of 5;
 * - checkin_photo_bytes: the stored photo's size.
 */
import { launchExtension } from '../e2e/launch';
import { openCheckIn, storedPhotoIds, testJpeg } from '../e2e/checkin-pages';
import type { Benchmark, Figure } from './figures';
import { median } from './timing';

const RUNS = 5;

const benchmark: Benchmark = {
  title: 'check-in photos in Chromium',
  async run(): Promise<Figure[]> {
    const extension = await launchExtension();
    try {
      const page = await openCheckIn(extension);
      const jpeg = await testJpeg(page, 4000, 3000);
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        await page.evaluate(() => {
          const timing = globalThis as unknown as { chosenAt?: number; shownAt?: number };
          delete timing.chosenAt;
          delete timing.shownAt;
          document.addEventListener('change', () => (timing.chosenAt = performance.now()), {
            capture: true,
            once: true,
          });
          document.addEventListener(
            'load',
            (event) => {
              if ((event.target as Element).closest?.('[data-pose="front"]'))
                timing.shownAt = performance.now();
            },
            { capture: true },
          );
        });
        await page
          .getByLabel('Choose a file for the Front photo')
          .setInputFiles({ name: 'front.jpg', mimeType: 'image/jpeg', buffer: jpeg });
        await page.waitForFunction(
          () => (globalThis as unknown as { shownAt?: number }).shownAt !== undefined,
          undefined,
          { timeout: 30_000 },
        );
        times.push(
          await page.evaluate(() => {
            const timing = globalThis as unknown as { chosenAt: number; shownAt: number };
            return timing.shownAt - timing.chosenAt;
          }),
        );
      }
      const bytes = await page.evaluate(async () => {
        const request = indexedDB.open('backbone-photos');
        const db = await new Promise<IDBDatabase>(
          (resolve) => (request.onsuccess = () => resolve(request.result)),
        );
        const all = db.transaction('photos').objectStore('photos').getAll();
        const records = await new Promise<{ bytes: number }[]>(
          (resolve) => (all.onsuccess = () => resolve(all.result)),
        );
        return records[0]?.bytes ?? 0;
      });
      if ((await storedPhotoIds(page)).length !== 1)
        throw new Error('the photo was not stored once');
      return [
        { name: 'checkin_photo_store_ms', value: median(times), unit: 'ms', target: 1500 },
        { name: 'checkin_photo_bytes', value: bytes, unit: 'bytes' },
      ];
    } finally {
      await extension.close();
    }
  },
};

export default benchmark;

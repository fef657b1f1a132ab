/**
 * The popup as a user meets it, in headless Chromium with the built extension and a year of
 * history from three devices (this one through its own writer, two others through sync):
 * - popup_ready_ms: from navigation to `performance.mark('popup-ready')` (today's data on
 *   screen), median of repeated openings;
 * - popup_floor_ms: the same page with scripts switched off, to its load event: what any
 *   extension page costs here, measured in the same run;
 * - log_water_ms: from the click on a cup to the new total on screen;
 * - popup_js_css_gzip_bytes: every script and stylesheet popup.html loads, gzipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { localDayKey } from '../../lib/days';
import { CHROME_BUILD_DIR, launchExtension } from '../e2e/launch';
import { writeSampleHistory } from '../e2e/sample-history';
import type { Benchmark } from './figures';
import { writeOtherDevices } from './heavy-use';
import { median } from './timing';

const OPENINGS = 15;

function popupBytes(): number {
  const html = readFileSync(join(CHROME_BUILD_DIR, 'popup.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map(
    (match) => match[1]!,
  );
  return files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(CHROME_BUILD_DIR, file)), { level: 9 }).length,
    0,
  );
}

const benchmark: Benchmark = {
  title: 'popup in Chromium',
  async run() {
    const extension = await launchExtension();
    try {
      const worker = await extension.worker();
      await writeSampleHistory(worker, 365);
      await writeOtherDevices(worker, localDayKey(Date.now()));

      const ready: number[] = [];
      const floor: number[] = [];
      for (let index = 0; index <= OPENINGS; index++) {
        const page = await extension.context.newPage();
        await page.goto(extension.url('popup.html'));
        await page.waitForFunction(() => performance.getEntriesByName('popup-ready').length > 0);
        const at = await page.evaluate(
          () => performance.getEntriesByName('popup-ready')[0]!.startTime,
        );
        if (index > 0) ready.push(at); // the first opening warms the caches, as a user's first does
        await page.close();

        const blank = await extension.context.newPage();
        const session = await extension.context.newCDPSession(blank);
        await session.send('Emulation.setScriptExecutionDisabled', { value: true });
        await blank.goto(extension.url('popup.html'), { waitUntil: 'load' });
        const loaded = await blank.evaluate(
          () =>
            (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
              .loadEventEnd,
        );
        if (index > 0) floor.push(loaded);
        await blank.close();
      }

      const page = await extension.context.newPage();
      await page.goto(extension.url('popup.html'));
      await page.waitForFunction(() => performance.getEntriesByName('popup-ready').length > 0);
      const logWater: number[] = [];
      for (let index = 0; index < 10; index++) {
        await page.evaluate(() => {
          const total = document.querySelector('[data-testid="water-total"]')!;
          const timing: { clicked?: number; shown?: Promise<number> } = {};
          (globalThis as unknown as { timing: typeof timing }).timing = timing;
          document.addEventListener('click', () => (timing.clicked = performance.now()), {
            capture: true,
            once: true,
          });
          timing.shown = new Promise((resolve) =>
            new MutationObserver((_, observer) => {
              observer.disconnect();
              resolve(performance.now());
            }).observe(total, { characterData: true, childList: true, subtree: true }),
          );
        });
        await page.getByRole('button', { name: 'Add 250 ml' }).click();
        logWater.push(
          await page.evaluate(async () => {
            const timing = (
              globalThis as unknown as { timing: { clicked: number; shown: Promise<number> } }
            ).timing;
            return (await timing.shown) - timing.clicked;
          }),
        );
      }
      await page.close();

      const readyMs = median(ready);
      const floorMs = median(floor);
      return [
        { name: 'popup_ready_ms', value: readyMs, unit: 'ms' },
        { name: 'popup_floor_ms', value: floorMs, unit: 'ms' },
        { name: 'popup_ready_ratio', value: readyMs / floorMs, unit: '×', target: 1.5 },
        { name: 'popup_js_css_gzip_bytes', value: popupBytes(), unit: 'bytes', target: 25_000 },
        { name: 'log_water_ms', value: median(logWater), unit: 'ms', target: 16 },
      ];
    } finally {
      await extension.close();
    }
  },
};

export default benchmark;

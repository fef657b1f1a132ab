/**
 * The popup as a user meets it, in headless Chromium with the built extension and a year of
 * history from three devices (this one through its own writer, two others through sync):
 * - popup_ready_ms: from navigation to `performance.mark('popup-ready')` (today's data on
 *   screen: the worker's HTML of it, shown by the popup's first small script), median of 60
 *   openings (one of 30 moved by 0.08 in the ratio from run to run on a two-core machine);
 * - popup_interactive_ms: the same to `performance.mark('popup-interactive')`, once the popup's
 *   components have taken that HTML over and its controls answer;
 * - popup_floor_ms: the same page with scripts switched off, to its load event: what any
 *   extension page costs here, measured in the same run;
 * - log_water_ms: from the click on a cup to the new total on screen;
 * - popup_js_css_gzip_bytes: every script and stylesheet the popup has loaded when it marks
 *   `popup-interactive`, gzipped (what it loads later, on demand, is not counted);
 * - real_popup_width_px, real_popup_height_px: the toolbar popup as Chromium draws it (headed,
 *   opened with chrome.action.openPopup()), with the same year of history.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { gzipSync } from 'node:zlib';
import { CHROME_BUILD_DIR, launchExtension } from '../e2e/launch';
import { writeYearFromThreeDevices } from '../e2e/sample-history';
import type { Benchmark, Figure } from './figures';
import { median } from './timing';

const OPENINGS = 60;

/**
 * Opens popup.html and sums the gzipped scripts and stylesheets it had fetched by the time its
 * controls were live (extension resources are not in the page's resource timing: the browser's
 * own request events are).
 */
async function bytesBeforeInteractive(page: Page, url: string): Promise<number> {
  const fetched: { path: string; endedAt: number }[] = [];
  page.on('requestfinished', (request) => {
    const timing = request.timing();
    fetched.push({
      path: new URL(request.url()).pathname.slice(1),
      endedAt: timing.startTime + timing.responseEnd,
    });
  });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('popup-interactive').length > 0);
  const readyAt = await page.evaluate(
    () => performance.timeOrigin + performance.getEntriesByName('popup-interactive')[0]!.startTime,
  );
  return fetched
    .filter((file) => /\.(js|css)$/.test(file.path) && file.endedAt <= readyAt)
    .reduce(
      (sum, file) =>
        sum + gzipSync(readFileSync(join(CHROME_BUILD_DIR, file.path)), { level: 9 }).length,
      0,
    );
}

const benchmark: Benchmark = {
  title: 'popup in Chromium',
  async run() {
    const extension = await launchExtension();
    try {
      const worker = await extension.worker();
      await writeYearFromThreeDevices(worker);

      const ready: number[] = [];
      const interactive: number[] = [];
      const floor: number[] = [];
      for (let index = 0; index <= OPENINGS; index++) {
        const page = await extension.context.newPage();
        await page.goto(extension.url('popup.html'));
        const marks = ['popup-ready', 'popup-interactive'];
        await page.waitForFunction(
          (names) => names.every((name) => performance.getEntriesByName(name).length > 0),
          marks,
        );
        const [readyAt, interactiveAt] = await page.evaluate(
          (names) => names.map((name) => performance.getEntriesByName(name)[0]!.startTime),
          marks,
        );
        // The first opening warms the caches, as a user's first does.
        if (index > 0) {
          ready.push(readyAt!);
          interactive.push(interactiveAt!);
        }
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
      const bytes = await bytesBeforeInteractive(page, extension.url('popup.html'));
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
        await page.getByRole('button', { name: '+250 ml', exact: true }).click();
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
        { name: 'popup_interactive_ms', value: median(interactive), unit: 'ms' },
        { name: 'popup_floor_ms', value: floorMs, unit: 'ms' },
        { name: 'popup_ready_ratio', value: readyMs / floorMs, unit: '×', target: 1.3 },
        { name: 'popup_js_css_gzip_bytes', value: bytes, unit: 'bytes', target: 32_000 },
        { name: 'log_water_ms', value: median(logWater), unit: 'ms', target: 16 },
        ...(await realPopupSize()),
      ];
    } finally {
      await extension.close();
    }
  },
};

/** The real toolbar popup's size with a year of history from three devices. */
async function realPopupSize(): Promise<Figure[]> {
  const extension = await launchExtension({ headless: false });
  try {
    await writeYearFromThreeDevices(await extension.worker());
    const popup = await extension.openPopup();
    // The size settles once the full read (the repeat button among it) is on screen.
    await popup.getByRole('button', { name: /^Repeat: / }).waitFor();
    const size = await popup.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    return [
      { name: 'real_popup_width_px', value: size.width, unit: 'px' },
      { name: 'real_popup_height_px', value: size.height, unit: 'px', target: 600 },
    ];
  } finally {
    await extension.close();
  }
}

export default benchmark;

/**
 * A workout session in the real toolbar popup (headed Chromium, opened with
 * chrome.action.openPopup()), with a year of history from three devices:
 * - session_next_set_ms: from the click on "Log set" to the set stored and the rest's countdown
 *   on screen (the worker answers once the set and the session are stored; the popup draws the
 *   next set and the countdown from that answer), median over the sets of a back day.
 */
import { callHandler } from '../e2e/worker';
import { launchExtension } from '../e2e/launch';
import { writeYearFromThreeDevices } from '../e2e/sample-history';
import type { Benchmark } from './figures';
import { median } from './timing';

const SETS = 15;

const benchmark: Benchmark = {
  title: 'workout session (real popup)',
  async run() {
    const extension = await launchExtension({ headless: false });
    try {
      const worker = await extension.worker();
      await writeYearFromThreeDevices(worker);
      await callHandler(worker, 'startSession', { routine: 'backDay' });
      const popup = await extension.openPopup();
      const log = popup.getByTestId('log-session-set');
      await log.waitFor();
      const times: number[] = [];
      for (let set = 0; set < SETS; set++) {
        await popup.evaluate(() => {
          const shown = () =>
            `${document.querySelector('[data-testid="set-of"]')?.textContent}|${
              document.querySelector('[data-testid="rest"]') !== null
            }`;
          const before = shown();
          const timing: { clicked?: number; shown?: Promise<number> } = {};
          (globalThis as unknown as { timing: typeof timing }).timing = timing;
          document.addEventListener('click', () => (timing.clicked = performance.now()), {
            capture: true,
            once: true,
          });
          timing.shown = new Promise((resolve) => {
            const observer = new MutationObserver(() => {
              const now = shown();
              if (now === before || !now.endsWith('|true')) return;
              observer.disconnect();
              resolve(performance.now());
            });
            observer.observe(document.body, {
              childList: true,
              subtree: true,
              characterData: true,
            });
          });
        });
        await log.click();
        times.push(
          await popup.evaluate(async () => {
            const timing = (
              globalThis as unknown as { timing: { clicked: number; shown: Promise<number> } }
            ).timing;
            return (await timing.shown) - timing.clicked;
          }),
        );
      }
      const stored = (await callHandler(worker, 'endSession', {})) as {
        session?: { sets: unknown[] };
      };
      if (stored.session?.sets.length !== SETS) throw new Error('the sets were not all stored');
      return [{ name: 'session_next_set_ms', value: median(times), unit: 'ms', target: 50 }];
    } finally {
      await extension.close();
    }
  },
};

export default benchmark;

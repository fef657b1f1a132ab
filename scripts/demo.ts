/**
 * Opens every page of the built extension in headless Chromium with two months of sample
 * history, in light and dark themes, and saves screenshots to demo/ so anyone can see Backbone
 * without a display; then the real toolbar popup, as Chromium draws it (headed, under a virtual
 * display when there is none), light and dark; and a workout session in it: mid-rest, at the
 * last set, and its summary.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchExtension } from '../tests/e2e/launch';
import { DEMO_PAGES } from '../tests/e2e/pages';
import { writeSampleHistory } from '../tests/e2e/sample-history';
import { callHandler } from '../tests/e2e/worker';
import type { Page } from 'playwright-core';

const outDir = resolve(import.meta.dirname, '../demo');
mkdirSync(outDir, { recursive: true });

const extension = await launchExtension();
try {
  await writeSampleHistory(await extension.worker());
  for (const { name, path, viewport } of DEMO_PAGES) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await extension.context.newPage();
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      await page.goto(extension.url(path));
      await page.waitForLoadState('networkidle');
      const file = resolve(outDir, `${name}-${colorScheme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`saved ${file}`);
      await page.close();
    }
  }
} finally {
  await extension.close();
}

/** The real popup, opened as a click on the toolbar icon does, sized by Chromium itself. */
const headed = await launchExtension({ headless: false });
try {
  await writeSampleHistory(await headed.worker());
  for (const colorScheme of ['light', 'dark'] as const) {
    const popup = await headed.openPopup();
    await popup.emulateMedia({ colorScheme });
    await popup.getByRole('button', { name: /^Repeat: / }).waitFor();
    const file = resolve(outDir, `real-popup-${colorScheme}.png`);
    await popup.screenshot({ path: file });
    const { width, height } = await popup.evaluate(() => ({
      width: innerWidth,
      height: innerHeight,
    }));
    console.log(`saved ${file} (the real popup, ${width} x ${height} px)`);
    await popup.close();
  }
  await demoSession(await headed.worker(), headed.openPopup);
} finally {
  await headed.close();
}

/** Both themes of the popup as it is now, under `name`. */
async function shoot(popup: Page, name: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    const file = resolve(outDir, `${name}-${colorScheme}.png`);
    await popup.screenshot({ path: file });
    console.log(`saved ${file}`);
  }
}

/** A back day in the real popup: a set logged and the rest running, the last set, the summary. */
async function demoSession(worker: Parameters<typeof callHandler>[0], open: () => Promise<Page>) {
  await callHandler(worker, 'startSession', { routine: 'backDay' });
  const popup = await open();
  const logSet = popup.getByTestId('log-session-set');
  await logSet.click();
  await popup.getByTestId('rest').waitFor();
  await shoot(popup, 'session-rest');
  for (const slot of [0, 1, 2, 3, 4]) await callHandler(worker, 'skipSessionExercise', { slot });
  await logSet.click();
  await popup.getByText('Set 2 of 3').waitFor();
  await logSet.click();
  await popup.getByText('Set 3 of 3').waitFor();
  await shoot(popup, 'session-last-set');
  await logSet.click();
  await popup.getByRole('button', { name: 'End' }).click();
  await popup.getByTestId('session-summary').waitFor();
  await shoot(popup, 'session-summary');
  await popup.close();
}

/**
 * Opens every page of the built extension in headless Chromium with two months of sample
 * history, in light and dark themes, and saves screenshots to demo/ so anyone can see Backbone
 * without a display; then the real toolbar popup, as Chromium draws it (headed, under a virtual
 * display when there is none), light and dark. The check-in page and the photo comparison on
 * the progress page show eight weeks of check-ins with generated test images (shapes, never
 * photos of people).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchExtension } from '../tests/e2e/launch';
import { DEMO_PAGES } from '../tests/e2e/pages';
import { writeSampleHistory } from '../tests/e2e/sample-history';
import { seedCheckIns } from '../tests/e2e/checkin-pages';

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
  const seeding = await extension.context.newPage();
  await seeding.goto(extension.url('checkin.html'));
  await seedCheckIns(await extension.worker(), seeding, 8);
  await seeding.close();
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await extension.context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.emulateMedia({ colorScheme });
    await page.goto(extension.url('checkin.html'));
    await page.locator('[data-pose="front"] img').waitFor();
    const file = resolve(outDir, `checkin-${colorScheme}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`saved ${file}`);
    await page.goto(extension.url('progress.html'));
    const section = page.getByTestId('checkin-progress');
    await section.locator('.overlay img.later').waitFor();
    const comparison = resolve(outDir, `checkin-progress-${colorScheme}.png`);
    await section.screenshot({ path: comparison });
    console.log(`saved ${comparison}`);
    await page.close();
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
} finally {
  await headed.close();
}

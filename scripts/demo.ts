/**
 * Opens every page of the built extension in headless Chromium with two months of sample
 * history, in light and dark themes, and saves screenshots to demo/ so anyone can see Backbone
 * without a display.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchExtension } from '../tests/e2e/launch';
import { DEMO_PAGES } from '../tests/e2e/pages';
import { writeSampleHistory } from '../tests/e2e/sample-history';

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

/**
 * Opens every page of the built extension in headless Chromium with two months of sample
 * history, in light and dark themes, and saves screenshots to demo/ so anyone can see Backbone
 * without a display; then the real toolbar popup, as Chromium draws it (headed, under a virtual
 * display when there is none), light and dark; then the same in other languages (below).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchExtension } from '../tests/e2e/launch';
import { DEMO_PAGES } from '../tests/e2e/pages';
import { writeSampleHistory } from '../tests/e2e/sample-history';
import { LANGUAGES } from './translations';

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
} finally {
  await headed.close();
}

/**
 * Backbone as speakers of other languages see it, each in a browser whose UI language it is:
 * the real popup, welcome, options and Progress in demo/<language>/ for the languages a
 * reviewer reads through; and for every language Backbone ships, the store listing's two
 * 1280 x 800 screenshots (store/<language>/): the real popup on the brand colour, and Progress.
 */
const REVIEWED = new Set(['de', 'ja', 'ru']);
const STORE_SIZE = { width: 1280, height: 800 };

for (const folder of LANGUAGES) {
  const language = folder.replace('_', '-');
  const browser = await launchExtension({ headless: false, language });
  try {
    const worker = await browser.worker();
    await writeSampleHistory(worker);
    const said = await worker.evaluate(() => chrome.i18n.getUILanguage());
    const popup = await browser.openPopup();
    await popup.waitForLoadState('networkidle');
    const popupShot = await popup.screenshot();
    const storeDir = resolve(import.meta.dirname, '../store', folder);
    mkdirSync(storeDir, { recursive: true });
    const stage = await browser.context.newPage();
    await stage.setViewportSize(STORE_SIZE);
    await stage.setContent(
      `<body style="margin:0;height:100vh;display:grid;place-items:center;background:#0f766e">` +
        `<img style="box-shadow:0 8px 32px #0006;border-radius:8px" ` +
        `src="data:image/png;base64,${popupShot.toString('base64')}"></body>`,
    );
    await stage.screenshot({ path: resolve(storeDir, 'screenshot-popup.png') });
    await stage.setViewportSize(STORE_SIZE);
    await stage.goto(browser.url('progress.html'));
    await stage.waitForLoadState('networkidle');
    await stage.screenshot({ path: resolve(storeDir, 'screenshot-progress.png') });
    await stage.close();
    console.log(`saved ${storeDir}/screenshot-*.png (UI language ${said})`);
    if (REVIEWED.has(folder)) {
      const dir = resolve(outDir, folder);
      mkdirSync(dir, { recursive: true });
      writeFileSync(resolve(dir, 'real-popup.png'), popupShot);
      for (const { name, path, viewport } of DEMO_PAGES.filter((page) =>
        ['welcome', 'options', 'progress'].includes(page.name),
      )) {
        const page = await browser.context.newPage();
        await page.setViewportSize(viewport);
        await page.goto(browser.url(path));
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: resolve(dir, `${name}.png`), fullPage: true });
        await page.close();
      }
      console.log(`saved ${dir}/*.png`);
    }
    // The popup closed itself when another page took the focus.
  } finally {
    await browser.close();
  }
}

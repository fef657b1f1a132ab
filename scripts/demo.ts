/**
 * Saves screenshots to demo/ so anyone can see Backbone without a display:
 * - every page of the built extension in headless Chromium with five weeks of sample history,
 *   light and dark; the options again in imperial units; Progress again with a year of history;
 * - the real toolbar popup, as Chromium draws it (headed, under a virtual display when there is
 *   none), in each state a user reaches: first run, a paused day, time off in progress, and with
 *   a year of history its Now view (light and dark), the pause menu, the time-off form, the set
 *   form with the last session and a record, today's log with 20 entries;
 * - the weekly check-in page and the photo comparison on Progress, light and dark, with eight
 *   weeks of check-ins and generated test images (shapes, never photos of people);
 * - a workout session in the real popup: mid-rest, at the last set, and its summary, light and
 *   dark.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, type LaunchedExtension } from '../tests/e2e/launch';
import { DEMO_PAGES, OptionsPage, ProgressPage } from '../tests/e2e/pages';
import { writeSampleHistory, writeYearFromThreeDevices } from '../tests/e2e/sample-history';
import { callHandler } from '../tests/e2e/worker';
import { seedCheckIns } from '../tests/e2e/checkin-pages';
import { addDays, localDayKey } from '../lib/model/days';
import { DEFAULT_SETTINGS } from '../lib/model/settings';
import { LANGUAGES } from './translations';

const outDir = resolve(import.meta.dirname, '../demo');
mkdirSync(outDir, { recursive: true });
const SCHEMES = ['light', 'dark'] as const;
const FIVE_WEEKS = 35;

async function saveShot(page: Page, name: string, fullPage = true): Promise<void> {
  const file = resolve(outDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  const { width, height } = await page.evaluate(() => ({
    width: innerWidth,
    height: document.documentElement.scrollHeight,
  }));
  console.log(`saved ${file} (${width} x ${height} px)`);
}

/** Each page in light and dark, saved as `<name><suffix>-<scheme>.png`. */
async function shootPages(
  extension: LaunchedExtension,
  pages: typeof DEMO_PAGES,
  suffix = '',
): Promise<void> {
  for (const { name, path, viewport } of pages) {
    for (const colorScheme of SCHEMES) {
      const page = await extension.context.newPage();
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      await page.goto(extension.url(path));
      await page.waitForLoadState('networkidle');
      await saveShot(page, `${name}${suffix}-${colorScheme}`);
      await page.close();
    }
  }
}

/** The check-in page and the comparison of two weeks' photos on Progress. */
async function shootCheckIns(extension: LaunchedExtension): Promise<void> {
  const seeding = await extension.context.newPage();
  await seeding.goto(extension.url('checkin.html'));
  await seedCheckIns(await extension.worker(), seeding, 8);
  await seeding.close();
  for (const colorScheme of SCHEMES) {
    const page = await extension.context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.emulateMedia({ colorScheme });
    await page.goto(extension.url('checkin.html'));
    await page.locator('[data-pose="front"] img').waitFor();
    await saveShot(page, `checkin-${colorScheme}`);
    await page.goto(extension.url('progress.html'));
    const section = page.getByTestId('checkin-progress');
    await section.locator('.overlay img.later').waitFor();
    await section.screenshot({ path: resolve(outDir, `checkin-progress-${colorScheme}.png`) });
    console.log(`saved ${resolve(outDir, `checkin-progress-${colorScheme}.png`)}`);
    await page.close();
  }
}

const only = (...paths: string[]) => DEMO_PAGES.filter((page) => paths.includes(page.path));

const extension = await launchExtension();
try {
  const worker = await extension.worker();
  await writeSampleHistory(worker, FIVE_WEEKS);
  await shootPages(extension, DEMO_PAGES);
  await shootCheckIns(extension);
  await callHandler(worker, 'saveSettings', {
    settings: { ...DEFAULT_SETTINGS, units: 'imperial', cupsMl: [237, 473], bodyWeightKg: 80 },
  });
  await shootPages(extension, only(OptionsPage.path, 'popup.html'), '-imperial');
} finally {
  await extension.close();
}

const yearOfHistory = await launchExtension();
try {
  await writeYearFromThreeDevices(await yearOfHistory.worker());
  await shootPages(yearOfHistory, only(ProgressPage.path), '-year');
} finally {
  await yearOfHistory.close();
}

/** The real popup, opened as a click on the toolbar icon does, sized by Chromium itself. */
async function realPopup(headed: LaunchedExtension, colorScheme: 'light' | 'dark' = 'light') {
  const popup = await headed.openPopup();
  await popup.emulateMedia({ colorScheme });
  return popup;
}

/** Waits until Chrome has resized the popup to its content, then saves it as drawn. */
async function saveSettled(popup: Page, name: string): Promise<void> {
  let last = '';
  for (let tries = 0; tries < 20; tries++) {
    const size = await popup.evaluate(() => `${innerWidth}x${innerHeight}`);
    if (size === last) break;
    last = size;
    await popup.waitForTimeout(150);
  }
  await saveShot(popup, `real-popup-${name}`, false);
}

const fresh = await launchExtension({ headless: false });
try {
  const worker = await fresh.worker();
  const popup = await realPopup(fresh);
  await popup.getByTestId('first-run').waitFor();
  await saveSettled(popup, 'first-run');
  await callHandler(worker, 'pauseNudges', { choice: 'tomorrow' });
  await popup.getByText(/^Nudges paused until/).waitFor();
  await saveSettled(popup, 'paused-day');
  await callHandler(worker, 'resumeNudges');
  const today = localDayKey(Date.now());
  await callHandler(worker, 'takeTimeOff', {
    reason: 'vacation',
    from: today,
    until: addDays(today, 5),
  });
  await popup.getByText(/^Time off until/).waitFor();
  await saveSettled(popup, 'time-off-in-progress');
  await popup.close();
} finally {
  await fresh.close();
}

const headed = await launchExtension({ headless: false });
try {
  const worker = await headed.worker();
  await writeYearFromThreeDevices(worker);
  for (const colorScheme of SCHEMES) {
    const popup = await realPopup(headed, colorScheme);
    await popup.getByRole('button', { name: /^Repeat: / }).waitFor();
    await saveSettled(popup, colorScheme);
    await popup.close();
  }
  const popup = await realPopup(headed);
  await popup.getByRole('button', { name: /^Repeat: / }).waitFor();
  await popup.getByText('Pause', { exact: true }).click();
  await popup.getByRole('button', { name: 'Time off…' }).waitFor();
  await saveSettled(popup, 'pause-menu');
  await popup.getByRole('button', { name: 'Time off…' }).click();
  await popup.getByLabel('Last day').waitFor();
  await saveSettled(popup, 'time-off-form');
  await popup.getByRole('button', { name: 'Cancel' }).click();

  await popup.getByRole('button', { name: 'Other exercise', exact: true }).click();
  await popup.getByRole('combobox', { name: 'Search exercises' }).fill('deadl');
  await popup.getByRole('combobox', { name: 'Search exercises' }).press('Enter');
  await popup.getByLabel('Reps', { exact: true }).fill('5');
  await popup.getByLabel('Weight (kg)', { exact: true }).fill('250');
  await popup.getByRole('button', { name: 'Log set' }).click();
  await popup.getByTestId('record-banner').waitFor();
  await saveSettled(popup, 'set-form-record');
  await popup.getByRole('button', { name: 'Close', exact: true }).click();

  await callHandler(worker, 'logEntries', {
    entries: Array.from({ length: 19 }, (_, index) => ({
      kind: 'water',
      ml: 100 + index * 10,
      at: Date.now() - index * 1_000, // seconds apart: all of today, even just after midnight
    })),
  });
  await popup.getByText("Today's log").click();
  await popup.getByTestId('today-log').locator('li').nth(19).waitFor();
  await saveSettled(popup, 'today-log-20');
  await popup.close();
  await demoSession(worker, headed);
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
/** The popup as it is now, in both themes, as `session-<name>-<scheme>.png`. */
async function shootSession(popup: Page, name: string) {
  for (const colorScheme of SCHEMES) {
    await popup.emulateMedia({ colorScheme });
    await saveSettled(popup, `session-${name}-${colorScheme}`);
  }
}

/** A back day in the real popup: a set logged and the rest running, the last set, the summary. */
async function demoSession(worker: Parameters<typeof callHandler>[0], headed: LaunchedExtension) {
  await callHandler(worker, 'startSession', { routine: 'backDay' });
  const popup = await realPopup(headed);
  const logSet = popup.getByTestId('log-session-set');
  await logSet.click();
  await popup.getByTestId('rest').waitFor();
  await shootSession(popup, 'rest');
  for (const slot of [0, 1, 2, 3, 4]) await callHandler(worker, 'skipSessionExercise', { slot });
  await logSet.click();
  await popup.getByText('Set 2 of 3').waitFor();
  await logSet.click();
  await popup.getByText('Set 3 of 3').waitFor();
  await shootSession(popup, 'last-set');
  await logSet.click();
  await popup.getByRole('button', { name: 'End' }).click();
  await popup.getByTestId('session-summary').waitFor();
  await shootSession(popup, 'summary');
  await popup.close();
}

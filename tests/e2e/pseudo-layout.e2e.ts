/**
 * Layouts that survive longer languages: the build in the pseudo-language (every message about
 * 40 % longer, accented, bracketed; scripts/pseudo-locale.ts), then Chromium in German and in
 * Japanese; the real toolbar popup at 380 px in the states a user reaches, and every page at the
 * size a user sees it. Nothing may run off the side, be cut, or make a page scroll sideways;
 * fields keep room to type in. Last, the everyday popup in each of the ten languages fits 600 px.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD_DIR, launchExtension, type LaunchedExtension } from './launch';
import { layoutProblems } from './layout';
import { DEMO_PAGES } from './pages';
import { writeSampleHistory, writeYearFromThreeDevices } from './sample-history';
import { aVariationDay } from './workout-days';
import { makePseudoBuild } from '../../scripts/pseudo-locale';
import { LANGUAGES as SHIPPED, readMessages } from '../../scripts/translations';

const PSEUDO_BUILD_DIR = resolve(CHROME_BUILD_DIR, '../chrome-mv3-pseudo');

/** Whether the real popup fits 600 px: no scroll either way, its 380 px, nothing cut. */
async function fits600(popup: Page) {
  await expect
    .poll(() =>
      popup.evaluate(() => ({
        scrolls: document.documentElement.scrollHeight > innerHeight,
        height: innerHeight,
        width: document.documentElement.clientWidth,
      })),
    )
    .toEqual({ scrolls: false, height: expect.any(Number), width: 380 });
  expect(await popup.evaluate(() => innerHeight)).toBeLessThanOrEqual(600);
  await expect.poll(() => layoutProblems(popup)).toEqual([]);
}

/** How each language is started, and its messages by dotted key. */
const LANGUAGES = [
  {
    name: 'a pseudo-language about 40 % longer than English',
    // Longer than any language: its popup may scroll down, but never sideways.
    fitsHeight: false,
    start: () => {
      const message = makePseudoBuild(CHROME_BUILD_DIR, PSEUDO_BUILD_DIR);
      return { message, options: { extensionDir: PSEUDO_BUILD_DIR } };
    },
  },
  ...['de', 'ja'].map((language) => ({
    name: language,
    fitsHeight: true,
    start: async () => {
      const messages = await readMessages(language);
      return { message: (key: string) => messages.get(key)!, options: { language } };
    },
  })),
];

describe.each(LANGUAGES)('in $name', ({ start, fitsHeight }) => {
  let extension: LaunchedExtension;
  let say: (key: string) => string;
  let launchOptions: Parameters<typeof launchExtension>[0];

  beforeAll(async () => {
    const { message, options } = await start();
    say = message;
    launchOptions = { ...options, headless: false };
    extension = await launchExtension(launchOptions);
  });
  afterAll(async () => {
    await extension?.close();
  });

  it('the real popup keeps its 380 px and nothing in it is cut, in each state it opens', async () => {
    const popup = await extension.openPopup();
    const check = async (state: string) => {
      // Chrome resizes the popup a moment after its content changes: the layout is waited for.
      await expect.poll(() => layoutProblems(popup), { message: state }).toEqual([]);
      await expect
        .poll(() => popup.evaluate(() => document.documentElement.clientWidth), {
          message: `${state}: width`,
        })
        .toBe(380);
    };
    await check('today');
    await popup.getByText(say('popup.pauseMenu'), { exact: true }).click();
    await expect
      .poll(() => popup.getByRole('button', { name: say('timeOff.menu') }).isVisible())
      .toBe(true);
    await check('pause menu open');
    await popup.getByRole('button', { name: say('timeOff.menu') }).click();
    await expect
      .poll(() => popup.getByRole('button', { name: say('timeOff.submit') }).isVisible())
      .toBe(true);
    await check('time-off form');
    await popup.getByRole('button', { name: say('timeOff.cancel') }).click();
    await popup.getByRole('button', { name: say('popup.quickSet'), exact: true }).click();
    await expect
      .poll(() => popup.getByRole('button', { name: say('popup.logSet') }).isVisible())
      .toBe(true);
    await check('set form');
    await popup.getByRole('button', { name: say('popup.logSet') }).click();
    await check('set form after a refused set');
  });

  // The popup as a tab is not the popup: the real one is above.
  const pages = DEMO_PAGES.filter((page) => page.name !== 'popup');
  it.each(pages)('the $name page is drawn whole at its size', async ({ path, viewport }) => {
    const page = await extension.context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(extension.url(path));
    await page.waitForLoadState('networkidle');
    await expect.poll(() => layoutProblems(page)).toEqual([]);
    await page.close();
  });

  // In a browser of its own: the days it writes would change the pages above and below.
  it.runIf(fitsHeight)(
    'with the variation suggestion (a long routine name), the real popup fits 600 px',
    async () => {
      const own = await launchExtension(launchOptions);
      try {
        await aVariationDay(await own.worker());
        const popup = await own.openPopup();
        await expect
          .poll(() => popup.getByTestId('suggestion').textContent())
          .toContain(say('routine.name.backDayB'));
        // Why it is offered, on demand: after four weeks of the back day.
        expect(await popup.getByTestId('suggestion').locator('p').getAttribute('title')).toContain(
          say('routine.name.backDay'),
        );
        await fits600(popup);
      } finally {
        await own.close();
      }
    },
  );

  // Last, as the history it writes would change the pages above.
  it.runIf(fitsHeight)(
    'with a year of history and a suggestion, the real popup fits 600 px without scrolling',
    async () => {
      await writeYearFromThreeDevices(await extension.worker());
      const popup = await extension.openPopup();
      await expect.poll(() => popup.getByTestId('suggestion').count()).toBe(1);
      await fits600(popup);
    },
  );
});

// Each language in a browser started in it: the everyday popup, with a suggestion and a set to
// repeat (in the longer languages both take two lines), fits 600 px.
describe('in every language Backbone ships', () => {
  it.each(SHIPPED)('%s: the real popup with two months of history fits 600 px', async (folder) => {
    const own = await launchExtension({ headless: false, language: folder.replace('_', '-') });
    try {
      await writeSampleHistory(await own.worker());
      const popup = await own.openPopup();
      // Today's log comes last, with every other part that follows the first paint.
      await expect.poll(() => popup.locator('details.card > summary').count()).toBe(1);
      await fits600(popup);
      // The Repeat label, on two lines in some languages, breaks before its set, never inside.
      const set = popup.getByRole('button', { name: /\d/ }).locator('.kept');
      expect(await set.evaluate((kept) => kept.getClientRects().length)).toBe(1);
    } finally {
      await own.close();
    }
  });
});

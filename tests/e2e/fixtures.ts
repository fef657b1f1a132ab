/// <reference types="chrome" />
import { test as base, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type LaunchedExtension } from './launch';
import { watchForProblems } from './problems';
import { OptionsPage, PopupPage, ProgressPage, type ExtensionPage } from './pages';
import { oncePerWorker } from '../once-per-worker';
import { alarmsAfterInstall, cleanSlate, clearNotifications } from './worker';

type Prepared = LaunchedExtension & {
  problems: string[];
  alarmsAtInstall: string[];
  /** Tabs a test finished with, emptied, for the next page to open in. */
  spareTabs: Page[];
};

interface Fixtures {
  /** Headed Chromium (under a virtual display when there is none): the real toolbar popup. */
  headed: boolean;
  /**
   * A browser of the file's own, for a file that changes the whole browser for the files after
   * it (Playwright's clock is the context's: once installed, every later page runs on it).
   */
  ownBrowser: boolean;
  extension: Prepared;
  failOnProblems: void;
  popup: PopupPage;
  options: OptionsPage;
  progress: ProgressPage;
}

interface WorkerFixtures {
  /** The worker's headless Chromium, started when a file first needs it. */
  sharedExtension: () => Promise<Prepared>;
}

/**
 * A tab for a page: a spare one when there is one. A new tab costs Chromium about twice the CPU
 * of a navigation (its own renderer for the blank page, then the switch to the extension's), and
 * the suite opens one for most of its tests.
 */
async function tabFor(extension: Prepared): Promise<Page> {
  for (let spare = extension.spareTabs.pop(); spare; spare = extension.spareTabs.pop()) {
    if (spare.isClosed()) continue;
    // In front, as a new tab is: Chromium throttles the timers and frames of a hidden one.
    await spare.bringToFront();
    return spare;
  }
  const page = await extension.context.newPage();
  newTabSizes.set(page, page.viewportSize());
  return page;
}

/** Each tab's size when new (none when headed, where the window decides). */
const newTabSizes = new WeakMap<Page, { width: number; height: number } | null>();

/** Empties a page's tab, as a new one would be, and keeps it for the next page. */
async function putAway(extension: Prepared, page: Page): Promise<void> {
  if (page.isClosed()) return;
  await page.goto('about:blank');
  await page.emulateMedia({ media: null, colorScheme: null, reducedMotion: null });
  const size = newTabSizes.get(page);
  if (size) await page.setViewportSize(size);
  extension.spareTabs.push(page);
}

async function openPage<P extends ExtensionPage>(
  extension: Prepared,
  PageObject: { new (page: Page): P; path: string },
): Promise<P> {
  const page = await tabFor(extension);
  // A locator that finds nothing fails in seconds, naming itself, rather than at the test timeout.
  page.setDefaultTimeout(5_000);
  await page.goto(extension.url(PageObject.path));
  return new PageObject(page);
}

async function launchWatched(headless: boolean): Promise<Prepared> {
  const extension = await launchExtension({ headless });
  const problems = watchForProblems(extension.context);
  return {
    ...extension,
    problems,
    alarmsAtInstall: await alarmsAfterInstall(await extension.worker()),
    spareTabs: [],
  };
}

/**
 * A file starts where a fresh browser would: its tabs are the blank one, the welcome page the
 * install opened (while no test has closed it) and the emptied spare ones, and no notification
 * is showing.
 */
async function tidyForNextFile(extension: Prepared): Promise<void> {
  const [blank, ...others] = extension.context.pages();
  if (!blank) await extension.context.newPage();
  const kept = (page: Page) =>
    page.url().endsWith('/welcome.html') || extension.spareTabs.includes(page);
  await Promise.all(others.filter((page) => !kept(page)).map((page) => page.close()));
  await clearNotifications(await extension.worker());
}

/**
 * Starting Chromium with the extension is the slow part (about four CPU seconds with its
 * install), so the headless files of one vitest worker share one browser, each file starting
 * from a tidied one and each test from empty storage. A headed file gets its own, as does a
 * file that asks for one.
 */
export const test = base.extend<Fixtures & WorkerFixtures>({
  sharedExtension: [oncePerWorker(() => launchWatched(true)), { scope: 'worker' }],
  headed: [false, { scope: 'file' }],
  ownBrowser: [false, { scope: 'file' }],
  extension: [
    async ({ headed, ownBrowser, sharedExtension }, use) => {
      if (headed || ownBrowser) {
        const own = await launchWatched(!headed);
        await use(own);
        await own.close();
        return;
      }
      const shared = await sharedExtension();
      await tidyForNextFile(shared);
      await use(shared);
    },
    { scope: 'file' },
  ],
  failOnProblems: [
    async ({ extension }, use) => {
      await cleanSlate(await extension.worker());
      extension.problems.length = 0;
      await use();
      expect(extension.problems, 'console errors or network requests').toEqual([]);
    },
    { auto: true },
  ],
  popup: async ({ extension }, use) => {
    const popup = await openPage(extension, PopupPage);
    await use(popup);
    await putAway(extension, popup.page);
  },
  options: async ({ extension }, use) => {
    const options = await openPage(extension, OptionsPage);
    await use(options);
    await putAway(extension, options.page);
  },
  progress: async ({ extension }, use) => {
    const progress = await openPage(extension, ProgressPage);
    await use(progress);
    await putAway(extension, progress.page);
  },
});

export { expect };

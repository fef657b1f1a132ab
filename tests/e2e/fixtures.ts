/// <reference types="chrome" />
import { test as base, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type LaunchedExtension } from './launch';
import { watchForProblems } from './problems';
import { OptionsPage, PopupPage, ProgressPage, type ExtensionPage } from './pages';
import { alarmsAfterInstall, cleanSlate } from './worker';

interface Fixtures {
  /** Headed Chromium (under a virtual display when there is none): the real toolbar popup. */
  headed: boolean;
  extension: LaunchedExtension & { problems: string[]; alarmsAtInstall: string[] };
  failOnProblems: void;
  popup: PopupPage;
  options: OptionsPage;
  progress: ProgressPage;
}

async function openPage<P extends ExtensionPage>(
  extension: LaunchedExtension,
  PageObject: { new (page: Page): P; path: string },
): Promise<P> {
  const page = await extension.context.newPage();
  // A locator that finds nothing fails in seconds, naming itself, rather than at the test timeout.
  page.setDefaultTimeout(5_000);
  await page.goto(extension.url(PageObject.path));
  return new PageObject(page);
}

/** One browser per test file (starting Chromium is the slow part); pages are per test. */
export const test = base.extend<Fixtures>({
  headed: [false, { scope: 'file' }],
  extension: [
    async ({ headed }, use) => {
      const extension = await launchExtension({ headless: !headed });
      const problems = watchForProblems(extension.context);
      await use({
        ...extension,
        problems,
        alarmsAtInstall: await alarmsAfterInstall(await extension.worker()),
      });
      await extension.close();
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
    await popup.page.close();
  },
  options: async ({ extension }, use) => {
    const options = await openPage(extension, OptionsPage);
    await use(options);
    await options.page.close();
  },
  progress: async ({ extension }, use) => {
    const progress = await openPage(extension, ProgressPage);
    await use(progress);
    await progress.page.close();
  },
});

export { expect };

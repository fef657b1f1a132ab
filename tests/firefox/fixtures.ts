/* eslint-disable no-empty-pattern -- vitest fixtures must destructure their first argument */
import { test as base, expect } from 'vitest';
import { OPTIONS, POPUP, PROGRESS } from '../e2e/pages';
import { alarmsAfterInstall, cleanSlate } from '../e2e/worker';
import { userIsActive } from './internals';
import { launchFirefox, type LaunchedFirefox } from './launch';
import { FirefoxPage } from './pages';

interface Fixtures {
  firefox: LaunchedFirefox & { alarmsAtInstall: string[] };
  failOnProblems: void;
  popup: FirefoxPage;
  options: FirefoxPage;
  progress: FirefoxPage;
}

/** A page fixture: a tab showing one of the add-on's pages, closed after the test. */
function pageAt(path: string) {
  return async (
    { firefox }: { firefox: LaunchedFirefox },
    use: (page: FirefoxPage) => Promise<void>,
  ) => {
    const page = await firefox.open(path);
    await use(new FirefoxPage(page));
    await page.close();
  };
}

/** One Firefox per test file (starting it is the slow part); pages are per test. */
export const test = base.extend<Fixtures>({
  firefox: [
    async ({}, use) => {
      const firefox = await launchFirefox();
      await use({ ...firefox, alarmsAtInstall: await alarmsAfterInstall(firefox.background) });
      await firefox.close();
    },
    { scope: 'file' },
  ],
  // What Firefox reported while the add-on installed and started counts for the first test.
  failOnProblems: [
    async ({ firefox }, use) => {
      await cleanSlate(firefox.background);
      await userIsActive(firefox);
      await use();
      const problems = await firefox.problems();
      await firefox.clearProblems();
      expect(problems, 'console errors, warnings about the add-on, or network requests').toEqual(
        [],
      );
    },
    { auto: true },
  ],
  popup: pageAt(POPUP.path),
  options: pageAt(OPTIONS.path),
  progress: pageAt(PROGRESS.path),
});

export { expect };

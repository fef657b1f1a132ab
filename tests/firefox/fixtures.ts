import { test as base, expect } from 'vitest';
import { OPTIONS, POPUP, PROGRESS } from '../e2e/pages';
import { alarmsAfterInstall, cleanSlate, clearNotifications } from '../e2e/worker';
import { oncePerWorker } from '../once-per-worker';
import { userIsActive } from './internals';
import { launchFirefox, type LaunchedFirefox } from './launch';
import { FirefoxPage } from './pages';

type Prepared = LaunchedFirefox & { alarmsAtInstall: string[] };

interface Fixtures {
  firefox: Prepared;
  failOnProblems: void;
  popup: FirefoxPage;
  options: FirefoxPage;
  progress: FirefoxPage;
}

interface WorkerFixtures {
  /** The worker's Firefox with the add-on, started when a file first needs it. */
  sharedFirefox: () => Promise<Prepared>;
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

async function launchPrepared(): Promise<Prepared> {
  const firefox = await launchFirefox();
  return { ...firefox, alarmsAtInstall: await alarmsAfterInstall(firefox.background) };
}

/**
 * A file starts where a fresh browser would: the first tab and the add-on's driving page open,
 * no other tab, no alert showing.
 */
async function tidyForNextFile(firefox: Prepared): Promise<void> {
  const [, ...others] = await firefox.browser.pages();
  await Promise.all(others.filter((page) => page !== firefox.driver).map((page) => page.close()));
  await clearNotifications(firefox.background);
}

/**
 * Starting Firefox and installing the add-on is the slow part, so the files of one vitest
 * worker share one Firefox, each file starting from a tidied one and each test from empty
 * storage.
 */
export const test = base.extend<Fixtures & WorkerFixtures>({
  sharedFirefox: [oncePerWorker(launchPrepared), { scope: 'worker' }],
  firefox: [
    async ({ sharedFirefox }, use) => {
      const firefox = await sharedFirefox();
      await tidyForNextFile(firefox);
      await use(firefox);
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

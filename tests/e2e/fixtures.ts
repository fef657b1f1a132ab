/// <reference types="chrome" />
import { test as base, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type LaunchedExtension } from './launch';
import { watchForProblems } from './problems';
import { OptionsPage, PopupPage, ProgressPage, type ExtensionPage } from './pages';

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

/** The alarms the worker set on its first start, once it has set them. */
async function alarmsAfterInstall(extension: LaunchedExtension): Promise<string[]> {
  const worker = await extension.worker();
  for (let attempt = 0; attempt < 50; attempt++) {
    const names = await worker.evaluate(async () =>
      (await chrome.alarms.getAll()).map((alarm) => alarm.name),
    );
    if (names.length >= 4) return names.sort();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return [];
}

/** Every test starts from empty storage, as after a fresh install (the device id stays). */
async function cleanSlate(extension: LaunchedExtension): Promise<void> {
  const worker = await extension.worker();
  await worker.evaluate(async () => {
    const { device } = await chrome.storage.local.get('device');
    await Promise.all([
      chrome.storage.local.clear(),
      chrome.storage.sync.clear(),
      chrome.alarms.clearAll(),
    ]);
    await chrome.storage.local.set({ device });
    // As on a fresh start: the worker sets its alarms again.
    await (globalThis as unknown as { backbone: { resume(): Promise<void> } }).backbone.resume();
  });
}

/** One browser per test file (starting Chromium is the slow part); pages are per test. */
export const test = base.extend<Fixtures>({
  headed: [false, { scope: 'file' }],
  extension: [
    async ({ headed }, use) => {
      const extension = await launchExtension({ headless: !headed });
      const problems = watchForProblems(extension.context);
      await use({ ...extension, problems, alarmsAtInstall: await alarmsAfterInstall(extension) });
      await extension.close();
    },
    { scope: 'file' },
  ],
  failOnProblems: [
    async ({ extension }, use) => {
      await cleanSlate(extension);
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

import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

function welcomePage(pages: Page[]): Page | undefined {
  return pages.find((page) => page.url().endsWith('/welcome.html'));
}

const postureMarks = (page: Page) =>
  page.getByTestId('timeline-posture').getAttribute('data-count').then(Number);

test('installing opens the welcome page, which explains when nudges come', async ({
  extension,
}) => {
  // Opened by runtime.onInstalled when the browser installed the extension.
  await expect.poll(() => welcomePage(extension.context.pages())?.url()).toBeDefined();
  const welcome = welcomePage(extension.context.pages())!;
  await welcome.waitForLoadState();
  await expect
    .poll(() => welcome.getByRole('heading', { level: 1 }).textContent())
    .toBe('Welcome to Backbone');
  await expect.poll(() => welcome.getByTestId('timeline').count()).toBe(1);
  await welcome.close();
});

test('choosing a preset changes the timeline and saves it', async ({ extension }) => {
  const welcome = await extension.context.newPage();
  welcome.setDefaultTimeout(5_000);
  await welcome.goto(extension.url('welcome.html'));
  await expect.poll(() => welcome.getByLabel('Standard').isChecked()).toBe(true);
  const standard = await postureMarks(welcome);
  expect(standard).toBeGreaterThan(10);
  await welcome.getByLabel('Gentle').check();
  await expect.poll(() => postureMarks(welcome)).toBeLessThan(standard);
  const worker = await extension.worker();
  await expect
    .poll(() =>
      worker.evaluate(async () => {
        const { settings } = await chrome.storage.sync.get('settings');
        return (settings as { nudges: { posture: { everyMinutes: number } } })?.nudges.posture
          .everyMinutes;
      }),
    )
    .toBe(60);
  await expect.poll(() => welcome.getByRole('status').textContent()).toBe('Saved.');
  await welcome.close();
});

test('the water goal follows the body weight; the sample nudge shows a notification', async ({
  extension,
}) => {
  const welcome = await extension.context.newPage();
  welcome.setDefaultTimeout(5_000);
  await welcome.goto(extension.url('welcome.html'));
  await welcome.getByLabel('Body weight (kg), optional').fill('80');
  await welcome.getByLabel('Body weight (kg), optional').press('Tab');
  await expect
    .poll(() => welcome.getByTestId('water-goal').textContent())
    .toContain('2,650 ml a day');
  await welcome.getByRole('button', { name: 'Send me a sample nudge' }).click();
  const worker = await extension.worker();
  await expect
    .poll(() => worker.evaluate(() => chrome.notifications.getAll()))
    .toHaveProperty('nudge-test');
  await expect.poll(() => welcome.getByText('Nothing appeared?', { exact: false }).count()).toBe(1);
  await welcome.close();
});

test('a body weight or a cup size out of range is said at its field, tied to it', async ({
  extension,
}) => {
  const welcome = await extension.context.newPage();
  welcome.setDefaultTimeout(5_000);
  await welcome.goto(extension.url('welcome.html'));
  for (const [label, typed, message] of [
    ['Body weight (kg), optional', '500', 'Enter a body weight from 30 to 300 kg.'],
    ['Cup 1 (ml)', '20', 'Cup sizes are from 50 to 2,000 ml.'],
  ] as const) {
    const field = welcome.getByLabel(label);
    await field.fill(typed);
    await field.press('Tab');
    await expect.poll(() => field.getAttribute('aria-invalid'), { message: label }).toBe('true');
    const describedBy = await field.getAttribute('aria-describedby');
    expect(await welcome.locator(`[id="${describedBy}"]`).textContent()).toBe(message);
  }
  expect(await seriousViolations(welcome)).toEqual([]);
  await welcome.close();
});

test('the welcome page is accessible in light and dark', async ({ extension }) => {
  const welcome = await extension.context.newPage();
  await welcome.goto(extension.url('welcome.html'));
  await expect.poll(() => welcome.getByTestId('timeline').count()).toBe(1);
  for (const colorScheme of ['light', 'dark'] as const) {
    await welcome.emulateMedia({ colorScheme });
    expect(await seriousViolations(welcome)).toEqual([]);
  }
  await welcome.close();
});

test('the shortcuts say which are set and open Chromium’s shortcuts page', async ({
  extension,
}) => {
  const welcome = await extension.context.newPage();
  welcome.setDefaultTimeout(5_000);
  await welcome.goto(extension.url('welcome.html'));
  const shortcuts = welcome.getByTestId('shortcuts');
  await expect.poll(() => shortcuts.locator('dd').count()).toBe(3);
  const worker = await extension.worker();
  const unset = await worker.evaluate(
    async () => (await chrome.commands.getAll()).filter((c) => c.description && !c.shortcut).length,
  );
  expect(await shortcuts.getByText('not set').count()).toBe(unset);
  const opened = extension.context.waitForEvent('page');
  await welcome.getByRole('button', { name: 'Open shortcut settings' }).click();
  const settings = await opened;
  await expect.poll(() => settings.url()).toBe('chrome://extensions/shortcuts');
  await settings.close();
  // Chromium's own page loads its own scripts: those requests are the browser's, not Backbone's.
  const browsers = (problem: string) => problem.startsWith('network request: chrome://');
  extension.problems.splice(0, Infinity, ...extension.problems.filter((p) => !browsers(p)));
  await welcome.close();
});

test('each rhythm says its times with their units; the options link wears the theme’s colour', async ({
  extension,
}) => {
  const welcome = await extension.context.newPage();
  welcome.setDefaultTimeout(5_000);
  await welcome.goto(extension.url('welcome.html'));
  await expect
    .poll(() => welcome.locator('label', { hasText: 'Focused' }).textContent())
    .toContain('a move every 45 minutes');
  for (const colorScheme of ['light', 'dark'] as const) {
    await welcome.emulateMedia({ colorScheme });
    const colours = await welcome.evaluate(() => {
      const link = document.querySelector('main a')!;
      const heading = document.querySelector('h1')!;
      return [getComputedStyle(link).color, getComputedStyle(heading).color];
    });
    // The heading wears the theme's accent, as the link should.
    expect(colours[0], colorScheme).toBe(colours[1]);
  }
  await welcome.close();
});

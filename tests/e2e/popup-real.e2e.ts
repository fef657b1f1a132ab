/**
 * The toolbar popup as Chromium really draws it: headed Chromium (under a virtual display when
 * there is none), the popup opened with chrome.action.openPopup() as a click on the icon does.
 * A popup page opened as a tab is sized by the tab; this one is sized by its own content.
 */
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { writeYearFromThreeDevices } from './sample-history';
import { storedEntries } from './storage';
import { callHandler, saveSettings } from './worker';
import { isoWeekday, localDayKey } from '../../lib/model/days';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';

test.override({ headed: true });

/** What a user sees of the popup: its size, its text, and where the daily actions are. */
function measure(page: Page) {
  return page.evaluate(() => {
    const bottomOf = (element: Element | null) =>
      element ? element.getBoundingClientRect().bottom : Infinity;
    const buttonNamed = (pattern: RegExp) =>
      [...document.querySelectorAll('button, summary')].find((element) =>
        pattern.test(element.getAttribute('aria-label') ?? element.textContent ?? ''),
      ) ?? null;
    return {
      width: innerWidth,
      height: innerHeight,
      scrollWidth: document.documentElement.scrollWidth,
      scrollHeight: document.documentElement.scrollHeight,
      bodyFontPx: parseFloat(getComputedStyle(document.body).fontSize),
      smallestTextPx: Math.min(
        ...[...document.querySelectorAll('p, span, button, a, summary, label, h1, h2')]
          .filter((element) => element.getClientRects().length > 0)
          .map((element) => parseFloat(getComputedStyle(element).fontSize)),
      ),
      cupBottom: bottomOf(buttonNamed(/^\+250 ml$/)),
      setBottom: bottomOf(buttonNamed(/^(Repeat: |Log a set)/)),
      pauseBottom: bottomOf(buttonNamed(/^Pause$/)),
    };
  });
}

test('with a year from three devices: 380 px wide, normal text, every daily action without scrolling', async ({
  extension,
}) => {
  await writeYearFromThreeDevices(await extension.worker());
  const page = await extension.openPopup();
  await expect.poll(() => page.getByRole('button', { name: /^Repeat: / }).count()).toBe(1);
  const seen = await measure(page);
  expect(seen.width).toBeGreaterThanOrEqual(370);
  expect(seen.scrollWidth).toBeLessThanOrEqual(seen.width);
  expect(seen.bodyFontPx).toBeGreaterThanOrEqual(13);
  expect(seen.smallestTextPx).toBeGreaterThanOrEqual(13);
  expect(seen.height).toBeLessThanOrEqual(600);
  expect(seen.scrollHeight).toBeLessThanOrEqual(600);
  for (const bottom of [seen.cupBottom, seen.setBottom, seen.pauseBottom])
    expect(bottom).toBeLessThanOrEqual(600);
  // A cup logged: its Undo shows over the popup, which does not grow into a scroll.
  await page.getByRole('button', { name: '+250 ml', exact: true }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Undo' }).isVisible()).toBe(true);
  expect((await measure(page)).scrollHeight).toBeLessThanOrEqual(600);
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
    'rgb(16, 23, 22)',
  );
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
}, 120_000);

test('the first popup after install says when the first nudge comes', async ({ extension }) => {
  const page = await extension.openPopup();
  await expect
    .poll(() => page.getByTestId('first-run').textContent())
    .toMatch(
      /Your first nudge, a (posture check|movement break|breathing break|water reminder), comes (at|tomorrow|\w{3}) /,
    );
  await expect.poll(() => page.getByTestId('nudge-status').textContent()).toMatch(/^Next: /);
  await page.close();
});

test('a pause from the keyboard shortcut shows in the open popup, and so does the resume', async ({
  extension,
}) => {
  const page = await extension.openPopup();
  await expect.poll(() => page.getByTestId('nudge-status').textContent()).toMatch(/^Next: /);
  const worker = await extension.worker();
  const shortcut = () =>
    worker.evaluate(() =>
      (
        globalThis as unknown as { backbone: { onCommand(command: string): Promise<void> } }
      ).backbone.onCommand('toggle-pause'),
    );
  await shortcut();
  await expect.poll(() => page.getByTestId('nudge-status').textContent()).toMatch(/paused/);
  await shortcut();
  await expect.poll(() => page.getByTestId('nudge-status').textContent()).toMatch(/^Next: /);
  await page.close();
});

test('the next nudge says tomorrow when it is tomorrow', async ({ extension }) => {
  const worker = await extension.worker();
  const weekday = isoWeekday(localDayKey(Date.now())) - 1;
  const allDay = [{ from: 0, to: 24 * 60 - 1 }];
  const activeHours = Array.from({ length: 7 }, (_, day) => (day === weekday ? [] : allDay));
  await saveSettings(worker, {
    ...DEFAULT_SETTINGS,
    updatedAt: Date.now(),
    nudges: { ...DEFAULT_SETTINGS.nudges, activeHours },
  });
  const page = await extension.openPopup();
  await expect
    .poll(() => page.getByTestId('nudge-status').textContent())
    .toMatch(/^Next: [a-z ]+ tomorrow /);
  await page.close();
});

test('Enter in the exercise search picks the exercise and never logs a set', async ({
  extension,
}) => {
  const worker = await extension.worker();
  const page = await extension.openPopup();
  await page.getByRole('button', { name: 'Log a set', exact: true }).click();
  const search = page.getByRole('combobox', { name: 'Search exercises' });
  await search.fill('deadl');
  await expect.poll(() => page.getByRole('option').first().textContent()).toContain('Deadlift');
  await search.press('Enter');
  await expect
    .poll(() => page.getByLabel('Exercise', { exact: true }).inputValue())
    .toBe('deadlift');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('set-reps');
  expect(await storedEntries(worker)).toEqual([]);
  // The numbers, then Log set: that is what logs.
  await page.getByRole('button', { name: 'More Weight (kg)' }).click();
  const weight = Number(await page.getByLabel('Weight (kg)', { exact: true }).inputValue());
  await page.getByRole('button', { name: 'Log set' }).click();
  await expect.poll(async () => (await storedEntries(worker)).length).toBe(1);
  await expect
    .poll(() => page.getByTestId('record-banner').textContent())
    .toMatch(new RegExp(`^Deadlift \\d+ × ${weight} kg, new record`));
  await page.close();
});

test('the popup is operable from the keyboard: pause menu, a cup, a posture check', async ({
  extension,
}) => {
  const page = await extension.openPopup();
  await expect.poll(() => page.getByTestId('nudge-status').textContent()).toMatch(/^Next: /);
  const focusOn = async (name: string) => {
    for (let step = 0; step < 30; step++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(
        () =>
          document.activeElement?.getAttribute('aria-label') ??
          document.activeElement?.textContent?.trim(),
      );
      if (focused === name) return;
    }
    throw new Error(`${name} cannot be reached with Tab`);
  };
  await focusOn('Pause');
  await page.keyboard.press('Enter');
  await focusOn('30 min');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.getByTestId('nudge-status').textContent())
    .toMatch(/^Nudges paused until/);
  await focusOn('+250 ml');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('water-total').textContent()).toContain('250 ml of');
  await callHandler(await extension.worker(), 'resumeNudges');
  await page.close();
});

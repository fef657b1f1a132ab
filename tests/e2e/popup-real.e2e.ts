/**
 * The toolbar popup as Chromium really draws it: headed Chromium (under a virtual display when
 * there is none), the popup opened with chrome.action.openPopup() as a click on the icon does.
 * A popup page opened as a tab is sized by the tab; this one is sized by its own content.
 */
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { writeYearFromThreeDevices } from './sample-history';
import { storedEntries, storedTodaySnapshot } from './storage';
import { callHandler, saveSettings, type Background } from './worker';
import { addDays, isoWeekday, localDayKey } from '../../lib/model/days';
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

/**
 * The popup as Chrome sizes it, in the state a user has just reached: 380 px wide, at most
 * 600 px tall, and nothing below or beside the fold. Chrome resizes the popup a moment after
 * its content changes, so the size is waited for.
 */
async function expectNoScroll(page: Page) {
  const size = () =>
    page.evaluate(() => ({
      width: innerWidth,
      height: innerHeight,
      scrollWidth: document.documentElement.scrollWidth,
      scrollHeight: document.documentElement.scrollHeight,
    }));
  await expect
    .poll(async () => {
      const seen = await size();
      return seen.scrollHeight <= seen.height && seen.scrollWidth <= seen.width;
    })
    .toBe(true);
  const seen = await size();
  expect(seen.width).toBe(380);
  expect(seen.height).toBeLessThanOrEqual(600);
}

/** Whether the Undo bar leaves `selector` (what was used, or the list it changed) uncovered. */
function undoBarClear(page: Page, selector: string) {
  return page.evaluate((target) => {
    const bar = [...document.querySelectorAll('[role=status]')].find((element) =>
      element.querySelector('button')?.textContent?.includes('Undo'),
    );
    const answered = document.querySelector(target);
    if (!bar || !answered) return false;
    const [over, under] = [bar.getBoundingClientRect(), answered.getBoundingClientRect()];
    return over.bottom <= under.top || under.bottom <= over.top;
  }, selector);
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
  // A cup logged: its Undo shows over the header, clear of the cups, and nothing scrolls.
  await page.getByRole('button', { name: '+250 ml', exact: true }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Undo' }).isVisible()).toBe(true);
  expect(await undoBarClear(page, 'ul')).toBe(true);
  await expectNoScroll(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
    'rgb(16, 23, 22)',
  );
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
}, 120_000);

test('with a year of history, no opened part makes the popup scroll', async ({ extension }) => {
  const worker = await extension.worker();
  await writeYearFromThreeDevices(worker);
  const page = await extension.openPopup();
  await expect.poll(() => page.getByRole('button', { name: /^Repeat: / }).count()).toBe(1);

  // The pause menu, open over the popup.
  await page.getByText('Pause', { exact: true }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Time off…' }).isVisible()).toBe(true);
  await expectNoScroll(page);

  // The time-off form, from that menu.
  await page.getByRole('button', { name: 'Time off…' }).click();
  await expect.poll(() => page.getByLabel('Last day').isVisible()).toBe(true);
  await expectNoScroll(page);
  await page.getByRole('button', { name: 'Cancel' }).click();

  // The set form with the last session and a record banner.
  await page.getByRole('button', { name: 'Other exercise', exact: true }).click();
  const search = page.getByRole('combobox', { name: 'Search exercises' });
  await search.fill('deadl');
  await search.press('Enter');
  await page.getByLabel('Reps', { exact: true }).fill('5');
  await page.getByLabel('Weight (kg)', { exact: true }).fill('250');
  await page.getByRole('button', { name: 'Log set' }).click();
  await expect.poll(() => page.getByTestId('record-banner').textContent()).toMatch(/new record/);
  await expect.poll(() => page.getByRole('button', { name: 'Undo' }).isVisible()).toBe(true);
  await expectNoScroll(page);
  expect(await undoBarClear(page, 'form')).toBe(true);
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  // Today's log with 20 entries: its list scrolls in its own box, the popup does not.
  await callHandler(worker, 'logEntries', {
    entries: Array.from({ length: 19 }, (_, index) => ({
      kind: 'water',
      ml: 100 + index,
      at: Date.now() - index * 1_000, // seconds apart: all of today, even just after midnight
    })),
  });
  await page.getByText("Today's log").click();
  await expect.poll(() => page.getByTestId('today-log').locator('li').count()).toBe(20);
  await expectNoScroll(page);
  await page
    .getByRole('button', { name: /^Remove Water/ })
    .first()
    .click();
  await expect.poll(() => page.getByTestId('today-log').locator('li').count()).toBe(19);
  await expectNoScroll(page);
  expect(await undoBarClear(page, '[data-testid=today-log]')).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
}, 120_000);

test('first run, a paused day and time off in progress fit without scrolling', async ({
  extension,
}) => {
  const worker = await extension.worker();
  const page = await extension.openPopup();
  await expect.poll(() => page.getByTestId('first-run').isVisible()).toBe(true);
  await expectNoScroll(page);

  await callHandler(worker, 'pauseNudges', { choice: 'tomorrow' });
  await expect
    .poll(() => page.getByTestId('nudge-status').textContent())
    .toMatch(/^Nudges paused until/);
  await expectNoScroll(page);
  await callHandler(worker, 'resumeNudges');

  // Time off names its last day, and the rings say the day is off.
  const today = localDayKey(Date.now());
  const until = addDays(today, 5);
  await callHandler(worker, 'takeTimeOff', { reason: 'vacation', from: today, until });
  const lastDay = await page.evaluate(
    (day) =>
      new Intl.DateTimeFormat(undefined, {
        weekday: 'short',
        month: 'short',
        day: 'numeric',
      }).format(new Date(`${day}T12:00`)),
    until,
  );
  await expect
    .poll(() => page.getByTestId('nudge-status').textContent())
    .toBe(`Time off until ${lastDay}`);
  await expect.poll(() => page.getByTestId('ring-posture').textContent()).toContain('off');
  await expectNoScroll(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
}, 120_000);

test('a posture check from its ring says what it logged, and Undo takes it back', async ({
  extension,
}) => {
  const page = await extension.openPopup();
  await page.getByTestId('ring-posture').getByRole('button').click();
  await expect.poll(() => page.getByTestId('posture-count').textContent()).toMatch(/^1 of /);
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'Posture check logged' }).count())
    .toBe(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => page.getByTestId('posture-count').textContent()).toMatch(/^0 of /);
  expect(await storedEntries(await extension.worker())).toEqual([]);
  await page.close();
});

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

/** The popup as the worker last drew it, once it has drawn one. */
async function firstPaintDrawn(worker: Background) {
  await expect
    .poll(async () => (await storedTodaySnapshot(worker))?.firstPaint?.html)
    .toContain('data-testid="water-total"');
}

test('the popup paints the worker’s HTML of today first, then takes it over without drawing again', async ({
  extension,
}) => {
  const worker = await extension.worker();
  await writeYearFromThreeDevices(worker);
  await firstPaintDrawn(worker);
  // Every part of the popup that leaves the page once drawn: a redraw would remove the first.
  await extension.context.addInitScript(() => {
    if (!location.pathname.endsWith('/popup.html')) return;
    const removed: string[] = [];
    Object.assign(globalThis, { removedParts: removed });
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.removedNodes) if (node.nodeName === 'MAIN') removed.push('main');
    }).observe(document, { childList: true, subtree: true });
  });

  const page = await extension.openPopup();
  const [ready, interactive] = await page.evaluate(() =>
    ['popup-ready', 'popup-interactive'].map(
      (name) => performance.getEntriesByName(name)[0]!.startTime,
    ),
  );
  expect(ready).toBeLessThanOrEqual(interactive!);
  await expect.poll(() => page.getByRole('button', { name: /^Repeat: / }).count()).toBe(1);
  expect(
    await page.evaluate(() => (globalThis as { removedParts?: string[] }).removedParts),
  ).toEqual([]);
  expect(await page.locator('main').count()).toBe(1);
  // Live: the cups answer, and the total follows.
  await page.getByRole('button', { name: '+250 ml', exact: true }).click();
  await expect.poll(() => page.getByTestId('water-total').textContent()).toMatch(/^250 ml/);
  await page.close();
}, 120_000);

test('a cup pressed on the first paint, before the popup’s code is live, is counted once', async ({
  extension,
}) => {
  const worker = await extension.worker();
  await firstPaintDrawn(worker);
  // Presses +250 ml the moment the first script shows it, in the next popup opened only.
  await extension.context.addInitScript(() => {
    if (!location.pathname.endsWith('/popup.html') || !localStorage.getItem('pressEarly')) return;
    localStorage.removeItem('pressEarly');
    const early: { liveWhenPressed?: boolean } = {};
    Object.assign(globalThis, { earlyPress: early });
    new MutationObserver((_, observer) => {
      const cup = [...document.querySelectorAll('button')].find(
        (button) => button.textContent?.trim() === '+250 ml',
      );
      if (!cup) return;
      observer.disconnect();
      early.liveWhenPressed = performance.getEntriesByName('popup-interactive').length > 0;
      cup.click();
    }).observe(document, { childList: true, subtree: true });
  });
  const tab = await extension.context.newPage();
  await tab.goto(extension.url('options.html'));
  await tab.evaluate(() => localStorage.setItem('pressEarly', 'yes'));

  const page = await extension.openPopup();
  expect(await page.evaluate(() => (globalThis as { earlyPress?: object }).earlyPress)).toEqual({
    liveWhenPressed: false,
  });
  await expect.poll(() => page.getByTestId('water-total').textContent()).toMatch(/^250 ml/);
  await expect
    .poll(async () =>
      (await storedEntries(worker)).flatMap((entry) => (entry.kind === 'water' ? [entry.ml] : [])),
    )
    .toEqual([250]);
  await page.close();
  await tab.close();
});

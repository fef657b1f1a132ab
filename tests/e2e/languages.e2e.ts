/**
 * Backbone in the browser's own language: Chromium started in German, Polish and Japanese (its
 * real UI language, from Debian's chromium-l10n, not a flag on the page). The popup, a
 * notification, the options and Progress speak it, with its dates, numbers and plural forms.
 * The expected words come from locales/<language>.yml, the formats from Intl in that language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type LaunchedExtension } from './launch';
import { layoutProblems } from './layout';
import { watchForProblems } from './problems';
import {
  callHandler,
  fireSoon,
  recordNotifications,
  saveSettings,
  shownNotifications,
} from './worker';
import { localDayKey } from '../../lib/model/days';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { spokenIn, type Spoken } from './spoken';

describe.each(['de', 'pl', 'ja'])('Backbone with Chromium in %s', (language) => {
  let extension: LaunchedExtension;
  let spoken: Spoken;
  let problems: string[];

  beforeAll(async () => {
    extension = await launchExtension({ language });
    problems = watchForProblems(extension.context);
    spoken = await spokenIn(language);
  });
  afterAll(async () => {
    await extension?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await extension.context.newPage();
    page.setDefaultTimeout(5_000);
    await page.goto(extension.url(path));
    return page;
  }

  it('speaks the UI language in the worker and on every page', async () => {
    const worker = await extension.worker();
    expect(await worker.evaluate(() => chrome.i18n.getUILanguage())).toBe(language);
    const page = await open('options.html');
    await expect.poll(() => page.title()).toBe(spoken.say('options.pageTitle'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.close();
  });

  it('shows a notification with its title and buttons in the language', async () => {
    const worker = await extension.worker();
    const allDay = Array.from({ length: 7 }, () => [{ from: 0, to: 1440 }]);
    await saveSettings(worker, {
      ...DEFAULT_SETTINGS,
      nudges: { ...DEFAULT_SETTINGS.nudges, activeHours: allDay },
    });
    await recordNotifications(worker);
    await fireSoon(worker, 'nudge:posture');
    await expect.poll(() => shownNotifications(worker)).toHaveLength(1);
    const [shown] = await shownNotifications(worker);
    const titles = [...spoken.messages].filter(([key]) => key.startsWith('posture.title.'));
    expect(titles.map(([, title]) => title)).toContain(shown!.options.title);
    expect(shown!.options.buttons).toEqual([
      { title: spoken.say('nudge.done') },
      { title: spoken.say('nudge.snooze', spoken.number(10)) },
    ]);
  });

  it('writes the popup’s date, amounts and streaks as the language does', async () => {
    const worker = await extension.worker();
    await callHandler(worker, 'logEntries', {
      entries: [{ kind: 'water', ml: 1250, at: Date.now() }],
    });
    const page = await open('popup.html');
    const today = localDayKey(Date.now(), 0);
    const date = new Intl.DateTimeFormat(language, {
      weekday: 'long',
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(new Date(`${today}T12:00:00Z`));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(date);
    const volume = (ml: number) => spoken.say('unit.ml', spoken.number(ml));
    await expect
      .poll(() => page.getByTestId('water-total').textContent())
      .toBe(spoken.say('today.water', volume(1250), volume(2000)));
    await expect
      .poll(() => page.getByTestId('streak-posture').textContent())
      .toBe(spoken.plural('streak.days', 0, spoken.number(0)));
    await expect(
      page.getByText(spoken.say('popup.pauseMenu'), { exact: true }).count(),
    ).resolves.toBe(1);
    await page.close();
  });

  it('offers the snooze lengths with the plural form each number takes', async () => {
    const page = await open('options.html');
    const snooze = page.getByRole('combobox', { name: spoken.say('options.snooze') });
    await expect
      .poll(() => snooze.locator('option').allTextContents())
      .toEqual(
        [5, 10, 15].map((minutes) =>
          spoken.plural('options.minutes', minutes, spoken.number(minutes)),
        ),
      );
    // The active hours list the weekdays from the language's first day: Sunday in Japanese.
    const firstDay = language === 'ja' ? 7 : 1;
    await expect
      .poll(() => page.locator('[data-testid^=day-]').first().getAttribute('data-testid'))
      .toBe(`day-${firstDay}`);
    expect(await layoutProblems(page)).toEqual([]);
    await page.close();
  });

  it('counts repetitions on Progress in the language’s plural form', async () => {
    const worker = await extension.worker();
    await callHandler(worker, 'logEntries', {
      entries: [
        {
          kind: 'set',
          exercise: 'deadlift',
          reps: 5,
          weight: { amount: 100, unit: 'kg' },
          at: Date.now(),
        },
      ],
    });
    const page = await open('progress.html');
    await expect.poll(() => page.title()).toBe(spoken.say('progress.pageTitle'));
    const weight = spoken.say('unit.kg', spoken.number(100));
    await expect
      .poll(() => page.getByTestId('records').textContent())
      .toContain(spoken.plural('progress.repsAt', 5, spoken.number(5), weight));
    expect(await layoutProblems(page)).toEqual([]);
    await page.close();
    expect(problems).toEqual([]);
  });
});

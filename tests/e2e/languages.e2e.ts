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
import { readMessages, type Messages } from '../../scripts/translations';

/** A message with its `$1`… filled in. */
function say(messages: Messages, key: string, ...substitutions: string[]): string {
  const text = messages.get(key);
  if (text === undefined) throw new Error(`No message ${key}`);
  return substitutions.reduce(
    (said, value, index) => said.replaceAll(`$${index + 1}`, value),
    text,
  );
}

describe.each(['de', 'pl', 'ja'])('Backbone with Chromium in %s', (language) => {
  let extension: LaunchedExtension;
  let messages: Messages;
  let problems: string[];
  const number = (value: number) =>
    new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
  const plural = (key: string, count: number, ...substitutions: string[]) =>
    say(messages, `${key}.${new Intl.PluralRules(language).select(count)}`, ...substitutions);

  beforeAll(async () => {
    extension = await launchExtension({ language });
    problems = watchForProblems(extension.context);
    messages = await readMessages(language);
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
    await expect.poll(() => page.title()).toBe(say(messages, 'options.pageTitle'));
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
    const titles = [...messages].filter(([key]) => key.startsWith('posture.title.'));
    expect(titles.map(([, title]) => title)).toContain(shown!.options.title);
    expect(shown!.options.buttons).toEqual([
      { title: say(messages, 'nudge.done') },
      { title: say(messages, 'nudge.snooze', number(10)) },
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
    const volume = (ml: number) => say(messages, 'unit.ml', number(ml));
    await expect
      .poll(() => page.getByTestId('water-total').textContent())
      .toBe(say(messages, 'today.water', volume(1250), volume(2000)));
    await expect
      .poll(() => page.getByTestId('streak-posture').textContent())
      .toBe(plural('streak.days', 0, number(0)));
    await expect(
      page.getByText(say(messages, 'popup.pauseMenu'), { exact: true }).count(),
    ).resolves.toBe(1);
    await page.close();
  });

  it('offers the snooze lengths with the plural form each number takes', async () => {
    const page = await open('options.html');
    const snooze = page.getByRole('combobox', { name: say(messages, 'options.snooze') });
    await expect
      .poll(() => snooze.locator('option').allTextContents())
      .toEqual([5, 10, 15].map((minutes) => plural('options.minutes', minutes, number(minutes))));
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
    await expect.poll(() => page.title()).toBe(say(messages, 'progress.pageTitle'));
    const weight = say(messages, 'unit.kg', number(100));
    await expect
      .poll(() => page.getByTestId('records').textContent())
      .toContain(plural('progress.repsAt', 5, number(5), weight));
    expect(await layoutProblems(page)).toEqual([]);
    await page.close();
    expect(problems).toEqual([]);
  });
});

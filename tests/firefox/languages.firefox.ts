/**
 * Backbone in Firefox's own language: Firefox ESR with its German, Polish and Japanese language
 * packs (Debian's firefox-esr-l10n-*), asked for that UI language. The popup, a notification
 * (Firefox's alert), the options and Progress speak it, with its dates and plural forms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { callHandler, fireSoon, saveSettings } from '../e2e/worker';
import { localDayKey } from '../../lib/model/days';
import { readMessages, type Messages } from '../../scripts/translations';
import { shownAlert } from './internals';
import { launchFirefox, type LaunchedFirefox } from './launch';

function say(messages: Messages, key: string, ...substitutions: string[]): string {
  const text = messages.get(key);
  if (text === undefined) throw new Error(`No message ${key}`);
  return substitutions.reduce(
    (said, value, index) => said.replaceAll(`$${index + 1}`, value),
    text,
  );
}

describe.each(['de', 'pl', 'ja'])('Backbone with Firefox in %s', (language) => {
  let firefox: LaunchedFirefox;
  let messages: Messages;
  const number = (value: number) =>
    new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
  const plural = (key: string, count: number, ...substitutions: string[]) =>
    say(messages, `${key}.${new Intl.PluralRules(language).select(count)}`, ...substitutions);

  beforeAll(async () => {
    firefox = await launchFirefox({ language });
    messages = await readMessages(language);
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('speaks the UI language, with a nudge’s alert in it', async () => {
    expect(await firefox.background.evaluate(() => chrome.i18n.getUILanguage())).toBe(language);
    await saveSettings(firefox.background, {
      ...DEFAULT_SETTINGS,
      nudges: {
        ...DEFAULT_SETTINGS.nudges,
        activeHours: Array.from({ length: 7 }, () => [{ from: 0, to: 1440 }]),
      },
    });
    await fireSoon(firefox.background, 'nudge:movement');
    // Firefox's alert has no buttons: its title says the move, "Move now: Chin tucks".
    const moves = [...messages]
      .filter(([key]) => /^exercise\.\w+\.name$/.test(key))
      .map(([, name]) => say(messages, 'nudge.movement.instruction', name));
    expect(moves).toContain(await shownAlert(firefox));
  });

  it('writes the popup’s date and streaks, and the options’ snooze lengths', async () => {
    const popup = await firefox.open('popup.html');
    const today = localDayKey(Date.now(), 0);
    const date = new Intl.DateTimeFormat(language, {
      weekday: 'long',
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(new Date(`${today}T12:00:00Z`));
    await expect
      .poll(() => popup.evaluate(() => document.querySelector('h1')?.textContent))
      .toBe(date);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe(language);
    await expect
      .poll(() =>
        popup.evaluate(() => document.querySelector('[data-testid="streak-posture"]')?.textContent),
      )
      .toBe(plural('streak.days', 0, number(0)));
    await popup.close();

    const options = await firefox.open('options.html');
    expect(await options.evaluate(() => document.title)).toBe(say(messages, 'options.pageTitle'));
    const snooze = say(messages, 'options.snooze');
    const choices = (label: string) =>
      options.evaluate((text) => {
        const field = [...document.querySelectorAll('label')].find((element) =>
          element.textContent?.includes(text),
        );
        return [...(field?.querySelectorAll('option') ?? [])].map((option) => option.textContent);
      }, label);
    await expect
      .poll(() => choices(snooze))
      .toEqual([5, 10, 15].map((minutes) => plural('options.minutes', minutes, number(minutes))));
    await options.close();
  });

  it('counts repetitions on Progress in the language’s plural form', async () => {
    await callHandler(firefox.background, 'logEntries', {
      entries: [
        {
          kind: 'set',
          exercise: 'deadlift',
          reps: 3,
          weight: { amount: 80, unit: 'kg' },
          at: Date.now(),
        },
      ],
    });
    const progress = await firefox.open('progress.html');
    const weight = say(messages, 'unit.kg', number(80));
    await expect
      .poll(() =>
        progress.evaluate(() => document.querySelector('[data-testid="records"]')?.textContent),
      )
      .toContain(plural('progress.repsAt', 3, number(3), weight));
    await progress.close();
  });
});

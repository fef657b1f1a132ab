/**
 * Backbone in Firefox's own language: Firefox ESR with its German, Polish and Japanese language
 * packs (Debian's firefox-esr-l10n-*), asked for that UI language. The popup, a notification
 * (Firefox's alert), the options and Progress speak it, with its dates and plural forms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { callHandler, fireSoon, saveSettings } from '../e2e/worker';
import { localDayKey } from '../../lib/model/days';
import { spokenIn, type Spoken } from '../e2e/spoken';
import { shownAlert } from './internals';
import { launchFirefox, type LaunchedFirefox } from './launch';

describe.each(['de', 'pl', 'ja'])('Backbone with Firefox in %s', (language) => {
  let firefox: LaunchedFirefox;
  let spoken: Spoken;

  beforeAll(async () => {
    firefox = await launchFirefox({ language });
    spoken = await spokenIn(language);
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
    const moves = [...spoken.messages]
      .filter(([key]) => /^exercise\.\w+\.name$/.test(key))
      .map(([, name]) => spoken.say('nudge.movement.instruction', name));
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
      .toBe(spoken.plural('streak.days', 0, spoken.number(0)));
    await popup.close();

    const options = await firefox.open('options.html');
    expect(await options.evaluate(() => document.title)).toBe(spoken.say('options.pageTitle'));
    const snooze = spoken.say('options.snooze');
    const choices = (label: string) =>
      options.evaluate((text) => {
        const field = [...document.querySelectorAll('label')].find((element) =>
          element.textContent?.includes(text),
        );
        return [...(field?.querySelectorAll('option') ?? [])].map((option) => option.textContent);
      }, label);
    await expect
      .poll(() => choices(snooze))
      .toEqual(
        [5, 10, 15].map((minutes) =>
          spoken.plural('options.minutes', minutes, spoken.number(minutes)),
        ),
      );
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
    const weight = spoken.say('unit.kg', spoken.number(80));
    await expect
      .poll(() =>
        progress.evaluate(() => document.querySelector('[data-testid="records"]')?.textContent),
      )
      .toContain(spoken.plural('progress.repsAt', 3, spoken.number(3), weight));
    await progress.close();
  });
});

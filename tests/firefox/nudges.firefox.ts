import type { NudgeStatus } from '../../lib/nudges';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { GUIDE, POPUP } from '../e2e/pages';
import { storageArea, storedEntries } from '../e2e/storage';
import { SYNC_ALARM } from '../../lib/worker';
import { callHandler, fireSoon, saveSettings } from '../e2e/worker';
import { expect, test } from './fixtures';
import {
  backgroundState,
  clickAlert,
  openAlerts,
  letAlertTimeOut,
  stopBackground,
} from './internals';
import type { LaunchedFirefox } from './launch';
import { FirefoxPage } from './pages';

const ALL_DAY: Settings = {
  ...DEFAULT_SETTINGS,
  nudges: {
    ...DEFAULT_SETTINGS.nudges,
    activeHours: Array.from({ length: 7 }, () => [{ from: 0, to: 1440 }]),
  },
};

async function promptOutcomes(firefox: LaunchedFirefox): Promise<string[]> {
  return (await storedEntries(firefox.background)).flatMap((entry) =>
    entry.kind === 'prompt' ? [`${entry.prompt} ${entry.outcome}`] : [],
  );
}

async function waterLogged(firefox: LaunchedFirefox): Promise<number[]> {
  return (await storedEntries(firefox.background))
    .flatMap((entry) => (entry.kind === 'water' ? [entry.ml] : []))
    .sort();
}

async function alertTitles(firefox: LaunchedFirefox): Promise<string[]> {
  return (await openAlerts(firefox)).map((alert) => alert.title);
}

/** The tab the add-on opened at this page, once it is there. */
async function openedTab(firefox: LaunchedFirefox, path: string): Promise<FirefoxPage> {
  const url = firefox.url(path);
  let found: FirefoxPage | undefined;
  await expect
    .poll(
      async () => {
        for (const page of await firefox.browser.pages()) {
          if ((await page.evaluate(() => location.href).catch(() => '')) === url) {
            found = new FirefoxPage(page);
          }
        }
        return found !== undefined;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

test('a prompt fires as Firefox’s alert; clicking it opens the guide, whose Done counts once', async ({
  firefox,
  popup,
}) => {
  await saveSettings(firefox.background, ALL_DAY);
  await expect.poll(() => popup.text(POPUP.count('posture'))).toBe('0 of 4');
  await fireSoon(firefox.background, 'nudge:posture');
  await clickAlert(firefox, 'Posture check');
  const guide = await openedTab(firefox, GUIDE.path('posture'));
  // Firefox closes the alert after the click and reports it closed by the user.
  await expect.poll(() => alertTitles(firefox)).toEqual([]);
  await guide.click(GUIDE.done);
  await expect.poll(() => guide.text(GUIDE.result)).toContain('Logged');
  await expect.poll(() => popup.text(POPUP.count('posture'))).toBe('1 of 4');
  expect(await promptOutcomes(firefox)).toEqual(['posture done']);
  await guide.page.close();
});

test('an alert left alone times out; that is no dismissal, the prompt stays open', async ({
  firefox,
}) => {
  await saveSettings(firefox.background, ALL_DAY);
  await fireSoon(firefox.background, 'nudge:movement');
  await letAlertTimeOut(firefox, 'Time to move');
  await expect.poll(() => alertTitles(firefox)).toEqual([]);
  await expect
    .poll(
      async () => ((await callHandler(firefox.background, 'nudgeStatus')) as NudgeStatus).pending,
    )
    .toEqual([{ kind: 'movement', detail: 'supermanHold' }]);
  expect(await promptOutcomes(firefox)).toEqual([]);
});

test('the event page, stopped, wakes for a message and for an alarm, and nothing is lost', async ({
  firefox,
  popup,
}) => {
  await popup.click(POPUP.addCup('500 ml'));
  // The popup shows the glass at once; the event page is stopped once it has stored it.
  await expect.poll(() => waterLogged(firefox)).toEqual([500]);

  await stopBackground(firefox);
  await popup.click(POPUP.addCup('250 ml'));
  await expect.poll(() => popup.text(POPUP.waterTotal)).toContain('750 ml of 2,000 ml');
  await expect.poll(() => backgroundState(firefox)).toBe('running');

  // Both glasses wait for the worker's sync alarm, which comes while the event page is stopped.
  await stopBackground(firefox);
  expect(Object.keys(await storageArea(firefox.background, 'sync'))).toEqual([]);
  await fireSoon(firefox.background, SYNC_ALARM);
  await expect
    .poll(async () => Object.keys(await storageArea(firefox.background, 'sync')), {
      timeout: 30_000,
    })
    .toContainEqual(expect.stringMatching(/^m\.[a-z0-9]+\.\d{4}-\d{2}$/));
  expect(await backgroundState(firefox)).toBe('running');
  expect(await waterLogged(firefox)).toEqual([250, 500]);
  await expect.poll(() => popup.text(POPUP.waterTotal)).toContain('750 ml of 2,000 ml');
});

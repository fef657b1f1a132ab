import type { NudgeStatus } from '../../lib/nudge/engine';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/model/settings';
import { GUIDE, POPUP } from '../e2e/pages';
import { storageArea, storedEntries } from '../e2e/storage';
import { SYNC_ALARM } from '../../lib/app/sync-schedule';
import { callHandler, fireSoon, saveSettings } from '../e2e/worker';
import { expect, test } from './fixtures';
import {
  backgroundState,
  clickAlert,
  openAlerts,
  letAlertTimeOut,
  openedTab,
  shownAlert,
  stopBackground,
  tabsAt,
} from './internals';
import type { LaunchedFirefox } from './launch';

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
    .sort((a, b) => a - b);
}

async function alertTitles(firefox: LaunchedFirefox): Promise<string[]> {
  return (await openAlerts(firefox)).map((alert) => alert.title);
}

test('a prompt fires as Firefox’s alert; clicking it opens the guide, whose Done counts once', async ({
  firefox,
  popup,
}) => {
  await saveSettings(firefox.background, ALL_DAY);
  await expect.poll(() => popup.text(POPUP.count('posture'))).toBe('0 of 4');
  await fireSoon(firefox.background, 'nudge:posture');
  await clickAlert(firefox, await shownAlert(firefox));
  const guide = await openedTab(firefox, GUIDE.path('posture'));
  // Firefox closes the alert after the click and reports it closed by the user.
  await expect.poll(() => alertTitles(firefox)).toEqual([]);
  await guide.click(GUIDE.done);
  await expect.poll(() => popup.text(POPUP.count('posture'))).toBe('1 of 4');
  expect(await promptOutcomes(firefox)).toEqual(['posture done']);
  // Answered, the guide tab closes itself.
  await expect
    .poll(() => tabsAt(firefox, GUIDE.path('posture')), { timeout: 15_000 })
    .toHaveLength(0);
});

test('a water alert clicked opens its guide, whose Done logs the first cup once', async ({
  firefox,
  popup,
}) => {
  await saveSettings(firefox.background, { ...ALL_DAY, cupsMl: [300, 500] });
  await expect.poll(() => popup.text(POPUP.waterTotal)).toMatch(/^0 ml of 2,000 ml/);
  await fireSoon(firefox.background, 'nudge:water');
  await clickAlert(firefox, await shownAlert(firefox));
  const guide = await openedTab(firefox, GUIDE.path('water'));
  await expect.poll(() => guide.text(GUIDE.water)).toMatch(/^0 ml of 2,000 ml/);
  await guide.click(GUIDE.done);
  await expect.poll(() => guide.text(GUIDE.water)).toMatch(/^300 ml of 2,000 ml/);
  await expect.poll(() => popup.text(POPUP.waterTotal)).toMatch(/^300 ml of 2,000 ml/);
  expect(await waterLogged(firefox)).toEqual([300]);
  expect(await promptOutcomes(firefox)).toEqual(['water done']);
});

test('an alert left alone times out; that is no dismissal, the prompt stays open', async ({
  firefox,
}) => {
  await saveSettings(firefox.background, ALL_DAY);
  await fireSoon(firefox.background, 'nudge:movement');
  const title = await shownAlert(firefox);
  // Firefox's alert crops a long title: the title is the move alone, its amount leads the text.
  expect(title).toMatch(/^Move now: [^,\d]+$/);
  expect(title.length).toBeLessThanOrEqual(40);
  expect((await openAlerts(firefox))[0]!.text).toMatch(/^\d/);
  await letAlertTimeOut(firefox, title);
  await expect.poll(() => alertTitles(firefox)).toEqual([]);
  await expect
    .poll(
      async () => ((await callHandler(firefox.background, 'nudgeStatus')) as NudgeStatus).pending,
    )
    .toMatchObject([{ kind: 'movement' }]);
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
  await expect.poll(() => waterLogged(firefox)).toEqual([250, 500]);
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
  await expect.poll(() => popup.text(POPUP.waterTotal)).toMatch(/^750 ml of 2,000 ml/);
});

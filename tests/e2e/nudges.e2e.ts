import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { expect, test } from './fixtures';
import {
  alarms,
  callEngine,
  saveSettings,
  fireSoon,
  recordNotifications,
  shownNotifications,
} from './worker';

const ALL_DAY = Array.from({ length: 7 }, () => [{ from: 0, to: 1440 }]);
const NO_HOURS = Array.from({ length: 7 }, () => []);
const MINUTE = 60_000;

function settingsWith(activeHours: Settings['nudges']['activeHours']): Settings {
  return { ...DEFAULT_SETTINGS, nudges: { ...DEFAULT_SETTINGS.nudges, activeHours } };
}

test('right after install the four nudge alarms exist', async ({ extension }) => {
  expect(extension.alarmsAtInstall).toEqual([
    'nudge:breathing',
    'nudge:movement',
    'nudge:posture',
    'nudge:water',
  ]);
});

test('a posture nudge inside active hours shows Done and Snooze; Done is counted by the popup', async ({
  extension,
  popup,
}) => {
  const worker = await extension.worker();
  await saveSettings(worker, settingsWith(ALL_DAY));
  await recordNotifications(worker);
  await fireSoon(worker, 'nudge:posture');
  await expect.poll(() => shownNotifications(worker)).toHaveLength(1);
  const [shown] = await shownNotifications(worker);
  expect(shown).toMatchObject({
    id: 'nudge-posture',
    options: { title: 'Posture check', buttons: [{ title: 'Done' }, { title: 'Snooze 10 min' }] },
  });
  await expect
    .poll(() => worker.evaluate(() => chrome.notifications.getAll()))
    .toHaveProperty('nudge-posture');

  await expect.poll(() => popup.page.getByTestId('posture-count').textContent()).toBe('0 of 4');
  // The notification's Done button, as chrome.notifications.onButtonClicked delivers it.
  await callEngine(worker, 'onButtonClicked', 'nudge-posture', 0);
  await expect.poll(() => popup.page.getByTestId('posture-count').textContent()).toBe('1 of 4');
  expect(await worker.evaluate(() => chrome.notifications.getAll())).not.toHaveProperty(
    'nudge-posture',
  );
});

test('Snooze re-arms the alarm ten minutes ahead', async ({ extension }) => {
  const worker = await extension.worker();
  await saveSettings(worker, settingsWith(ALL_DAY));
  await recordNotifications(worker);
  await fireSoon(worker, 'nudge:movement');
  await expect
    .poll(async () =>
      (await shownNotifications(worker)).some((shown) => shown.id === 'nudge-movement'),
    )
    .toBe(true);
  const before = Date.now();
  await callEngine(worker, 'onButtonClicked', 'nudge-movement', 1);
  const due = (await alarms(worker))['nudge:movement']!;
  expect(due).toBeGreaterThanOrEqual(before + 10 * MINUTE - 1000);
  expect(due).toBeLessThanOrEqual(Date.now() + 10 * MINUTE + 1000);
});

test('no notification while the user is away, nor outside active hours', async ({ extension }) => {
  const worker = await extension.worker();
  await saveSettings(worker, settingsWith(ALL_DAY));
  await recordNotifications(worker);
  // The idle API reports the user away, as chrome.idle.onStateChanged would.
  await callEngine(worker, 'onIdleStateChanged', 'idle');
  expect(Object.keys(await alarms(worker)).filter((name) => name.startsWith('nudge:'))).toEqual([]);
  await fireSoon(worker, 'nudge:posture');
  await extension.context.pages()[0]!.waitForTimeout(1500);
  expect(await shownNotifications(worker)).toEqual([]);
  await callEngine(worker, 'onIdleStateChanged', 'active');

  await saveSettings(worker, settingsWith(NO_HOURS));
  await expect
    .poll(async () => Object.keys(await alarms(worker)).filter((name) => name.startsWith('nudge:')))
    .toEqual([]);
  await fireSoon(worker, 'nudge:water');
  await extension.context.pages()[0]!.waitForTimeout(1500);
  expect(await shownNotifications(worker)).toEqual([]);
});

test('pausing for 30 minutes moves every nudge alarm past the pause', async ({
  extension,
  popup,
}) => {
  const worker = await extension.worker();
  await saveSettings(worker, settingsWith(ALL_DAY));
  const before = Date.now();
  const [reply] = (await popup.send([{ type: 'pauseNudges', data: { choice: '30m' } }])) as {
    ok: boolean;
    value: { pausedUntil: number };
  }[];
  expect(reply!.ok).toBe(true);
  expect(reply!.value.pausedUntil).toBeGreaterThanOrEqual(before + 30 * MINUTE);
  const nudgeAlarms = Object.entries(await alarms(worker)).filter(([name]) =>
    name.startsWith('nudge:'),
  );
  expect(nudgeAlarms).toHaveLength(4);
  for (const [, time] of nudgeAlarms) expect(time).toBeGreaterThanOrEqual(reply!.value.pausedUntil);
});

test('clicking a notification opens its guide page, where Done is logged', async ({
  extension,
  popup,
}) => {
  const worker = await extension.worker();
  await saveSettings(worker, settingsWith(ALL_DAY));
  await fireSoon(worker, 'nudge:breathing');
  await expect
    .poll(() => worker.evaluate(() => chrome.notifications.getAll()))
    .toHaveProperty('nudge-breathing');
  const opened = extension.context.waitForEvent('page');
  await callEngine(worker, 'onClicked', 'nudge-breathing');
  const guide = await opened;
  await guide.waitForLoadState();
  expect(guide.url()).toContain('guide.html?prompt=breathing');
  await expect.poll(() => guide.getByRole('heading', { level: 1 }).textContent()).toBe('Breathe');
  await guide.getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => guide.getByTestId('guide-result').textContent()).toContain('Logged');
  await expect.poll(() => popup.page.getByTestId('breathing-count').textContent()).toBe('1 of 1');
  await guide.close();
});

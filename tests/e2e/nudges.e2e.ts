import { DEFAULT_SETTINGS, type Settings } from '../../lib/model/settings';
import { expect, test } from './fixtures';
import type { LaunchedExtension } from './launch';
import {
  alarms,
  callEngine,
  saveSettings,
  fireSoon,
  recordNotifications,
  shownNotifications,
  type Background,
} from './worker';

const ALL_DAY = Array.from({ length: 7 }, () => [{ from: 0, to: 1440 }]);
const NO_HOURS = Array.from({ length: 7 }, () => []);
const MINUTE = 60_000;

function settingsWith(activeHours: Settings['nudges']['activeHours']): Settings {
  return { ...DEFAULT_SETTINGS, nudges: { ...DEFAULT_SETTINGS.nudges, activeHours } };
}

/** The worker with nudges due all day, each notification it shows recorded. */
async function watchedAllDay(extension: LaunchedExtension): Promise<Background> {
  const worker = await extension.worker();
  await saveSettings(worker, settingsWith(ALL_DAY));
  await recordNotifications(worker);
  return worker;
}

/** Fires a nudge's alarm and returns the notification the user then sees. */
async function promptShown(worker: Background, kind: string) {
  await fireSoon(worker, `nudge:${kind}`);
  await expect.poll(() => shownNotifications(worker)).toHaveLength(1);
  return (await shownNotifications(worker))[0]!;
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
  const worker = await watchedAllDay(extension);
  const shown = await promptShown(worker, 'posture');
  expect(shown).toMatchObject({
    id: 'nudge-posture',
    options: {
      title: 'Sit tall, crown of the head up',
      buttons: [{ title: 'Done' }, { title: 'Snooze 10 min' }],
    },
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
  const worker = await watchedAllDay(extension);
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
  const worker = await watchedAllDay(extension);
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

test('clicking a notification opens its guide page, where Done is logged once and the tab closes itself', async ({
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
  const done = guide.getByRole('button', { name: 'Done' });
  await done.click();
  await expect.poll(() => done.isDisabled()).toBe(true);
  await expect.poll(() => popup.page.getByTestId('breathing-count').textContent()).toBe('1 of 1');
  // The notification outlived the answer: its Done button counts nothing more.
  await callEngine(worker, 'onButtonClicked', 'nudge-breathing', 0);
  await expect.poll(() => guide.isClosed(), { timeout: 15_000 }).toBe(true);
  expect(await popup.page.getByTestId('breathing-count').textContent()).toBe('1 of 1');
});

test('every notification click reuses one guide tab', async ({ extension }) => {
  const worker = await extension.worker();
  await saveSettings(worker, settingsWith(ALL_DAY));
  const guides = () =>
    extension.context.pages().filter((page) => page.url().includes('guide.html'));
  await callEngine(worker, 'onClicked', 'nudge-posture');
  await expect.poll(() => guides().length).toBe(1);
  await callEngine(worker, 'onClicked', 'nudge-movement');
  await expect.poll(() => guides()[0]?.url()).toContain('prompt=movement');
  await callEngine(worker, 'onClicked', 'nudge-water');
  await expect.poll(() => guides()[0]?.url()).toContain('prompt=water');
  expect(guides()).toHaveLength(1);
  await guides()[0]!.close();
});

test('a water reminder says what to drink and its buttons log the user’s cups', async ({
  extension,
  popup,
}) => {
  const worker = await watchedAllDay(extension);
  expect(await promptShown(worker, 'water')).toMatchObject({
    id: 'nudge-water',
    options: {
      title: 'Drink a glass: 2,000 ml to go',
      buttons: [{ title: '+250 ml' }, { title: '+500 ml' }],
    },
  });
  // The second button, as chrome.notifications.onButtonClicked delivers it.
  await callEngine(worker, 'onButtonClicked', 'nudge-water', 1);
  await expect.poll(() => popup.waterTotal.textContent()).toContain('500 ml of 2,000 ml');
  await expect
    .poll(() => worker.evaluate(() => chrome.notifications.getAll()))
    .not.toHaveProperty('nudge-water');
});

test('water logged in the popup answers an open water reminder', async ({ extension, popup }) => {
  const worker = await extension.worker();
  await saveSettings(worker, settingsWith(ALL_DAY));
  await fireSoon(worker, 'nudge:water');
  await expect
    .poll(() => worker.evaluate(() => chrome.notifications.getAll()))
    .toHaveProperty('nudge-water');
  await popup.addCupButton('250 ml').click();
  await expect.poll(() => popup.waterTotal.textContent()).toContain('250 ml of 2,000 ml');
  await expect
    .poll(() => worker.evaluate(() => chrome.notifications.getAll()))
    .not.toHaveProperty('nudge-water');
  // Answered, so the next reminder has nothing to count as missed.
  const status = (await callEngine(worker, 'status')) as { pending: unknown[] };
  expect(status.pending).toEqual([]);
});

test('a movement break names a desk move by default, never a floor exercise', async ({
  extension,
}) => {
  const worker = await watchedAllDay(extension);
  for (let round = 0; round < 3; round++) {
    await fireSoon(worker, 'nudge:movement');
    await expect.poll(async () => (await shownNotifications(worker)).length).toBe(round + 1);
    await callEngine(worker, 'onButtonClicked', 'nudge-movement', 0);
  }
  const shown = await shownNotifications(worker);
  expect(shown.map((notification) => notification.options.title)).toEqual([
    'Move now: Scapular squeeze',
    'Move now: Chest and shoulder stretch',
    'Move now: Short walk',
  ]);
  // The amount goes with the cues, under the title.
  expect(shown.map((notification) => notification.options.message.split('. ')[0])).toEqual([
    '10–15 reps',
    '1–2 minutes',
    '5–10 minutes',
  ]);
  for (const { options } of shown)
    expect(`${options.title} ${options.message}`).not.toMatch(/face down|floor/i);
});

/**
 * The listeners entrypoints/background.ts registers, fired as the browser fires them: the
 * background's own main runs against fakeBrowser (with fakes for idle and commands), so the
 * wiring is tested, not only the engine behind it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/model/settings';
import { LOCAL_KEYS, readVersioned, writeVersioned } from '../../lib/store/items';
import { nudgeStateFormat } from '../../lib/nudge/state';
import { settingsFormat } from '../../lib/store/items';
import { readEntries } from '../../lib/store/buckets';
import { fakeCommands, fakeIdle } from './fakes';
import { MINUTE } from './builders';
import { ProblemError } from '../../lib/model/problem';
import { PROBLEM_NOTIFICATION_ID } from '../../lib/app/said-problems';

/** Monday 2026-11-23, 09:00 local time. */
const START = new Date(2026, 10, 23, 9).getTime();
const nudgeAlarms = async () =>
  (await fakeBrowser.alarms.getAll())
    .map((alarm) => alarm.name)
    .filter((name) => name.startsWith('nudge:'))
    .sort();

const entries = () => readEntries(fakeBrowser.storage.local as never, ['2026-11']);

const prompts = async () =>
  (await entries()).flatMap((entry) =>
    entry.kind === 'prompt' ? [[entry.prompt, entry.outcome]] : [],
  );

const nudgeState = async () =>
  readVersioned(
    nudgeStateFormat,
    (await fakeBrowser.storage.local.get(LOCAL_KEYS.nudgeState))[LOCAL_KEYS.nudgeState],
  ).value;

/** Fires a nudge's alarm as Chromium does, at the time it was set for. */
async function fireNudge(kind: string) {
  const alarm = (await fakeBrowser.alarms.get(`nudge:${kind}`))!;
  vi.setSystemTime(alarm.scheduledTime);
  await fakeBrowser.alarms.onAlarm.trigger(alarm);
  await vi.waitFor(async () =>
    expect(await fakeBrowser.notifications.getAll()).toHaveProperty(`nudge-${kind}`),
  );
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
  Object.assign(fakeBrowser.runtime, { getManifest: () => ({ version: '1.0.0' }) });
  // Messages read as their key: what is shown is the engine's business, tested in nudges.test.ts.
  Object.assign(fakeBrowser.i18n, { getMessage: (key: string) => key });
  // A normal browser window, for the fullscreen check.
  vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockResolvedValue({ state: 'normal' } as never);
  background.main();
  // Started: the four nudge alarms are set.
  await vi.waitFor(async () => expect(await nudgeAlarms()).toHaveLength(4));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the background’s listeners', () => {
  it('runtime.onInstalled opens the welcome page on install only', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update' } as never);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(
        'chrome-extension://test-extension-id/welcome.html',
      ),
    );
    expect(
      (await fakeBrowser.tabs.query({})).filter((tab) => tab.url?.includes('welcome')),
    ).toHaveLength(1);
  });

  it('alarms.onAlarm shows the prompt; onButtonClicked Done logs it once', async () => {
    await fireNudge('posture');
    await fakeBrowser.notifications.onButtonClicked.trigger('nudge-posture', 0);
    await vi.waitFor(async () => expect(await prompts()).toEqual([['posture', 'done']]));
    await vi.waitFor(async () =>
      expect(await fakeBrowser.notifications.getAll()).not.toHaveProperty('nudge-posture'),
    );
    // A second press (the notification outlived the answer) changes nothing.
    await fakeBrowser.notifications.onButtonClicked.trigger('nudge-posture', 0);
    await vi.waitFor(async () => expect(await nudgeState()).toBeDefined());
    expect(await prompts()).toEqual([['posture', 'done']]);
  });

  it('onButtonClicked on a water reminder logs the cup of that button', async () => {
    await fireNudge('water');
    await fakeBrowser.notifications.onButtonClicked.trigger('nudge-water', 1);
    await vi.waitFor(async () =>
      expect((await entries()).filter((entry) => entry.kind === 'water')).toEqual([
        expect.objectContaining({ ml: DEFAULT_SETTINGS.cupsMl[1] }),
      ]),
    );
    await vi.waitFor(async () => expect(await prompts()).toEqual([['water', 'done']]));
  });

  it('notifications.onClicked opens the guide in one reused tab', async () => {
    await fireNudge('posture');
    const before = (await fakeBrowser.tabs.query({})).length;
    await fakeBrowser.notifications.onClicked.trigger('nudge-posture');
    await vi.waitFor(async () => expect(await fakeBrowser.tabs.query({})).toHaveLength(before + 1));
    await fireNudge('movement');
    await fakeBrowser.notifications.onClicked.trigger('nudge-movement');
    await vi.waitFor(async () =>
      expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(
        'chrome-extension://test-extension-id/guide.html?prompt=movement',
      ),
    );
    expect(await fakeBrowser.tabs.query({})).toHaveLength(before + 1);
  });

  it('a tab playing sound keeps nudges quiet when the user chose so (tabs.query audible)', async () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      nudges: { ...DEFAULT_SETTINGS.nudges, quietWhileAudible: true },
    };
    await fakeBrowser.storage.sync.set({ settings: writeVersioned(settingsFormat, settings) });
    await vi.waitFor(async () =>
      expect((await nudgeState()).basis).toContain('quietWhileAudible":true'),
    );
    const call = await fakeBrowser.tabs.create({ url: 'https://meet.example/call', active: true });
    await fakeBrowser.tabs.update(call.id!, { audible: true } as never);
    const alarm = (await fakeBrowser.alarms.get('nudge:posture'))!;
    vi.setSystemTime(alarm.scheduledTime);
    await fakeBrowser.alarms.onAlarm.trigger(alarm);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get('nudge:posture'))?.scheduledTime).toBeGreaterThanOrEqual(
        alarm.scheduledTime + 3 * MINUTE,
      ),
    );
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    await fakeBrowser.tabs.update(call.id!, { audible: false } as never);
    await fireNudge('posture');
  });

  it('notifications.onClosed by the user is a dismissal', async () => {
    await fireNudge('breathing');
    await fakeBrowser.notifications.onClosed.trigger('nudge-breathing', true);
    await vi.waitFor(async () => expect(await prompts()).toEqual([['breathing', 'dismissed']]));
  });

  it('idle.onStateChanged: away clears the nudge alarms, back sets them again', async () => {
    fakeIdle.enter('idle');
    await vi.waitFor(async () => expect(await nudgeAlarms()).toEqual([]));
    vi.setSystemTime(START + 20 * MINUTE);
    fakeIdle.enter('active');
    await vi.waitFor(async () => expect(await nudgeAlarms()).toHaveLength(4));
  });

  it('commands.onCommand logs a cup of water and toggles the pause', async () => {
    fakeCommands.press('log-water');
    await vi.waitFor(async () =>
      expect((await entries()).map((entry) => entry.kind === 'water' && entry.ml)).toEqual([250]),
    );
    fakeCommands.press('toggle-pause');
    await vi.waitFor(async () => expect((await nudgeState()).pausedIndefinitely).toBe(true));
    expect(await nudgeAlarms()).toEqual([]);
  });

  it('a command or a button refused is said in a notification, in words', async () => {
    await fireNudge('posture');
    Object.assign(fakeBrowser.i18n, {
      getMessage: (key: string, substitutions?: string[]) =>
        substitutions?.length ? `${key}(${substitutions.join(',')})` : key,
    });
    // A refusal no wait helps (a full storage keeps a log waiting for room instead).
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(
      new ProblemError('storage.settingsUnreadable'),
    );
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const said = (asked: string) =>
      expect(create).toHaveBeenCalledWith(
        PROBLEM_NOTIFICATION_ID,
        expect.objectContaining({
          title: `worker_notDone(${asked})`,
          message: 'storage_settingsUnreadable',
        }),
      );
    fakeCommands.press('log-water');
    await vi.waitFor(() => said('command_logWater'));
    await fakeBrowser.notifications.onButtonClicked.trigger('nudge-posture', 0);
    await vi.waitFor(() => said('worker_promptAnswer'));
    expect(await prompts()).toEqual([]);
  });

  it('storage.onChanged: settings from another device move the alarms and the badge', async () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      updatedAt: START,
      nudges: {
        ...DEFAULT_SETTINGS.nudges,
        posture: { ...DEFAULT_SETTINGS.nudges.posture, enabled: false },
        badge: 'nextNudge',
      },
    };
    await fakeBrowser.storage.sync.set({ settings: writeVersioned(settingsFormat, settings) });
    await vi.waitFor(async () =>
      expect(await nudgeAlarms()).toEqual(['nudge:breathing', 'nudge:movement', 'nudge:water']),
    );
    await vi.waitFor(async () =>
      expect(await fakeBrowser.action.getBadgeText({})).toBe('badge_minutes'),
    );
  });
});

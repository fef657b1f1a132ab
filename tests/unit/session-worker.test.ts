/**
 * Workout sessions in the worker: the messages, the rest alarm and its notification, fired as the
 * browser fires them (the background's own main against fakeBrowser), and a worker stopped
 * during a rest.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { sendMessage } from '../../lib/adapters/send-message';
import { createWorker } from '../../lib/app/worker';
import { LEFT_ALARM, REST_ALARM, REST_NOTIFICATION } from '../../lib/app/sessions';
import { LEFT_AFTER_MS, sessionFigures } from '../../lib/model/sessions';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import {
  activeSessionFormat,
  LOCAL_KEYS,
  readVersioned,
  routinesFormat,
  sessionHistoryFormat,
  settingsFormat,
  writeVersioned,
} from '../../lib/store/items';
import { readEntries } from '../../lib/store/buckets';
import { fakeWorkerDependencies, keyTranslate } from './worker-deps';

/** Monday 2026-11-23, 18:00 local time. */
const START = new Date(2026, 10, 23, 18).getTime();
const SECOND = 1000;

const stored = async () =>
  readVersioned(
    activeSessionFormat,
    (await fakeBrowser.storage.local.get(LOCAL_KEYS.session))[LOCAL_KEYS.session],
  ).value;
const sets = async () =>
  (await readEntries(fakeBrowser.storage.local as never, ['2026-11'])).filter(
    (entry) => entry.kind === 'set',
  );

const row = (reps: number, amount: number) => ({
  kind: 'set' as const,
  exercise: 'bentOverRow',
  reps,
  weight: { amount, unit: 'kg' as const },
  at: Date.now(),
});

describe('a session through the background’s listeners', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(START);
    Object.assign(fakeBrowser.runtime, { getManifest: () => ({ version: '1.0.0' }) });
    Object.assign(fakeBrowser.i18n, { getMessage: (key: string) => key });
    vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockResolvedValue({ state: 'normal' } as never);
    background.main();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.getAll()).toHaveLength(4));
  });
  afterEach(() => vi.useRealTimers());

  it('logs a set in the session, rests, and the notification’s button logs the next set once', async () => {
    await sendMessage('startSession', { routine: 'backDay' });
    await sendMessage('logSessionSet', { slot: 0, set: row(12, 20) });
    const rest = (await fakeBrowser.alarms.get(REST_ALARM))!;
    expect(rest.scheduledTime - START).toBeGreaterThanOrEqual(90 * SECOND);
    expect(rest.scheduledTime - START).toBeLessThan(91 * SECOND);
    vi.setSystemTime(rest.scheduledTime);
    await fakeBrowser.alarms.onAlarm.trigger(rest);
    await vi.waitFor(async () =>
      expect(await fakeBrowser.notifications.getAll()).toHaveProperty(REST_NOTIFICATION),
    );
    await fakeBrowser.notifications.onButtonClicked.trigger(REST_NOTIFICATION, 0);
    await vi.waitFor(async () => expect(await sets()).toHaveLength(2));
    // A second press (the notification outlived the set it logged) logs nothing more.
    await fakeBrowser.notifications.onButtonClicked.trigger(REST_NOTIFICATION, 0);
    // Session messages run one at a time: once this is answered, the press was handled.
    const { session } = await sendMessage('endSession', {});
    expect(session!.sets).toHaveLength(2);
    expect(await sets()).toHaveLength(2);
    expect((await sets())[1]).toMatchObject({ reps: 12, weight: { amount: 20, unit: 'kg' } });
    expect((await stored()).session!.sets.map((set) => set.id)).toEqual(
      (await sets()).map((set) => set.id),
    );
  });

  it('Snooze sets the rest 30 s later; a click opens the session on the guide page', async () => {
    await sendMessage('startSession', { routine: 'backDay' });
    await sendMessage('logSessionSet', { slot: 0, set: row(12, 20) });
    vi.setSystemTime(START + 90 * SECOND);
    await fakeBrowser.alarms.onAlarm.trigger((await fakeBrowser.alarms.get(REST_ALARM))!);
    await fakeBrowser.notifications.onButtonClicked.trigger(REST_NOTIFICATION, 1);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get(REST_ALARM))?.scheduledTime).toBeGreaterThanOrEqual(
        START + 120 * SECOND,
      ),
    );
    await fakeBrowser.notifications.onClicked.trigger(REST_NOTIFICATION);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(
        'chrome-extension://test-extension-id/guide.html?session',
      ),
    );
  });

  it('no rest notification after the session ends', async () => {
    await sendMessage('startSession', { routine: 'backDay' });
    await sendMessage('logSessionSet', { slot: 0, set: row(12, 20) });
    const rest = (await fakeBrowser.alarms.get(REST_ALARM))!;
    await sendMessage('endSession', {});
    expect(await fakeBrowser.alarms.get(REST_ALARM)).toBeUndefined();
    // An alarm the browser fired anyway, as it was ending.
    vi.setSystemTime(rest.scheduledTime);
    await fakeBrowser.alarms.onAlarm.trigger(rest);
    await sendMessage('nudgeStatus', {});
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });
});

describe('the session worker', () => {
  let now = START;
  const worker = (overrides = {}) =>
    createWorker(fakeWorkerDependencies(() => now, { randomId: () => `id${now}`, ...overrides }));
  beforeEach(() => {
    now = START;
  });

  it('says what comes next: set, exercise, numbers; Firefox is told to click', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const shownLast = () => create.mock.lastCall?.[1];
    const chrome = worker();
    await chrome.handlers.startSession({ routine: 'backDay' });
    await chrome.handlers.logSessionSet({ slot: 0, set: row(12, 20) });
    await chrome.handlers.logSessionSet({ slot: 0, set: row(12, 20), restSeconds: 60 });
    now += 60 * SECOND;
    await chrome.onAlarm({ name: REST_ALARM, scheduledTime: now });
    expect(create.mock.lastCall?.[0]).toBe(REST_NOTIFICATION);
    expect(shownLast()).toMatchObject({
      title: keyTranslate('session.restOver', [
        3,
        3,
        'exercise.bentOverRow.name',
        '12 × unit.kg(20)',
      ]),
      buttons: [{ title: 'session.logThis(12 × unit.kg(20))' }, { title: 'session.snooze' }],
    });
    const firefox = worker({ buttons: false });
    await firefox.onAlarm({ name: REST_ALARM, scheduledTime: now });
    await chrome.handlers.logSessionSet({ slot: 0, set: row(12, 20) });
    now += 60 * SECOND;
    await firefox.handlers.logSessionSet({
      slot: 1,
      set: { ...row(10, 40), exercise: 'latPulldown' },
    });
    now += 90 * SECOND;
    await firefox.onAlarm({ name: REST_ALARM, scheduledTime: now });
    expect(shownLast()).toMatchObject({
      title: keyTranslate('session.restOver', [
        2,
        3,
        'exercise.latPulldown.name',
        '10 × unit.kg(40)',
      ]),
      message: 'session.restOverClick',
    });
    expect(shownLast()).not.toHaveProperty('buttons');
  });

  it('a worker stopped during the rest: the alarm still fires and the button logs the right set once', async () => {
    const first = worker();
    await first.handlers.startSession({ routine: 'backDay' });
    await first.handlers.logSessionSet({ slot: 0, set: row(12, 20) });
    // Stopped: a new worker from storage, started as the browser starts it.
    now += 90 * SECOND;
    const second = worker();
    await second.resume();
    const alarm = (await fakeBrowser.alarms.get(REST_ALARM))!;
    expect(alarm.scheduledTime).toBe(START + 90 * SECOND);
    await second.onAlarm(alarm);
    expect(await fakeBrowser.notifications.getAll()).toHaveProperty(REST_NOTIFICATION);
    // Started again after showing it: the notification is not shown twice.
    await fakeBrowser.notifications.clear(REST_NOTIFICATION);
    const third = worker();
    await third.resume();
    expect(await fakeBrowser.alarms.get(REST_ALARM)).toBeUndefined();
    await Promise.all([
      third.onButtonClicked(REST_NOTIFICATION, 0),
      worker().onButtonClicked(REST_NOTIFICATION, 0),
    ]);
    expect(await sets()).toHaveLength(2);
    expect((await stored()).session!.sets.map((set) => set.exercise)).toEqual([
      'bentOverRow',
      'bentOverRow',
    ]);
  });

  it('waits while a window is fullscreen, when the user chose so', async () => {
    const isFullscreen = vi.fn(async () => true);
    const instance = worker({ isFullscreen });
    await instance.handlers.startSession({ routine: 'backDay' });
    await instance.handlers.logSessionSet({ slot: 0, set: row(12, 20) });
    now += 90 * SECOND;
    await instance.onAlarm({ name: REST_ALARM, scheduledTime: now });
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect((await fakeBrowser.alarms.get(REST_ALARM))!.scheduledTime).toBe(now + 30 * SECOND);
    await fakeBrowser.storage.sync.set({
      settings: writeVersioned(settingsFormat, {
        ...DEFAULT_SETTINGS,
        nudges: { ...DEFAULT_SETTINGS.nudges, deferInFullscreen: false },
      }),
    });
    now += 30 * SECOND;
    await instance.onAlarm({ name: REST_ALARM, scheduledTime: now });
    expect(await fakeBrowser.notifications.getAll()).toHaveProperty(REST_NOTIFICATION);
  });

  it('a session left open for hours ends by itself, kept with what was logged', async () => {
    const instance = worker();
    await instance.handlers.startSession({ routine: 'backDay' });
    await instance.handlers.logSessionSet({ slot: 0, set: row(12, 20) });
    const left = (await fakeBrowser.alarms.get(LEFT_ALARM))!;
    expect(left.scheduledTime).toBe(START + LEFT_AFTER_MS);
    now = left.scheduledTime;
    await instance.onAlarm(left);
    expect((await stored()).session).toMatchObject({ end: 'left', endedAt: START });
    const history = readVersioned(
      sessionHistoryFormat,
      (await fakeBrowser.storage.local.get(LOCAL_KEYS.sessions))[LOCAL_KEYS.sessions],
    ).value.sessions;
    expect(history.map((session) => session.sets.length)).toEqual([1]);
    await expect(instance.handlers.logSessionSet({ slot: 0, set: row(12, 20) })).rejects.toThrow(
      'session.none',
    );
  });

  it('the end compares with the last time of the routine', async () => {
    const instance = worker();
    await instance.handlers.startSession({ routine: 'backDay' });
    await instance.handlers.logSessionSet({ slot: 0, set: row(12, 20) });
    now += 10 * 60 * SECOND;
    await instance.handlers.endSession({});
    now += 2 * 86_400_000;
    await instance.handlers.startSession({ routine: 'backDay' });
    const started = await stored();
    expect(started.session!.slots[0]!.last).toMatchObject({ reps: 12, weight: { amount: 20 } });
    expect(started.session!.slots[0]!.target).toMatchObject({ reps: 12, weight: { amount: 22.5 } });
    await instance.handlers.logSessionSet({ slot: 0, set: row(12, 22.5) });
    await instance.handlers.logSessionSet({ slot: 0, set: row(12, 22.5) });
    now += 5 * 60 * SECOND;
    const ended = await instance.handlers.endSession({});
    expect(ended.before).toEqual({
      sets: 1,
      volumeKg: 240,
      activeMs: 600_000,
      records: 1,
      exercises: 1,
    });
    expect(ended.session!.sets.map((set) => set.records ?? 0)).toEqual([2, 0]);
    expect(sessionFigures(ended.session!).records).toBe(1);
  });

  it('saves the user’s routines to sync, newest write wins, and starts a session of one', async () => {
    const instance = worker();
    const own = {
      id: 'own-abcd1',
      name: 'My back day',
      focus: 'back' as const,
      exercises: [
        { exercise: 'deadlift', sets: 2, reps: [5, 5] as [number, number], restSeconds: 180 },
      ],
      updatedAt: 0,
    };
    const saved = await instance.handlers.saveRoutines({
      routines: { routines: [own], rotation: ['own-abcd1'], updatedAt: 0 },
    });
    expect(saved.updatedAt).toBe(START);
    expect(
      readVersioned(routinesFormat, (await fakeBrowser.storage.sync.get('routines')).routines)
        .value,
    ).toEqual(saved);
    // A file's older record put back does not replace a newer one.
    const older = await instance.handlers.saveRoutines({
      routines: { routines: [], rotation: ['backDay'], updatedAt: START - 1 },
      restore: true,
    });
    expect(older).toEqual(saved);
    const { session } = await instance.handlers.startSession({ routine: 'own-abcd1' });
    expect(session!.slots.map((slot) => [slot.exercise, slot.sets])).toEqual([['deadlift', 2]]);
    await fakeBrowser.storage.sync.set({ routines: { v: 9 } });
    await expect(
      instance.handlers.saveRoutines({
        routines: { routines: [], rotation: ['backDay'], updatedAt: 0 },
      }),
    ).rejects.toThrow('routine.unreadable');
  });
});

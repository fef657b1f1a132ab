import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { alarmName, notificationId } from '../../lib/nudge/engine';
import { isDismissal, QUIET_RECHECK_MINUTES } from '../../lib/nudge/decisions';
import { promptContent } from '../../lib/nudge/prompts';
import { nudgeStateFormat } from '../../lib/nudge/state';
import { HABIT_KINDS } from '../../lib/model/habits';
import { DEFAULT_SETTINGS, type Goals, type Settings } from '../../lib/model/settings';
import {
  FORMER_LOCAL_SNAPSHOT,
  LOCAL_KEYS,
  readVersioned,
  SESSION_KEYS,
  type KeyValueArea,
} from '../../lib/store/items';
import { firstPaintBuild, readFirstPaint, type StoredSnapshot } from '../../lib/store/first-paint';
import type { TodaySnapshot } from '../../lib/stats/today';
import { readEntries } from '../../lib/store/buckets';
import { BADGE_COLOUR } from '../../lib/app/badge';
import type { WorkerDependencies } from '../../lib/app/dependencies';
import { createWorker } from '../../lib/app/worker';
import { fakeIdle } from './fakes';
import { fakeWorkerDependencies, keyTranslate } from './worker-deps';
import { englishTranslate } from './messages';
import { MINUTE, novemberAt } from './builders';

/** The habits the badge counts while they are left today, and those the title counts. */
const dailyKinds = HABIT_KINDS.filter((kind) => kind.judge.unit === 'days');
const countedKinds = HABIT_KINDS.filter((kind) => kind.ring === 'count');

const at = novemberAt;

function setup(overrides: Partial<WorkerDependencies> = {}, settings?: Partial<Settings>) {
  let now = at(23, 9);
  const deps = fakeWorkerDependencies(() => now, overrides);
  const worker = createWorker(deps);
  // As entrypoints/background.ts does: the worker's view of today follows every change.
  fakeBrowser.storage.onChanged.addListener((changes, area) =>
    worker.onStorageChanged(changes, area),
  );
  const create = vi.spyOn(fakeBrowser.notifications, 'create');
  return {
    worker,
    engine: worker.engine,
    deps,
    create,
    setNow: (time: number) => void (now = time),
    async saveSettings(changes: Partial<Settings>) {
      await worker.handlers.saveSettings({ settings: { ...DEFAULT_SETTINGS, ...changes } });
    },
    ready: async () => {
      if (settings)
        await worker.handlers.saveSettings({ settings: { ...DEFAULT_SETTINGS, ...settings } });
      await worker.resume();
    },
    /** Fires a kind's alarm as Chromium would at `time`. */
    async fire(kind: string, time: number, scheduledTime = time) {
      now = time;
      await worker.onAlarm({ name: `nudge:${kind}`, scheduledTime });
    },
  };
}

async function alarmTime(kind: string) {
  return (await fakeBrowser.alarms.get(alarmName(kind as never)))?.scheduledTime;
}

async function prompts() {
  return (await readEntries(fakeBrowser.storage.local as never, ['2026-11'])).filter(
    (entry) => entry.kind === 'prompt',
  );
}

async function nudgeState() {
  return readVersioned(
    nudgeStateFormat,
    (await fakeBrowser.storage.local.get(LOCAL_KEYS.nudgeState))[LOCAL_KEYS.nudgeState],
  ).value;
}

describe('reconciling alarms with the settings', () => {
  it('sets one alarm per enabled kind at its due time, and doing it again changes nothing', async () => {
    const { engine, ready } = setup();
    await ready();
    expect(await alarmTime('posture')).toBe(at(23, 9, 30));
    expect(await alarmTime('movement')).toBe(at(23, 10));
    expect(await alarmTime('breathing')).toBe(at(23, 11));
    expect(await alarmTime('water')).toBe(at(23, 10, 30));
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    await engine.reconcile();
    await engine.reconcile();
    expect(create).not.toHaveBeenCalled();
  });

  it('follows a settings change: a kind turned off loses its alarm, a new interval moves it', async () => {
    const { worker, ready, saveSettings } = setup();
    await ready();
    await saveSettings({
      nudges: {
        ...DEFAULT_SETTINGS.nudges,
        water: { ...DEFAULT_SETTINGS.nudges.water, enabled: false },
        posture: { ...DEFAULT_SETTINGS.nudges.posture, everyMinutes: 45 },
      },
    });
    await worker.onSettingsChanged();
    expect(await alarmTime('water')).toBeUndefined();
    expect(await alarmTime('posture')).toBe(at(23, 9, 45));
  });

  it('re-creates an alarm the browser lost, on the next start', async () => {
    const { worker, ready } = setup();
    await ready();
    await fakeBrowser.alarms.clear('nudge:posture');
    await worker.resume();
    expect(await alarmTime('posture')).toBe(at(23, 9, 30));
  });
});

describe('firing a prompt', () => {
  it('shows a notification with Done and Snooze inside active hours, and schedules the next', async () => {
    const { fire, create, ready } = setup();
    await ready();
    await fire('posture', at(23, 9, 30));
    expect(create).toHaveBeenCalledWith(
      notificationId('posture'),
      expect.objectContaining({
        title: 'posture.title.sitTall',
        message: 'posture.cue.sitTall',
        buttons: [{ title: 'nudge.done' }, { title: 'nudge.snooze(10)' }],
      }),
    );
    expect(await alarmTime('posture')).toBe(at(23, 10));
  });

  it('two kinds due in the same second give one prompt; the other comes five minutes later', async () => {
    const { fire, create, ready } = setup();
    await ready();
    // Both alarms fire together, as when the browser fires a late one with the next.
    await fire('posture', at(23, 9, 30));
    await fire('movement', at(23, 9, 30));
    expect(create.mock.calls.map(([id]) => id)).toEqual([notificationId('posture')]);
    expect(await alarmTime('movement')).toBe(at(23, 9, 35));
    await fire('movement', at(23, 9, 35));
    expect(create.mock.calls.map(([id]) => id)).toEqual([
      notificationId('posture'),
      notificationId('movement'),
    ]);
  });

  it('rotates its text and replaces an unanswered prompt, logging it as expired', async () => {
    const { fire, create, ready } = setup();
    await ready();
    await fire('posture', at(23, 9, 30));
    await fire('posture', at(23, 10));
    expect(create.mock.calls[1]?.[1]).toMatchObject({ message: 'posture.cue.shouldersDown' });
    expect(await prompts()).toEqual([
      expect.objectContaining({ prompt: 'posture', outcome: 'expired', firedAt: at(23, 9, 30) }),
    ]);
    expect((await prompts())[0]).not.toHaveProperty('answeredAt');
  });

  it('titles a prompt with what to do: a desk move (its amount below), a pattern, the water to go', () => {
    const water = { todayMl: 500, goalMl: 2000 };
    expect(promptContent(keyTranslate, 'movement', 0, water, DEFAULT_SETTINGS)).toEqual({
      title: 'nudge.movement.instruction(exercise.scapularSqueeze.name)',
      message: 'nudge.movement.message(prescription.reps(10–15),exercise.scapularSqueeze.cues)',
      detail: 'scapularSqueeze',
    });
    expect(promptContent(keyTranslate, 'breathing', 0, water, DEFAULT_SETTINGS).title).toBe(
      'nudge.breathing.instruction(breathing.pattern.box.name)',
    );
    expect(promptContent(keyTranslate, 'water', 0, water, DEFAULT_SETTINGS).title).toBe(
      'nudge.water.instruction(unit.ml(1,500))',
    );
    expect(promptContent(keyTranslate, 'breathing', 1, water, DEFAULT_SETTINGS).detail).toBe(
      'fourSevenEight',
    );
    expect(promptContent(keyTranslate, 'water', 0, water, DEFAULT_SETTINGS).message).toBe(
      'nudge.water.message(unit.ml(500),unit.ml(2,000))',
    );
  });

  it('has no buttons where the browser has none (Firefox)', async () => {
    const { fire, create, ready } = setup({ buttons: false });
    await ready();
    await fire('posture', at(23, 9, 30));
    expect(create.mock.calls[0]?.[1]).not.toHaveProperty('buttons');
  });

  it('shows nothing outside active hours and waits for the next range', async () => {
    const { fire, create, ready } = setup();
    await ready();
    await fire('posture', at(23, 19));
    expect(create).not.toHaveBeenCalled();
    expect(await alarmTime('posture')).toBe(at(24, 9, 30));
  });

  it('waits while the focused window is fullscreen', async () => {
    const { fire, create, ready } = setup({ isFullscreen: async () => true });
    await ready();
    await fire('posture', at(23, 9, 30));
    expect(create).not.toHaveBeenCalled();
    expect(await alarmTime('posture')).toBe(at(23, 9, 30) + QUIET_RECHECK_MINUTES * MINUTE);
  });

  it('waits while a tab plays sound only when the user chose so', async () => {
    const isAudible = vi.fn(async () => true);
    const quiet = { nudges: { ...DEFAULT_SETTINGS.nudges, quietWhileAudible: true } };
    const { fire, create, ready, saveSettings } = setup({ isAudible }, quiet);
    await ready();
    await fire('posture', at(23, 9, 30));
    expect(create).not.toHaveBeenCalled();
    expect(await alarmTime('posture')).toBe(at(23, 9, 30) + QUIET_RECHECK_MINUTES * MINUTE);
    isAudible.mockResolvedValue(false);
    await fire('posture', at(23, 9, 33));
    expect(create).toHaveBeenCalledTimes(1);

    await saveSettings({});
    isAudible.mockResolvedValue(true);
    await fire('movement', at(23, 10));
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('stops water prompts once the day’s goal is met', async () => {
    const { worker, fire, create, ready, setNow } = setup();
    await ready();
    setNow(at(23, 10));
    await worker.handlers.logEntries({ entries: [{ kind: 'water', ml: 2000, at: at(23, 10) }] });
    await fire('water', at(23, 10, 30));
    expect(create).not.toHaveBeenCalled();
    expect(await alarmTime('water')).toBe(at(24, 10, 30));
  });
});

describe('spacing', () => {
  it('never lets two kinds fall due together', async () => {
    const { ready } = setup();
    await ready();
    const times = (
      await Promise.all(['posture', 'movement', 'breathing', 'water'].map(alarmTime))
    ).sort();
    for (let index = 1; index < times.length; index++) {
      expect(times[index]! - times[index - 1]!).toBeGreaterThanOrEqual(5 * MINUTE);
    }
  });
});

describe('the test notification', () => {
  it('shows a sample prompt and logs nothing', async () => {
    const { engine, create, ready } = setup();
    await ready();
    await engine.showTest();
    expect(create).toHaveBeenCalledWith(
      'nudge-test',
      expect.objectContaining({ title: 'posture.title.sitTall' }),
    );
    expect(await prompts()).toEqual([]);
  });
});

describe('answers', () => {
  it('Done logs the prompt as done with its times and clears the notification', async () => {
    const { engine, fire, ready, setNow } = setup();
    await ready();
    await fire('posture', at(23, 9, 30));
    setNow(at(23, 9, 31));
    const clear = vi.spyOn(fakeBrowser.notifications, 'clear');
    await engine.onButtonClicked(notificationId('posture'), 0);
    expect(await prompts()).toEqual([
      expect.objectContaining({
        prompt: 'posture',
        outcome: 'done',
        firedAt: at(23, 9, 30),
        answeredAt: at(23, 9, 31),
      }),
    ]);
    expect(clear).toHaveBeenCalledWith('nudge-posture');
    expect((await nudgeState()).kinds.posture?.pending).toBeUndefined();
  });

  it('Snooze logs a snooze and brings the prompt back after the snooze time', async () => {
    const { engine, fire, ready, setNow } = setup();
    await ready();
    await fire('movement', at(23, 10));
    setNow(at(23, 10, 2));
    await engine.onButtonClicked(notificationId('movement'), 1);
    expect(await alarmTime('movement')).toBe(at(23, 10, 12));
    expect((await prompts())[0]).toMatchObject({ outcome: 'snoozed', detail: 'scapularSqueeze' });
  });

  it('a water reminder offers the user’s two cups; pressing one logs that water as done', async () => {
    const { engine, fire, create, ready, setNow } = setup({}, { cupsMl: [300, 450, 600] });
    await ready();
    await fire('water', at(23, 10, 30));
    expect(create.mock.calls[0]?.[1]).toMatchObject({
      title: 'nudge.water.instruction(unit.ml(2,000))',
      buttons: [{ title: 'nudge.cup(unit.ml(300))' }, { title: 'nudge.cup(unit.ml(450))' }],
    });
    setNow(at(23, 10, 31));
    await engine.onButtonClicked(notificationId('water'), 1);
    const entries = await readEntries(fakeBrowser.storage.local as never, ['2026-11']);
    expect(entries.filter((entry) => entry.kind === 'water')).toEqual([
      expect.objectContaining({ ml: 450, at: at(23, 10, 31) }),
    ]);
    expect(await prompts()).toEqual([
      expect.objectContaining({ prompt: 'water', outcome: 'done', firedAt: at(23, 10, 30) }),
    ]);
  });

  it('water logged anywhere answers an open water reminder, which is then never counted missed', async () => {
    const { worker, fire, ready, setNow } = setup();
    await ready();
    await fire('water', at(23, 10, 30));
    const clear = vi.spyOn(fakeBrowser.notifications, 'clear');
    setNow(at(23, 10, 40));
    await worker.handlers.logEntries({ entries: [{ kind: 'water', ml: 250, at: at(23, 10, 40) }] });
    expect(clear).toHaveBeenCalledWith('nudge-water');
    await worker.onCommand('log-water');
    await fire('water', at(23, 12));
    expect((await prompts()).map((entry) => [entry.prompt, entry.outcome])).toEqual([
      ['water', 'done'],
    ]);
  });

  it('a Done counts once per prompt, wherever it is pressed', async () => {
    const { engine, fire, ready, setNow } = setup();
    await ready();
    await fire('posture', at(23, 9, 30));
    const [pending] = (await engine.status()).pending;
    expect(pending).toEqual({ kind: 'posture', firedAt: at(23, 9, 30) });
    setNow(at(23, 9, 31));
    await engine.answer('posture', 'done', undefined, pending!.firedAt);
    await expect(engine.answer('posture', 'done', undefined, pending!.firedAt)).rejects.toThrow(
      'nudge.alreadyAnswered',
    );
    // The notification outlived the answer: its button changes nothing.
    await engine.onButtonClicked(notificationId('posture'), 0);
    expect((await prompts()).map((entry) => entry.outcome)).toEqual(['done']);
  });

  it('Done on the water guide logs the first cup once and answers the reminder', async () => {
    const { worker, fire, ready, setNow } = setup({}, { cupsMl: [300, 500] });
    await ready();
    await fire('water', at(23, 10, 30));
    setNow(at(23, 10, 32));
    const done = { kind: 'water', outcome: 'done', prompt: at(23, 10, 30) } as const;
    const status = await worker.handlers.answerPrompt(done);
    expect(status.pending).toEqual([]);
    // A second Done for the same prompt (another tab, the alert clicked again) logs nothing.
    await expect(worker.handlers.answerPrompt(done)).rejects.toThrow('nudge.alreadyAnswered');
    const entries = await readEntries(fakeBrowser.storage.local as never, ['2026-11']);
    expect(entries.filter((entry) => entry.kind === 'water')).toEqual([
      expect.objectContaining({ ml: 300, at: at(23, 10, 32) }),
    ]);
    expect((await prompts()).map((entry) => [entry.prompt, entry.outcome])).toEqual([
      ['water', 'done'],
    ]);
  });

  it('a snooze from the guide page can be 5, 10 or 15 minutes', async () => {
    const { engine, ready } = setup();
    await ready();
    await engine.answer('posture', 'snoozed', 15);
    expect(await alarmTime('posture')).toBe(at(23, 9, 15));
  });

  it('closing the notification unclicked is a dismissal, logged once', async () => {
    const { engine, fire, ready } = setup();
    await ready();
    await fire('breathing', at(23, 11));
    await engine.onNotificationClosed(notificationId('breathing'), false);
    expect(await prompts()).toEqual([]);
    await engine.onNotificationClosed(notificationId('breathing'), true);
    await engine.onNotificationClosed(notificationId('breathing'), true);
    expect(await prompts()).toEqual([
      expect.objectContaining({ prompt: 'breathing', outcome: 'dismissed', detail: 'box' }),
    ]);
  });

  describe.each([
    ['Chrome', 'reported'],
    ['Firefox', 'unknown'],
  ] as const)('clicking it in %s', (_browser, closedByUser) => {
    it('opens the guide; the close that follows is no dismissal, Done is logged once', async () => {
      const { engine, fire, ready, deps, setNow } = setup({ closedByUser });
      await ready();
      await fire('breathing', at(23, 11));
      await engine.onClicked(notificationId('breathing'));
      expect(deps.openGuide).toHaveBeenCalledWith('breathing');
      await engine.onNotificationClosed(notificationId('breathing'), true);
      expect(await prompts()).toEqual([]);
      setNow(at(23, 11, 2));
      await engine.answer('breathing', 'done');
      expect(await prompts()).toEqual([
        expect.objectContaining({ outcome: 'done', firedAt: at(23, 11), detail: 'box' }),
      ]);
    });
  });

  it('in Firefox, a close says nothing: an unanswered prompt is logged expired when replaced', async () => {
    const { engine, fire, ready } = setup({ closedByUser: 'unknown' });
    await ready();
    await fire('posture', at(23, 9, 30));
    // Firefox's alert timing out unclicked: reported closed by the user.
    await engine.onNotificationClosed(notificationId('posture'), true);
    expect(await prompts()).toEqual([]);
    expect((await engine.status()).pending).toEqual([{ kind: 'posture', firedAt: at(23, 9, 30) }]);
    await fire('posture', at(23, 10));
    expect(await prompts()).toEqual([
      expect.objectContaining({ prompt: 'posture', outcome: 'expired', firedAt: at(23, 9, 30) }),
    ]);
  });

  it('the dismissal rule per browser', () => {
    expect(isDismissal('reported', true, false)).toBe(true);
    expect(isDismissal('reported', false, false)).toBe(false);
    expect(isDismissal('reported', true, true)).toBe(false);
    expect(isDismissal('unknown', true, false)).toBe(false);
  });

  it('skips until the day’s cap is used up', async () => {
    const { engine, ready } = setup({}, { nudges: { ...DEFAULT_SETTINGS.nudges, skipCap: 1 } });
    await ready();
    expect((await engine.answer('posture', 'skipped')).skipsLeft).toBe(0);
    await expect(engine.answer('movement', 'skipped')).rejects.toThrow('nudge.skipCapReached');
    expect((await prompts()).map((entry) => entry.outcome)).toEqual(['skipped']);
  });
});

describe('absences', () => {
  it('shows nothing while the user is away, runs no alarm meanwhile, and restarts the timers on return', async () => {
    const { engine, fire, create, ready, setNow } = setup();
    await ready();
    fakeIdle.state = 'idle';
    await fire('posture', at(23, 9, 30));
    expect(create).not.toHaveBeenCalled();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    setNow(at(23, 12));
    fakeIdle.state = 'active';
    await engine.onIdleStateChanged('active');
    expect(await alarmTime('posture')).toBe(at(23, 12, 30));
    expect(await alarmTime('movement')).toBe(at(23, 13));
    expect(await alarmTime('breathing')).toBe(at(23, 14, 30));
  });

  it('going idle or locked stops the alarms at once', async () => {
    const { engine, ready } = setup();
    await ready();
    await engine.onIdleStateChanged('locked');
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    expect((await engine.status()).away).toBe(true);
  });

  it('after sleep there is no prompt on waking, and no burst after it', async () => {
    const { fire, create, ready } = setup();
    await ready();
    // Each alarm fires once on wake, long after its time.
    for (const kind of ['posture', 'movement', 'water'])
      await fire(kind, at(23, 15), at(23, 9, 30));
    expect(create).not.toHaveBeenCalled();
    const times = await Promise.all(['posture', 'movement', 'water'].map(alarmTime));
    expect(new Set(times).size).toBe(3);
    for (const time of times) expect(time).toBeGreaterThanOrEqual(at(23, 15, 30));
  });

  it('with “continue”, what fell due while away comes back one at a time, but movement restarts', async () => {
    const { engine, ready, setNow } = setup(
      {},
      { nudges: { ...DEFAULT_SETTINGS.nudges, afterAbsence: 'continue' } },
    );
    await ready();
    await engine.onIdleStateChanged('idle');
    setNow(at(23, 11, 30));
    await engine.onIdleStateChanged('active');
    expect(await alarmTime('posture')).toBe(at(23, 11, 31));
    expect(await alarmTime('breathing')).toBe(at(23, 11, 36));
    expect(await alarmTime('water')).toBe(at(23, 11, 41));
    expect(await alarmTime('movement')).toBe(at(23, 12, 30));
  });

  it('with “pause”, nudges stay paused after an absence until resumed', async () => {
    const { engine, ready, setNow } = setup(
      {},
      { nudges: { ...DEFAULT_SETTINGS.nudges, afterAbsence: 'pause' } },
    );
    await ready();
    await engine.onIdleStateChanged('idle');
    setNow(at(23, 11));
    const status = await engine.onIdleStateChanged('active').then(() => engine.status());
    expect(status).toMatchObject({ pausedIndefinitely: true, away: false });
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    await engine.resume();
    expect(await alarmTime('posture')).toBe(at(23, 11, 30));
  });
});

describe('pausing', () => {
  it('moves every alarm past the pause, shows nothing during it, and resumes by itself', async () => {
    const { engine, fire, create, ready } = setup();
    await ready();
    const status = await engine.pause('1h');
    expect(status.pausedUntil).toBe(at(23, 10));
    for (const alarm of await fakeBrowser.alarms.getAll())
      expect(alarm.scheduledTime).toBeGreaterThanOrEqual(at(23, 10));
    await fire('posture', at(23, 9, 45));
    expect(create).not.toHaveBeenCalled();
    await fire('posture', at(23, 10, 30));
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('until resumed: no alarms at all; resuming restarts from now', async () => {
    const { engine, ready, setNow } = setup();
    await ready();
    await engine.pause('untilResumed');
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    setNow(at(23, 14));
    await engine.resume();
    expect(await alarmTime('posture')).toBe(at(23, 14, 30));
  });

  it('toggles with the keyboard command', async () => {
    const { worker, engine, ready } = setup();
    await ready();
    await worker.onCommand('toggle-pause');
    expect((await engine.status()).pausedIndefinitely).toBe(true);
    await worker.onCommand('toggle-pause');
    expect((await engine.status()).pausedIndefinitely).toBe(false);
  });
});

describe('keyboard commands and the badge', () => {
  it('log a cup of water and repeat the last set', async () => {
    const { worker, ready, setNow } = setup();
    await ready();
    await worker.handlers.logEntries({
      entries: [
        {
          kind: 'set',
          exercise: 'deadlift',
          reps: 8,
          weight: { amount: 60, unit: 'kg' },
          at: at(23, 9, 5),
        },
      ],
    });
    setNow(at(23, 9, 10));
    await worker.onCommand('log-water');
    await worker.onCommand('repeat-last-set');
    const entries = await readEntries(fakeBrowser.storage.local as never, ['2026-11']);
    expect(entries.map((entry) => entry.kind)).toEqual(['set', 'water', 'set']);
    // Logged in the same millisecond as the water, so one millisecond on (instants are unique).
    expect(entries[2]).toMatchObject({
      exercise: 'deadlift',
      reps: 8,
      weight: { amount: 60, unit: 'kg' },
      at: at(23, 9, 10) + 1,
    });
  });

  it('shows water progress and summarises the day in the title', async () => {
    const { worker, ready } = setup();
    await ready();
    await worker.handlers.logEntries({ entries: [{ kind: 'water', ml: 500, at: at(23, 9) }] });
    await worker.updateBadge();
    // Every daily habit is left, water too.
    expect(await fakeBrowser.action.getBadgeText({})).toBe(String(dailyKinds.length));
    const counts = countedKinds.map((kind) => `badge.${kind.id}(0)`).join(', ');
    const title = await fakeBrowser.action.getTitle({});
    const start = `badge.title(badge.water(unit.ml(500),unit.ml(2,000)) · ${counts} · badge.noWorkout · badge.next.posture(`;
    expect(title.slice(0, start.length)).toBe(start);
  });

  it('names the next nudge in the title as a person would say it', async () => {
    const { worker, ready } = setup({ t: await englishTranslate() });
    await ready();
    await worker.updateBadge();
    const title = await fakeBrowser.action.getTitle({});
    expect(title).toMatch(/ · next posture check at \d{1,2}:30\b[^·]*$/);
  });

  it('shows water as litres drunk, and never a zero', async () => {
    const { worker, ready, saveSettings } = setup(
      { t: await englishTranslate() },
      { nudges: { ...DEFAULT_SETTINGS.nudges, badge: 'water' } },
    );
    await ready();
    await worker.updateBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    await worker.handlers.logEntries({ entries: [{ kind: 'water', ml: 1250, at: at(23, 9) }] });
    await worker.updateBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1.3L');
    await saveSettings({
      units: 'imperial',
      nudges: { ...DEFAULT_SETTINGS.nudges, badge: 'water' },
    });
    await worker.updateBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('42oz');
  });

  it('draws the badge in the brand colour with white text, and shows nothing once every habit is met', async () => {
    const background = vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor');
    const text = vi.spyOn(fakeBrowser.action, 'setBadgeTextColor');
    const { worker, ready } = setup(
      {},
      {
        goals: {
          ...DEFAULT_SETTINGS.goals,
          ...Object.fromEntries(
            dailyKinds.filter((kind) => kind.id !== 'water').map((kind) => [kind.goal, 0]),
          ),
        } as Goals,
      },
    );
    await ready();
    await worker.handlers.logEntries({ entries: [{ kind: 'water', ml: 2000, at: at(23, 9) }] });
    await worker.updateBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(background).toHaveBeenCalledWith({ color: BADGE_COLOUR });
    expect(text).toHaveBeenCalledWith({ color: '#ffffff' });
  });

  it('can show the minutes to the next nudge instead', async () => {
    const { worker, ready } = setup(
      { t: await englishTranslate() },
      { nudges: { ...DEFAULT_SETTINGS.nudges, badge: 'nextNudge' } },
    );
    await ready();
    await worker.updateBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('30m');
  });
});

describe("the popup's first paint", () => {
  const key = SESSION_KEYS.todaySnapshot;
  const session = fakeBrowser.storage.session as unknown as KeyValueArea;
  const stored = async () => (await session.get(key))[key] as StoredSnapshot;
  const build = firstPaintBuild('1.0.0', 'en-US');
  const page = (html: string) => ({ html, lang: 'en-US', dir: 'ltr' });

  it('is stored in session storage with the snapshot, and drawn again only when today changes', async () => {
    const draw = vi.fn((snapshot: TodaySnapshot) =>
      page(`<main>${snapshot.todayTotals.waterMl}</main>`),
    );
    const { worker, ready } = setup({ firstPaint: { draw, build }, session });
    await ready();
    await worker.updateBadge();
    expect((await stored()).firstPaint).toEqual({ ...page('<main>0</main>'), build });
    const draws = draw.mock.calls.length;
    await worker.updateBadge();
    expect(draw).toHaveBeenCalledTimes(draws);

    await worker.handlers.logEntries({ entries: [{ kind: 'water', ml: 500, at: at(23, 9) }] });
    await worker.updateBadge();
    expect((await stored()).firstPaint?.html).toBe('<main>500</main>');
    const read = await readFirstPaint(session, at(23, 9, 1), build);
    expect(read?.drawn).toEqual(page('<main>500</main>'));
    expect(read?.snapshot.todayTotals.waterMl).toBe(500);
    // Another version's HTML would not match its components, another language's its words: the
    // snapshot alone is read.
    for (const other of [firstPaintBuild('1.1.0', 'en-US'), firstPaintBuild('1.0.0', 'de')]) {
      expect(await readFirstPaint(session, at(23, 9, 1), other)).toEqual({
        snapshot: read!.snapshot,
      });
    }
  });

  it('says whether the popup opens on a workout session, and is drawn again when that changes', async () => {
    const draw = vi.fn((snapshot: TodaySnapshot) => page(`<main>${snapshot.onSession}</main>`));
    const { worker, ready } = setup({ firstPaint: { draw, build }, session });
    await ready();
    await worker.updateBadge();
    expect(await stored()).toMatchObject({
      onSession: false,
      firstPaint: page('<main>false</main>'),
    });
    await worker.handlers.startSession({});
    await worker.updateBadge();
    expect(await stored()).toMatchObject({
      onSession: true,
      firstPaint: page('<main>true</main>'),
    });
    // Ended, its summary still takes the popup; closed, the popup is the Now screen again.
    await worker.handlers.endSession({});
    await worker.updateBadge();
    expect((await stored()).onSession).toBe(true);
    await worker.handlers.endSession({ dismiss: true });
    await worker.updateBadge();
    expect((await stored()).onSession).toBe(false);
  });

  it('drawn by another version or language, is drawn again though today is unchanged', async () => {
    const firstPaint = { draw: () => page('<main>new</main>'), build };
    const { worker, ready } = setup({ firstPaint, session });
    await ready();
    await worker.updateBadge();
    for (const old of [firstPaintBuild('0.9.0', 'en-US'), firstPaintBuild('1.0.0', 'de')]) {
      await session.set({
        [key]: { ...(await stored()), firstPaint: { ...page('old'), build: old } },
      });
      const restarted = createWorker(
        fakeWorkerDependencies(() => at(23, 9), { firstPaint, session }),
      );
      await restarted.resume();
      await restarted.updateBadge();
      expect((await stored()).firstPaint).toEqual({ ...page('<main>new</main>'), build });
    }
  });

  it('leaves no snapshot in local storage, where an older version kept it', async () => {
    await fakeBrowser.storage.local.set({ [FORMER_LOCAL_SNAPSHOT]: { v: 1, today: '2026-11-22' } });
    const { worker, ready } = setup({ session });
    await ready();
    await worker.updateBadge();
    expect(await fakeBrowser.storage.local.get(FORMER_LOCAL_SNAPSHOT)).toEqual({});
    expect(await stored()).toMatchObject({ v: 1, today: '2026-11-23' });
  });

  it('that fails to draw leaves the snapshot stored without it, for the popup to draw', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { worker, ready } = setup({
      firstPaint: {
        draw: () => {
          throw new Error('no');
        },
        build,
      },
      session,
    });
    await ready();
    await worker.updateBadge();
    expect(await stored()).toMatchObject({ v: 1, today: '2026-11-23' });
    expect((await stored()).firstPaint).toBeUndefined();
    expect(error).toHaveBeenCalled();
  });
});

describe('time off', () => {
  it('pauses every nudge from the first day to the last, logs the days as time off, and ends by itself', async () => {
    const { worker, fire, create, ready, setNow } = setup();
    await ready();
    const status = await worker.handlers.takeTimeOff({
      reason: 'vacation',
      from: '2026-11-24',
      until: '2026-11-26',
    });
    expect(status.timeOff).toEqual({ start: at(24, 0), end: at(27, 0) });
    // Nothing due inside the time off: every kind comes after it.
    for (const kind of ['posture', 'movement', 'breathing', 'water'])
      expect(await alarmTime(kind)).not.toSatisfy(
        (time: number) => time >= at(24, 0) && time < at(27, 0),
      );
    await fire('posture', at(23, 9, 30));
    expect(create).toHaveBeenCalledTimes(1);
    await fire('posture', at(25, 10));
    expect(create).toHaveBeenCalledTimes(1);
    expect((await worker.engine.status()).pausedUntil).toBe(at(27, 0));
    setNow(at(27, 9));
    expect((await worker.engine.status()).pausedUntil).toBeUndefined();
    const rest = (await readEntries(fakeBrowser.storage.local as never, ['2026-11'])).filter(
      (entry) => entry.kind === 'rest',
    );
    expect(rest.map((entry) => [entry.day, entry.kind === 'rest' && entry.reason])).toEqual([
      ['2026-11-24', 'vacation'],
      ['2026-11-25', 'vacation'],
      ['2026-11-26', 'vacation'],
    ]);
  });

  it('refuses time off that ended before today, and changes nothing', async () => {
    const { worker, ready } = setup();
    await ready();
    await expect(
      worker.handlers.takeTimeOff({ reason: 'sick', from: '2026-11-25', until: '2026-11-24' }),
    ).rejects.toThrow('invalid.timeOff.order');
    // 61 days is one too many; 60 would do.
    await expect(
      worker.handlers.takeTimeOff({ reason: 'vacation', from: '2026-12-01', until: '2027-01-30' }),
    ).rejects.toThrow('invalid.timeOff.tooLong');
    await expect(
      worker.handlers.takeTimeOff({ reason: 'sick', from: '2026-11-20', until: '2026-11-22' }),
    ).rejects.toThrow('invalid.timeOff.past');
    expect(await readEntries(fakeBrowser.storage.local as never, ['2026-11', '2026-12'])).toEqual(
      [],
    );
    expect((await worker.engine.status()).timeOff).toBeUndefined();
    const sixty = await worker.handlers.takeTimeOff({
      reason: 'vacation',
      from: '2026-12-01',
      until: '2027-01-29',
    });
    expect(sixty.timeOff?.end).toBe(new Date(2027, 0, 30).getTime());
  });

  it('resuming ends time off that has begun', async () => {
    const { worker, ready } = setup();
    await ready();
    await worker.handlers.takeTimeOff({ reason: 'sick', from: '2026-11-23', until: '2026-11-24' });
    expect((await worker.engine.status()).pausedUntil).toBe(at(25, 0));
    const resumed = await worker.engine.resume();
    expect(resumed.pausedUntil).toBeUndefined();
    expect(resumed.timeOff).toBeUndefined();
  });
});

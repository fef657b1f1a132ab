/**
 * The background worker's behaviour, with every browser API passed in: the entrypoint only
 * creates this and registers its listeners. Nothing is kept in memory that is not also in
 * storage; a worker stopped at any moment starts again from storage.
 *
 * It composes the parts beside it: the device's identity, the shared records, the nudges,
 * logging, backup and import, the badge and the sync schedule.
 */
import type { Handlers } from '../messaging/protocol';
import { Writer } from '../store/writer';
import { badgeUpdater, BADGE_ALARM } from './badge';
import { backupAndImport } from './backup-and-import';
import type { WorkerContext, WorkerDependencies } from './dependencies';
import { ensureDevice } from './device';
import { logging } from './logging';
import { createNudgeEngine, nudgeHandlers, togglePause } from './nudges';
import { readSettings, sharedRecordHandlers } from './shared-records';
import { flush, hasChangesWaiting, scheduleFlush, SYNC_ALARM } from './sync-schedule';
import { KeptOverview } from './kept-overview';
import type { StorageChanges } from './overview';
import { EntryDigests } from './entry-digests';
import { sayingProblems } from './said-problems';
import { historyYears, removeOldHistory } from './old-history';
import { sessions } from './sessions';
import { checkInHandlers } from './checkins';
import { CHECKIN_ALARM, CHECKIN_NOTIFICATION, checkInReminder } from './checkin-reminder';

/** The notification that says logs wait for room in a full storage. */
export const STORAGE_FULL_NOTIFICATION = 'storage-full';

export function createWorker(given: WorkerDependencies) {
  const digests = new EntryDigests(given.local);
  // Every part writes local storage through the area that keeps the entry digests in step.
  const deps: WorkerDependencies = { ...given, local: digests.area };
  const startedAt = deps.now();
  const device = ensureDevice(deps);
  const writer = device.then(
    (id) =>
      new Writer({
        local: deps.local,
        device: id,
        now: deps.now,
        settings: () => readSettings(deps.sync),
        onChanged: () => void scheduleFlush(deps),
        ...(deps.session ? { session: deps.session } : {}),
        onWaiting: (count) => void sayWaiting(count),
      }),
  );

  /** Logs wait for room: a notification says so, wherever they came from, until they are stored. */
  async function sayWaiting(count: number): Promise<void> {
    if (count === 0) {
      await deps.notifications.clear(STORAGE_FULL_NOTIFICATION);
      return;
    }
    await deps.notifications.create(STORAGE_FULL_NOTIFICATION, {
      type: 'basic',
      iconUrl: deps.iconUrl,
      title: deps.t('storage.fullTitle'),
      message: deps.t('storage.savedForLater'),
    });
  }
  const context: WorkerContext = { deps, device, writer, today: new KeptOverview(deps) };
  const engine = createNudgeEngine(context);
  const updateBadge = badgeUpdater(deps, engine, context.today);
  const log = logging(context, engine);
  const data = backupAndImport(context, engine);
  const saying = sayingProblems(deps);
  const workout = sessions(context, async (entries) => log.handlers.logEntries({ entries }));
  const reminder = checkInReminder(context);

  const handlers: Handlers = {
    getStatus: async () => ({ version: deps.version, startedAt, device: await device }),
    syncNow: () => flush(context),
    entryDigests: ({ from, until }) => digests.read(from, until),
    historyYears: () => historyYears(context),
    removeOldHistory: (request) => removeOldHistory(context, request),
    ...log.handlers,
    ...sharedRecordHandlers(context),
    ...nudgeHandlers(engine),
    ...data.handlers,
    ...workout.handlers,
    ...checkInHandlers(context),
    ...reminder.handlers,
  };

  async function applySettings(): Promise<void> {
    const settings = await readSettings(deps.sync);
    deps.setIdleThreshold(settings.nudges.awayAfterMinutes * 60);
    await engine.reconcile();
  }

  return {
    handlers,
    writer,
    engine,
    workout,
    updateBadge,
    async onAlarm(alarm: { name: string; scheduledTime: number }): Promise<void> {
      if (alarm.name === BADGE_ALARM) return updateBadge();
      if (workout.ownsAlarm(alarm.name)) return workout.onAlarm(alarm.name);
      if (alarm.name === CHECKIN_ALARM) return reminder.onAlarm(alarm);
      if (alarm.name !== SYNC_ALARM) {
        await engine.onAlarm(alarm);
        // A prompt's outcome is logged in this same wake-up: sync it now rather than wake again.
        if (!(await hasChangesWaiting(deps.local))) return;
        await deps.alarms.clear(SYNC_ALARM);
      }
      try {
        await flush(context);
      } catch {
        // The error is in the sync state for the options page; the changes wait for next time.
        await scheduleFlush(deps);
      }
    },
    async onCommand(command: string): Promise<void> {
      if (command === 'log-water') await saying('logWater', log.logWater);
      else if (command === 'repeat-last-set') await saying('repeatLastSet', log.repeatLastSet);
      else if (command === 'toggle-pause') await saying('togglePause', () => togglePause(engine));
    },
    /** A notification's button (a cup of water, Done, Snooze): a refusal is said, not lost. */
    onButtonClicked(id: string, index: number): Promise<void> {
      if (workout.ownsNotification(id))
        return saying('sessionSet', () => workout.onButtonClicked(index));
      return saying('promptAnswer', () => engine.onButtonClicked(id, index));
    },
    /** Clicking a notification answers its prompt on the guide page it opens. */
    onNotificationClicked(id: string): Promise<void> {
      if (workout.ownsNotification(id)) return saying('sessionSet', workout.onClicked);
      if (id === CHECKIN_NOTIFICATION) return reminder.onClicked();
      return saying('promptAnswer', () => engine.onClicked(id));
    },
    /** Any storage change: the worker's view of today takes it in (before the badge is drawn). */
    onStorageChanged(changes: StorageChanges, area: string): void {
      context.today.onChanged(changes, area);
    },
    /**
     * Local storage changed: the digests of the items changed are dropped, and the writer drops
     * what it kept, unless the change is its own.
     */
    async onLocalChanged(changes: Record<string, { newValue?: unknown }>): Promise<void> {
      digests.forget(Object.keys(changes));
      (await writer).onStorageChanged(changes);
    },
    /** Settings arrived (from this device or another): the nudge schedule follows them. */
    onSettingsChanged: applySettings,
    /** The check-in reminder changed (here or on another device): its alarm follows it. */
    onCheckInReminderChanged: () => reminder.schedule(),
    /**
     * On every start: the alarms are made to match the settings again (idempotent), and changes
     * left waiting by a stopped worker get their flush scheduled.
     */
    async resume(): Promise<void> {
      await device;
      await (await writer).serialize(data.finishJournal);
      // Logs kept waiting for room by the worker before this one (storage.session outlives it).
      await (await writer).retryWaiting();
      await applySettings();
      await workout.resume();
      await reminder.schedule();
      if (await hasChangesWaiting(deps.local)) await scheduleFlush(deps);
    },
  };
}

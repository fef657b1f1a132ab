/**
 * The background worker's behaviour, with every browser API passed in: the entrypoint only
 * creates this and registers its listeners. Nothing is kept in memory that is not also in
 * storage; a worker stopped at any moment starts again from storage.
 */
import type { CustomExercise } from './catalogue';
import { localDayKey } from './days';
import { formatNumber, formatVolume, type Translate } from './format';
import { NudgeEngine, type NudgeDependencies, type NudgeStatus } from './nudges';
import { readOverview, snapshotOf, type Overview } from './overview';
import type { Handlers } from './protocol';
import { effectiveGoals, type Settings } from './settings';
import {
  customExercisesFormat,
  deviceFormat,
  LOCAL_KEYS,
  readVersioned,
  settingsFormat,
  SYNC_KEYS,
  syncStateFormat,
  todaySnapshotFormat,
  writeVersioned,
  type KeyValueArea,
} from './storage';
import { isOwnKey } from './sync';
import { flushSync, type FlushResult } from './syncer';
import { readEntries, Writer } from './writer';

export const SYNC_ALARM = 'sync:flush';
/** Changes wait this long before going to sync, so a burst of logging is one write. */
export const SYNC_DELAY_MS = 30_000;

export const BADGE_ALARM = 'badge:refresh';
export const COMMANDS = ['log-water', 'repeat-last-set', 'toggle-pause'] as const;

export type AlarmsApi = NudgeDependencies['alarms'];

export interface ActionApi {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setTitle(details: { title: string }): Promise<void> | void;
}

export interface WorkerDependencies extends Pick<
  NudgeDependencies,
  'notifications' | 'queryIdle' | 'isFullscreen' | 'openGuide' | 't' | 'iconUrl' | 'buttons'
> {
  local: KeyValueArea;
  sync: KeyValueArea;
  alarms: AlarmsApi;
  action: ActionApi;
  /** Sets after how long without input the idle API reports the user away. */
  setIdleThreshold: (seconds: number) => void;
  now: () => number;
  version: string;
  randomId: () => string;
}

/** Reads this browser's device id, creating it the first time. */
async function ensureDevice(deps: WorkerDependencies): Promise<string> {
  const raw = (await deps.local.get(LOCAL_KEYS.device))[LOCAL_KEYS.device];
  const read = readVersioned(deviceFormat, raw);
  if (read.status === 'ok' || read.status === 'migrated') return read.value.id;
  const device = { id: deps.randomId(), createdAt: deps.now() };
  await deps.local.set({ [LOCAL_KEYS.device]: writeVersioned(deviceFormat, device) });
  return device.id;
}

async function readSettings(sync: KeyValueArea): Promise<Settings> {
  return readVersioned(settingsFormat, (await sync.get(SYNC_KEYS.settings))[SYNC_KEYS.settings])
    .value;
}

export function createWorker(deps: WorkerDependencies) {
  const startedAt = deps.now();
  const device = ensureDevice(deps);
  const writer = device.then(
    (id) =>
      new Writer({
        local: deps.local,
        device: id,
        now: deps.now,
        settings: () => readSettings(deps.sync),
        onChanged: () => void scheduleFlush(),
      }),
  );

  async function hasChangesWaiting(): Promise<boolean> {
    const raw = (await deps.local.get(LOCAL_KEYS.syncState))[LOCAL_KEYS.syncState];
    return readVersioned(syncStateFormat, raw).value.dirtyMonths.length > 0;
  }

  async function scheduleFlush(): Promise<void> {
    if (await deps.alarms.get(SYNC_ALARM)) return;
    await deps.alarms.create(SYNC_ALARM, { when: deps.now() + SYNC_DELAY_MS });
  }

  async function flush(): Promise<FlushResult> {
    const [id, queue] = await Promise.all([device, writer]);
    return queue.serialize(async () => {
      const settings = await readSettings(deps.sync);
      const now = deps.now();
      return flushSync({
        local: deps.local,
        sync: deps.sync,
        device: id,
        now,
        today: localDayKey(now, settings.startOfDayHour),
        goalMl: effectiveGoals(settings).waterMl,
      });
    });
  }

  /** Settings-like records are shared by all devices: the newest write of each wins. */
  async function saveCustomExercise(
    exercise: CustomExercise,
    restore = false,
  ): Promise<CustomExercise[]> {
    const raw = (await deps.sync.get(SYNC_KEYS.custom))[SYNC_KEYS.custom];
    const read = readVersioned(customExercisesFormat, raw);
    if (read.status === 'newer' || read.status === 'invalid') {
      throw new Error('storage.customExercisesUnreadable');
    }
    const stamped = restore ? exercise : { ...exercise, updatedAt: deps.now() };
    const others = read.value.exercises.filter((existing) => existing.id !== exercise.id);
    const current = read.value.exercises.find((existing) => existing.id === exercise.id);
    const exercises =
      current && current.updatedAt > stamped.updatedAt
        ? read.value.exercises
        : [...others, stamped];
    await deps.sync.set({
      [SYNC_KEYS.custom]: writeVersioned(customExercisesFormat, { exercises }),
    });
    return exercises;
  }

  const areas = { local: deps.local, sync: deps.sync };
  const engine = new NudgeEngine({
    ...deps,
    settings: () => readSettings(deps.sync),
    water: async () => {
      const overview = await readOverview(areas, deps.now(), false);
      return { todayMl: overview.todayTotals.waterMl, goalMl: waterGoalOf(overview) };
    },
    log: async (entries) => (await writer).logEntries(entries),
  });

  /**
   * The toolbar badge and title, and the popup's snapshot: today at a glance, kept current as
   * storage changes.
   */
  let badgeUpdate: Promise<void> | undefined;
  let badgeStale = false;

  /** Updates the badge; changes arriving meanwhile cause one more update, not one each. */
  function updateBadge(): Promise<void> {
    if (badgeUpdate) {
      badgeStale = true;
      return badgeUpdate;
    }
    badgeUpdate = (async () => {
      do {
        badgeStale = false;
        await renderBadge();
      } while (badgeStale);
    })().finally(() => (badgeUpdate = undefined));
    return badgeUpdate;
  }

  async function renderBadge(): Promise<void> {
    const [overview, status] = await Promise.all([
      readOverview(areas, deps.now(), false),
      engine.status(),
    ]);
    const snapshot = { v: todaySnapshotFormat.version, ...snapshotOf(overview) };
    const before = (await deps.local.get(LOCAL_KEYS.todaySnapshot))[LOCAL_KEYS.todaySnapshot];
    if (JSON.stringify(before) !== JSON.stringify(snapshot)) {
      await deps.local.set({ [LOCAL_KEYS.todaySnapshot]: snapshot });
    }
    const mode = overview.settings.nudges.badge;
    await deps.action.setBadgeText({ text: badgeText(mode, overview, status, deps.now()) });
    await deps.action.setTitle({ title: badgeTitle(deps.t, overview, status) });
    const refresh = mode === 'nextNudge' && status.next !== undefined;
    if (refresh && !(await deps.alarms.get(BADGE_ALARM))) {
      await deps.alarms.create(BADGE_ALARM, { when: deps.now() + 60_000 });
    }
  }

  async function repeatLastSet(): Promise<void> {
    const now = deps.now();
    const settings = await readSettings(deps.sync);
    const today = localDayKey(now, settings.startOfDayHour);
    const recent = await readEntries(deps.local, [today.slice(0, 7), monthBefore(today)]);
    const last = recent.filter((entry) => entry.kind === 'set').sort((a, b) => b.at - a.at)[0];
    if (!last) return;
    const { id: _id, device: _device, day: _day, ...set } = last;
    await (await writer).logEntries([{ ...set, at: now }]);
  }

  const handlers: Handlers = {
    getStatus: async () => ({ version: deps.version, startedAt, device: await device }),
    logEntries: async ({ entries, changeId }) => (await writer).logEntries(entries, changeId),
    removeEntries: async ({ refs, changeId }) => ({
      removed: await (await writer).removeEntries(refs, changeId),
    }),
    syncNow: () => flush(),
    saveSettings: async ({ settings, restore }) =>
      (await writer).serialize(async () => {
        const saved = restore ? settings : { ...settings, updatedAt: deps.now() };
        await deps.sync.set({ [SYNC_KEYS.settings]: writeVersioned(settingsFormat, saved) });
        return saved;
      }),
    saveCustomExercise: async ({ exercise, restore }) =>
      (await writer).serialize(() => saveCustomExercise(exercise, restore)),
    answerPrompt: ({ kind, outcome, snoozeMinutes }) => engine.answer(kind, outcome, snoozeMinutes),
    pauseNudges: ({ choice }) => engine.pause(choice),
    resumeNudges: () => engine.resume(),
    nudgeStatus: () => engine.status(),
    testNotification: () => engine.showTest(),
    importEntries: async ({ entries }) => (await writer).importEntries(entries),
    keepBackup: async ({ text }) =>
      (await writer).serialize(async () => {
        await deps.local.set({ [LOCAL_KEYS.backup]: text });
      }),
    resetData: async () => {
      const id = await device;
      await (
        await writer
      ).serialize(async () => {
        // Everything goes but the device id, and the backup a replacing import just kept.
        const keep = new Set<string>([LOCAL_KEYS.device, LOCAL_KEYS.backup]);
        const local = Object.keys(await deps.local.get(null)).filter((key) => !keep.has(key));
        if (local.length > 0) await deps.local.remove(local);
        const synced = await deps.sync.get(null);
        const mine = Object.keys(synced).filter(
          (key) => isOwnKey(key, id) || key === SYNC_KEYS.settings || key === SYNC_KEYS.custom,
        );
        if (mine.length > 0) await deps.sync.remove(mine);
      });
      await engine.reconcile({ recompute: true });
    },
  };

  return {
    handlers,
    writer,
    engine,
    updateBadge,
    async onAlarm(alarm: { name: string; scheduledTime: number }): Promise<void> {
      if (alarm.name === BADGE_ALARM) return updateBadge();
      if (alarm.name !== SYNC_ALARM) {
        await engine.onAlarm(alarm);
        // A prompt's outcome is logged in this same wake-up: sync it now rather than wake again.
        if (!(await hasChangesWaiting())) return;
        await deps.alarms.clear(SYNC_ALARM);
      }
      try {
        await flush();
      } catch {
        // The error is in the sync state for the options page; the changes wait for next time.
        await scheduleFlush();
      }
    },
    async onCommand(command: string): Promise<void> {
      if (command === 'log-water') {
        const settings = await readSettings(deps.sync);
        await (
          await writer
        ).logEntries([{ kind: 'water', ml: settings.cupsMl[0]!, at: deps.now() }]);
      } else if (command === 'repeat-last-set') {
        await repeatLastSet();
      } else if (command === 'toggle-pause') {
        const status = await engine.status();
        await (status.pausedIndefinitely || status.pausedUntil
          ? engine.resume()
          : engine.pause('untilResumed'));
      }
    },
    /** Local storage changed: the writer drops what it kept, unless the change is its own. */
    async onLocalChanged(changes: Record<string, { newValue?: unknown }>): Promise<void> {
      (await writer).onStorageChanged(changes);
    },
    /** Settings arrived (from this device or another): the nudge schedule follows them. */
    async onSettingsChanged(): Promise<void> {
      const settings = await readSettings(deps.sync);
      deps.setIdleThreshold(settings.nudges.awayAfterMinutes * 60);
      await engine.reconcile();
    },
    /**
     * On every start: the alarms are made to match the settings again (idempotent), and changes
     * left waiting by a stopped worker get their flush scheduled.
     */
    async resume(): Promise<void> {
      await device;
      deps.setIdleThreshold((await readSettings(deps.sync)).nudges.awayAfterMinutes * 60);
      await engine.reconcile();
      if (await hasChangesWaiting()) await scheduleFlush();
    },
  };
}

function monthBefore(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

function waterGoalOf(overview: Overview): number {
  return overview.todayTotals.waterGoalMl ?? overview.goals.waterMl;
}

/** At most four characters: water as a share of the goal, or minutes to the next nudge. */
export function badgeText(
  mode: Settings['nudges']['badge'],
  overview: Overview,
  status: NudgeStatus,
  now: number,
): string {
  if (mode === 'off') return '';
  if (mode === 'water') {
    return `${Math.min(999, Math.floor((overview.todayTotals.waterMl / waterGoalOf(overview)) * 100))}%`;
  }
  if (!status.next) return '';
  const minutes = Math.max(0, Math.ceil((status.next.at - now) / 60_000));
  return minutes < 100 ? `${minutes}m` : `${Math.floor(minutes / 60)}h`;
}

export function badgeTitle(t: Translate, overview: Overview, status: NudgeStatus): string {
  const { todayTotals: totals, goals, settings } = overview;
  const parts = [
    t('badge.water', [
      formatVolume(t, totals.waterMl, settings.units),
      formatVolume(t, waterGoalOf(overview), settings.units),
    ]),
    t('badge.breaks', [
      formatNumber(totals.posture),
      formatNumber(totals.movement),
      formatNumber(totals.breathing),
    ]),
  ];
  if (goals.workoutsPerWeek > 0)
    parts.push(t(totals.workout ? 'badge.workoutDone' : 'badge.noWorkout'));
  if (status.pausedIndefinitely || status.pausedUntil) parts.push(t('badge.paused'));
  else if (status.next) {
    const at = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(status.next.at);
    parts.push(t('badge.next', [t(`habit.${status.next.kind}`), at]));
  }
  return `Backbone: ${parts.join(' · ')}`;
}

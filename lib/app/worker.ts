/**
 * The background worker's behaviour, with every browser API passed in: the entrypoint only
 * creates this and registers its listeners. Nothing is kept in memory that is not also in
 * storage; a worker stopped at any moment starts again from storage.
 */
import {
  backupFits,
  importedEntryProblem,
  isDataKey,
  isKeptBackup,
  LOCAL_QUOTA_BYTES,
  takeBackup,
  type KeptBackup,
} from '../store/backup';
import { builtInExercise, type CustomExercise } from '../model/catalogue';
import {
  CLOCK_SKEW_MS,
  EntryValidationError,
  newEntryProblem,
  type Entry,
  type WorldContext,
} from '../model/entries';
import { localDayKey } from '../model/days';
import { formatNumber, formatVolume, type Translate } from '../model/formatting';
import { NudgeEngine, type NudgeDependencies, type NudgeStatus } from '../nudge/engine';
import { snapshotOf, type Overview, type StorageChanges } from './overview';
import { KeptOverview } from './kept-overview';
import { coalesced } from './coalesced';
import type { NewEntry } from '../model/entries';
import type { Handlers, RequestOf } from '../messaging/protocol';
import { timeOffProblem, timeOffSpan } from '../nudge/schedule';
import { effectiveGoals, type Settings } from '../model/settings';
import {
  customExercisesFormat,
  deviceFormat,
  LOCAL_KEYS,
  monthsFormat,
  readVersioned,
  settingsFormat,
  SYNC_KEYS,
  syncStateFormat,
  todaySnapshotFormat,
  writeVersioned,
  type KeyValueArea,
} from '../store/items';
import { isOwnKey, monthsBack } from '../sync/plan';
import { mlToFlOz } from '../model/units';
import { flushSync, isQuotaError, type FlushResult } from '../sync/flush';
import { Writer } from '../store/writer';
import { readEntries } from '../store/items';

export const SYNC_ALARM = 'sync:flush';

const STAGING_PREFIX = 'staging.';
const stagingKey = (id: string, part: number) => `${STAGING_PREFIX}${id}.${part}`;

/** An import under way, kept in storage.local until it is done. */
type ImportJournal = { v: 1; kind: 'import'; step: 'checked' } & RequestOf<'commitImport'>;
/** Changes wait this long before going to sync, so a burst of logging is one write. */
export const SYNC_DELAY_MS = 30_000;

export const BADGE_ALARM = 'badge:refresh';

export type AlarmsApi = NudgeDependencies['alarms'];

export interface ActionApi {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
  setBadgeTextColor?(details: { color: string }): Promise<void> | void;
  setTitle(details: { title: string }): Promise<void> | void;
}

export interface WorkerDependencies extends Pick<
  NudgeDependencies,
  | 'notifications'
  | 'queryIdle'
  | 'isFullscreen'
  | 'isAudible'
  | 'openGuide'
  | 't'
  | 'iconUrl'
  | 'buttons'
  | 'closedByUser'
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
  /** storage.local's quota; Chrome's 10 MiB when not given. */
  localQuotaBytes?: number;
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

  /** Custom exercises as stored, for checking entries against; none when unreadable. */
  async function customExercises(): Promise<CustomExercise[]> {
    const raw = (await deps.sync.get(SYNC_KEYS.custom))[SYNC_KEYS.custom];
    return readVersioned(customExercisesFormat, raw).value.exercises;
  }

  /** Custom exercises are read only when an entry names an exercise that is not built in. */
  async function worldContext(exercises: readonly string[] = []): Promise<WorldContext> {
    const needed = exercises.some((id) => builtInExercise(id) === undefined);
    const custom = new Set(needed ? (await customExercises()).map((exercise) => exercise.id) : []);
    return {
      now: deps.now(),
      knownExercise: (id) => custom.has(id) || builtInExercise(id) !== undefined,
    };
  }

  /** A record put back as it was (an import) may not claim a time still to come. */
  function refuseFuture(updatedAt: number): void {
    if (updatedAt > deps.now() + CLOCK_SKEW_MS)
      throw new EntryValidationError('invalid.future', 'updatedAt');
  }

  /** Refused over settings a newer version wrote: they would be lost. */
  async function saveSettings(settings: Settings, restore = false): Promise<Settings> {
    const raw = (await deps.sync.get(SYNC_KEYS.settings))[SYNC_KEYS.settings];
    if (readVersioned(settingsFormat, raw).status === 'newer')
      throw new Error('storage.settingsUnreadable');
    if (restore) refuseFuture(settings.updatedAt);
    const saved = restore ? settings : { ...settings, updatedAt: deps.now() };
    await deps.sync.set({ [SYNC_KEYS.settings]: writeVersioned(settingsFormat, saved) });
    return saved;
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
    if (restore) refuseFuture(exercise.updatedAt);
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
  const localQuotaBytes = deps.localQuotaBytes ?? LOCAL_QUOTA_BYTES;

  /** Everything of this device goes but its id, the backup and an import under way. */
  async function deleteEverything(): Promise<void> {
    const id = await device;
    const keep = new Set<string>([LOCAL_KEYS.device, LOCAL_KEYS.backup, LOCAL_KEYS.journal]);
    const local = Object.keys(await deps.local.get(null)).filter(
      (key) => !keep.has(key) && !key.startsWith(STAGING_PREFIX),
    );
    if (local.length > 0) await deps.local.remove(local);
    const synced = await deps.sync.get(null);
    const mine = Object.keys(synced).filter(
      (key) => isOwnKey(key, id) || key === SYNC_KEYS.settings || key === SYNC_KEYS.custom,
    );
    if (mine.length > 0) await deps.sync.remove(mine);
  }

  /**
   * Puts a kept backup back. Every step can run again from the start with the same result, so
   * a restore cut short (the worker stopped) is finished on the next start, from the journal;
   * the backup itself is never changed by it.
   */
  async function finishRestore(backup: KeptBackup): Promise<void> {
    const current = await deps.local.get(null);
    const stale = Object.keys(current).filter((key) => isDataKey(key) && !(key in backup.local));
    const months = readVersioned(monthsFormat, backup.local[LOCAL_KEYS.months]).value.months;
    const syncState = readVersioned(syncStateFormat, current[LOCAL_KEYS.syncState]).value;
    await deps.local.set({
      ...backup.local,
      // Every restored month goes to sync again, in place of what replaced it there.
      [LOCAL_KEYS.syncState]: writeVersioned(syncStateFormat, {
        ...syncState,
        dirtyMonths: months,
      }),
    });
    if (stale.length > 0) await deps.local.remove(stale);
    const shared = [SYNC_KEYS.settings, SYNC_KEYS.custom];
    const gone = shared.filter((key) => !(key in backup.sync));
    if (Object.keys(backup.sync).length > 0) await deps.sync.set(backup.sync);
    if (gone.length > 0) await deps.sync.remove(gone);
    await deps.local.remove(LOCAL_KEYS.journal);
    if (months.length > 0) await scheduleFlush();
  }

  async function dropStaged(id: string): Promise<void> {
    const staged = Object.keys(await deps.local.get(null)).filter((key) =>
      key.startsWith(`${STAGING_PREFIX}${id}.`),
    );
    if (staged.length > 0) await deps.local.remove(staged);
  }

  async function stagedPart(id: string, part: number): Promise<Entry[]> {
    const key = stagingKey(id, part);
    const entries = (await deps.local.get(key))[key];
    if (!Array.isArray(entries)) throw new Error('import.incomplete');
    return entries as Entry[];
  }

  /** Every part is there and every entry and record makes sense, before anything changes. */
  async function checkImport(journal: ImportJournal): Promise<void> {
    for (const exercise of journal.customExercises) refuseFuture(exercise.updatedAt);
    refuseFuture(journal.settings.updatedAt);
    const known = new Set(
      [...(await customExercises()), ...journal.customExercises].map((exercise) => exercise.id),
    );
    const context: WorldContext = {
      now: deps.now(),
      knownExercise: (id) => known.has(id) || builtInExercise(id) !== undefined,
    };
    for (let part = 0; part < journal.parts; part++) {
      for (const [index, entry] of (await stagedPart(journal.id, part)).entries()) {
        const problem = importedEntryProblem(entry, context);
        if (problem) throw new EntryValidationError(problem, `entries.${part}.${index}`);
      }
    }
  }

  /**
   * Applies a checked import. Every step can run again with the same result (entries already
   * here are skipped, records put back as they were), so an import cut short is run again from
   * its journal on the next start; the staged parts go only at the end.
   */
  async function runImport(journal: ImportJournal): Promise<{ added: number }> {
    const queue = await writer;
    if (journal.mode === 'replace') await queue.serialize(deleteEverything);
    for (const exercise of journal.customExercises)
      await queue.serialize(() => saveCustomExercise(exercise, true));
    let added = 0;
    for (let part = 0; part < journal.parts; part++) {
      const entries = await stagedPart(journal.id, part);
      if (entries.length > 0) added += (await queue.importEntries(entries)).added;
    }
    if (journal.mode === 'replace')
      await queue.serialize(() => saveSettings(journal.settings, true));
    await dropStaged(journal.id);
    await deps.local.remove(LOCAL_KEYS.journal);
    if (journal.mode === 'replace') await engine.reconcile({ recompute: true });
    return { added };
  }

  /** A use case the worker was stopped in the middle of is finished now, and the user told. */
  async function finishJournal(): Promise<void> {
    const stored = await deps.local.get([LOCAL_KEYS.journal, LOCAL_KEYS.backup]);
    const journal = stored[LOCAL_KEYS.journal] as ImportJournal | { kind: 'restore' } | undefined;
    if (journal === undefined) return;
    if (journal.kind === 'import') {
      // Not inside the writer's queue, where resume runs this: the import queues its own steps.
      void runImport(journal).then(() => tell('importFinished'));
      return;
    }
    const backup = stored[LOCAL_KEYS.backup];
    if (isKeptBackup(backup)) await finishRestore(backup);
    else await deps.local.remove(LOCAL_KEYS.journal);
    await tell('restoreFinished');
  }

  async function tell(kind: 'restoreFinished' | 'importFinished'): Promise<void> {
    await deps.local.set({ [LOCAL_KEYS.notice]: { v: 1, kind, at: deps.now() } });
  }

  /** Today as the badge and the water reminder see it, kept up to date from storage changes. */
  const today = new KeptOverview(areas);

  const engine = new NudgeEngine({
    ...deps,
    settings: () => readSettings(deps.sync),
    water: async () => {
      const overview = await today.overview(deps.now());
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

  /** The snapshot as last stored, so an unchanged one is not written (nor read) again. */
  let storedSnapshot: string | undefined;

  async function renderBadge(): Promise<void> {
    const [overview, status] = await Promise.all([today.overview(deps.now()), engine.status()]);
    const snapshot = { v: todaySnapshotFormat.version, ...snapshotOf(overview) };
    storedSnapshot ??= JSON.stringify(
      (await deps.local.get(LOCAL_KEYS.todaySnapshot))[LOCAL_KEYS.todaySnapshot],
    );
    const json = JSON.stringify(snapshot);
    if (json !== storedSnapshot) {
      await deps.local.set({ [LOCAL_KEYS.todaySnapshot]: snapshot });
      storedSnapshot = json;
    }
    const mode = overview.settings.nudges.badge;
    await deps.action.setBadgeBackgroundColor({ color: BADGE_COLOUR });
    await deps.action.setBadgeTextColor?.({ color: '#ffffff' });
    await deps.action.setBadgeText({ text: badgeText(mode, overview, status, deps.now()) });
    await deps.action.setTitle({ title: badgeTitle(deps.t, overview, status) });
    const refresh = mode === 'nextNudge' && status.next !== undefined;
    if (refresh && !(await deps.alarms.get(BADGE_ALARM))) {
      await deps.alarms.create(BADGE_ALARM, { when: deps.now() + 60_000 });
    }
  }

  /** Logs arriving together (a burst) ask the engine once whether a water reminder is answered. */
  const waterLogged = coalesced(() => engine.waterLogged());

  /** Logs entries; water among them answers an open water reminder. */
  async function logEntries(entries: NewEntry[], changeId?: string) {
    const logged = await (await writer).logEntries(entries, changeId);
    if (entries.some((entry) => entry.kind === 'water')) await waterLogged();
    return logged;
  }

  async function takeTimeOff({ reason, from, until }: RequestOf<'takeTimeOff'>) {
    const settings = await readSettings(deps.sync);
    const now = deps.now();
    const problem = timeOffProblem(from, until, localDayKey(now, settings.startOfDayHour));
    if (problem) throw new Error(problem);
    await (await writer).logEntries([{ kind: 'rest', reason, at: now, day: from, until }]);
    const { start, end } = timeOffSpan(from, until, settings.startOfDayHour);
    return engine.takeTimeOff(start, end);
  }

  async function repeatLastSet(): Promise<void> {
    const now = deps.now();
    const settings = await readSettings(deps.sync);
    const today = localDayKey(now, settings.startOfDayHour);
    const recent = await readEntries(deps.local, monthsBack(today, 2));
    const last = recent.filter((entry) => entry.kind === 'set').sort((a, b) => b.at - a.at)[0];
    if (!last) return;
    const { id: _id, device: _device, day: _day, ...set } = last;
    await (await writer).logEntries([{ ...set, at: now }]);
  }

  const handlers: Handlers = {
    getStatus: async () => ({ version: deps.version, startedAt, device: await device }),
    logEntries: async ({ entries, changeId }) => {
      // A quick log (no day, no exercise of the user's) costs no read of sync.
      const dated = entries.some(
        (entry) => entry.day !== undefined || (entry.kind === 'rest' && entry.until !== undefined),
      );
      const context = {
        ...(await worldContext(
          entries.flatMap((entry) => ('exercise' in entry ? [entry.exercise] : [])),
        )),
        startOfDayHour: dated ? (await readSettings(deps.sync)).startOfDayHour : 0,
      };
      for (const [index, entry] of entries.entries()) {
        const problem = newEntryProblem(entry, context);
        if (problem) throw new EntryValidationError(problem, `entries.${index}`);
      }
      return logEntries(entries, changeId);
    },
    removeEntries: async ({ refs, changeId }) => ({
      removed: await (await writer).removeEntries(refs, changeId),
    }),
    syncNow: () => flush(),
    saveSettings: async ({ settings, restore }) =>
      (await writer).serialize(() => saveSettings(settings, restore)),
    saveCustomExercise: async ({ exercise, restore }) =>
      (await writer).serialize(() => saveCustomExercise(exercise, restore)),
    answerPrompt: ({ kind, outcome, snoozeMinutes, prompt }) =>
      engine.answer(kind, outcome, snoozeMinutes, prompt),
    pauseNudges: ({ choice }) => engine.pause(choice),
    resumeNudges: () => engine.resume(),
    takeTimeOff,
    nudgeStatus: () => engine.status(),
    testNotification: () => engine.showTest(),
    stageImport: async ({ id, part, entries }) => {
      try {
        await deps.local.set({ [stagingKey(id, part)]: entries });
      } catch (error) {
        await dropStaged(id);
        throw isQuotaError(error) ? new Error('import.noRoom') : error;
      }
    },
    commitImport: async (request) => {
      const journal: ImportJournal = { v: 1, kind: 'import', step: 'checked', ...request };
      await (
        await writer
      ).serialize(async () => {
        try {
          await checkImport(journal);
        } catch (error) {
          await dropStaged(request.id);
          throw error;
        }
        if (request.mode === 'add') {
          await deps.local.set({ [LOCAL_KEYS.journal]: journal });
          return;
        }
        const backup = await takeBackup(areas, deps.now());
        if (!(await backupFits(deps.local, backup, localQuotaBytes))) {
          await dropStaged(request.id);
          throw new Error('storage.noRoomForBackup');
        }
        // The backup and the journal that says it is taken, in one write: a second start
        // never takes a backup of data half replaced.
        await deps.local.set({ [LOCAL_KEYS.backup]: backup, [LOCAL_KEYS.journal]: journal });
      });
      return runImport(journal);
    },
    resetData: async () => {
      await (
        await writer
      ).serialize(async () => {
        const backup = await takeBackup(areas, deps.now());
        if (!(await backupFits(deps.local, backup, localQuotaBytes)))
          throw new Error('storage.noRoomForBackup');
        await deps.local.set({ [LOCAL_KEYS.backup]: backup });
        await deleteEverything();
      });
      await engine.reconcile({ recompute: true });
    },
    restoreBackup: async () => {
      await (
        await writer
      ).serialize(async () => {
        const backup = (await deps.local.get(LOCAL_KEYS.backup))[LOCAL_KEYS.backup];
        if (!isKeptBackup(backup)) throw new Error('storage.noBackup');
        await deps.local.set({ [LOCAL_KEYS.journal]: { v: 1, kind: 'restore' } });
        await finishRestore(backup);
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
        await logEntries([{ kind: 'water', ml: settings.cupsMl[0]!, at: deps.now() }]);
      } else if (command === 'repeat-last-set') {
        await repeatLastSet();
      } else if (command === 'toggle-pause') {
        const status = await engine.status();
        await (status.pausedIndefinitely || status.pausedUntil
          ? engine.resume()
          : engine.pause('untilResumed'));
      }
    },
    /** Any storage change: the worker's view of today takes it in (before the badge is drawn). */
    onStorageChanged(changes: StorageChanges, area: string): void {
      today.onChanged(changes, area);
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
      await (await writer).serialize(finishJournal);
      deps.setIdleThreshold((await readSettings(deps.sync)).nudges.awayAfterMinutes * 60);
      await engine.reconcile();
      if (await hasChangesWaiting()) await scheduleFlush();
    },
  };
}

function waterGoalOf(overview: Overview): number {
  return overview.todayTotals.waterGoalMl ?? overview.goals.waterMl;
}

/** The brand's teal (components/theme.css --accent), dark enough for white text. */
export const BADGE_COLOUR = '#0f766e';

/**
 * At most four characters, never a zero: the daily habits not met yet today ("3"), the water
 * drunk so far ("1.2L", "40oz"), or the minutes to the next nudge ("25m"). Nothing when there is
 * nothing to say (no water yet, every habit met, no nudge coming).
 */
export function badgeText(
  mode: Settings['nudges']['badge'],
  overview: Overview,
  status: NudgeStatus,
  now: number,
): string {
  switch (mode) {
    case 'off':
      return '';
    case 'habitsLeft': {
      const left = overview.reports.filter(
        (report) => report.habit !== 'workout' && report.today === 'open',
      ).length;
      return left > 0 ? String(left) : '';
    }
    case 'water':
      return waterBadge(overview.todayTotals.waterMl, overview.settings.units);
    case 'nextNudge': {
      if (!status.next) return '';
      const minutes = Math.max(0, Math.ceil((status.next.at - now) / 60_000));
      return minutes < 100 ? `${minutes}m` : `${Math.floor(minutes / 60)}h`;
    }
  }
}

function waterBadge(ml: number, units: Settings['units']): string {
  if (ml <= 0) return '';
  if (units === 'imperial') return `${Math.min(999, Math.round(mlToFlOz(ml)))}oz`;
  const litres = ml / 1000;
  return `${litres < 10 ? litres.toFixed(1) : Math.min(99, Math.round(litres))}L`;
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

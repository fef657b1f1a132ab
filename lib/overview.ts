/**
 * What the pages show, read straight from storage: every device's records from sync, this
 * device's own records from local storage (fresher than its copy in sync until the next flush),
 * merged, with today's totals and every habit's streaks.
 */
import type { CustomExercise } from './catalogue';
import { localDayKey, type DayKey } from './days';
import type { Entry } from './entries';
import type { StoredRecords } from './strength';
import type { Settings } from './settings';
import { effectiveGoals, nudgeFreeWeekdays } from './settings';
import {
  LOCAL_KEYS,
  SYNC_KEYS,
  customExercisesFormat,
  deviceFormat,
  monthsFormat,
  recordsFormat,
  readVersioned,
  settingsFormat,
  syncStateFormat,
  type KeyValueArea,
  type SyncState,
} from './storage';
import { habitReports, type Goals, type HabitReport } from './streaks';
import { dayTotals, historyTotals, type DayTotals, type History } from './summary';
import { monthsBack, readSyncItems, withOtherDays, withOwnDays, type ForeignItem } from './sync';
import { readEntries, readOtherDays, readOwnDays } from './writer';

export interface Overview {
  /** Entries of this month and the last, oldest first: today's list, recent exercises, prefill. */
  recentEntries: Entry[];
  /** Personal records per exercise. */
  records: Record<string, StoredRecords>;
  customExercises: CustomExercise[];
  device: string;
  today: DayKey;
  settings: Settings;
  /** Today's goals, with the water goal resolved (more on a workout day). */
  goals: Goals;
  todayTotals: DayTotals;
  reports: HabitReport[];
  history: History;
  devices: number;
  foreign: ForeignItem[];
  syncState: SyncState;
}

export async function readOverview(
  areas: { local: KeyValueArea; sync: KeyValueArea },
  now: number,
): Promise<Overview> {
  const [local, sync] = await Promise.all([
    areas.local.get([
      LOCAL_KEYS.device,
      LOCAL_KEYS.syncState,
      LOCAL_KEYS.records,
      LOCAL_KEYS.months,
    ]),
    areas.sync.get(null),
  ]);
  const device = readVersioned(deviceFormat, local[LOCAL_KEYS.device]).value.id;
  const syncState = readVersioned(syncStateFormat, local[LOCAL_KEYS.syncState]).value;
  const settingsRead = readVersioned(settingsFormat, sync[SYNC_KEYS.settings]);
  const settings = settingsRead.value;
  const today = localDayKey(now, settings.startOfDayHour);
  const view = readSyncItems(sync);
  const recentMonths = monthsBack(today, 2);
  const ownMonths = [...new Set([...recentMonths, ...syncState.dirtyMonths])];
  const allMonths = readVersioned(monthsFormat, local[LOCAL_KEYS.months]).value.months;
  const [ownDays, otherDays, recentEntries] = await Promise.all([
    readOwnDays(areas.local, ownMonths),
    readOtherDays(areas.local, allMonths),
    readEntries(areas.local, [...recentMonths].reverse()),
  ]);
  const history = withOwnDays(withOtherDays(view, otherDays), device, ownDays);
  const todayTotals = dayTotals(history[today] ?? {});
  const goals = effectiveGoals(settings, todayTotals.workout);
  const foreign = [...view.foreign];
  if (settingsRead.status === 'newer' || settingsRead.status === 'invalid') {
    foreign.push({
      key: SYNC_KEYS.settings,
      reason: settingsRead.status === 'newer' ? 'newerVersion' : 'invalid',
    });
  }
  return {
    recentEntries: recentEntries.sort((a, b) => a.at - b.at),
    records: readVersioned(recordsFormat, local[LOCAL_KEYS.records]).value.exercises,
    customExercises: readVersioned(customExercisesFormat, sync[SYNC_KEYS.custom]).value.exercises,
    device,
    today,
    settings,
    goals,
    todayTotals,
    reports: habitReports(
      historyTotals(history),
      { goals, nudgeFreeWeekdays: nudgeFreeWeekdays(settings) },
      today,
    ),
    history,
    devices: new Set([...view.devices.keys(), device]).size,
    foreign,
    syncState,
  };
}

/** What the popup needs for its first paint, kept by the worker after every change. */
export type TodaySnapshot = Pick<
  Overview,
  'today' | 'settings' | 'goals' | 'todayTotals' | 'reports'
>;

export function snapshotOf(overview: Overview): TodaySnapshot {
  const { today, settings, goals, todayTotals, reports } = overview;
  return { today, settings, goals, todayTotals, reports };
}

export { readSnapshot } from './snapshot';

/** Every entry in this browser, oldest first: the progress page and exports read them all. */
export async function readAllEntries(local: KeyValueArea): Promise<Entry[]> {
  const raw = (await local.get(LOCAL_KEYS.months))[LOCAL_KEYS.months];
  const entries = await readEntries(local, readVersioned(monthsFormat, raw).value.months);
  return entries.sort((a, b) => a.at - b.at);
}

/**
 * What the pages show, read straight from storage: every device's records from sync, this
 * device's own records from local storage (fresher than its copy in sync until the next flush),
 * merged, with today's totals and every habit's streaks.
 */
import { localDayKey, type DayKey } from './days';
import type { Settings } from './settings';
import { effectiveGoals, nudgeFreeWeekdays } from './settings';
import {
  LOCAL_KEYS,
  SYNC_KEYS,
  deviceFormat,
  readVersioned,
  settingsFormat,
  syncStateFormat,
  type KeyValueArea,
  type SyncState,
} from './storage';
import { habitReports, type Goals, type HabitReport } from './streaks';
import { dayTotals, historyTotals, type DayTotals, type History } from './summary';
import { monthsBack, readSyncItems, withOwnDays, type ForeignItem } from './sync';
import { readOwnDays } from './writer';

export interface Overview {
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
    areas.local.get([LOCAL_KEYS.device, LOCAL_KEYS.syncState]),
    areas.sync.get(null),
  ]);
  const device = readVersioned(deviceFormat, local[LOCAL_KEYS.device]).value.id;
  const syncState = readVersioned(syncStateFormat, local[LOCAL_KEYS.syncState]).value;
  const settingsRead = readVersioned(settingsFormat, sync[SYNC_KEYS.settings]);
  const settings = settingsRead.value;
  const today = localDayKey(now, settings.startOfDayHour);
  const view = readSyncItems(sync);
  const ownMonths = [...new Set([...monthsBack(today, 2), ...syncState.dirtyMonths])];
  const history = withOwnDays(view.history, device, await readOwnDays(areas.local, ownMonths));
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

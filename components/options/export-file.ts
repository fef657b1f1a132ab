/**
 * The files the options page downloads: the export of everything (JSON), and the entries, the
 * finished sessions and the user's routines (CSV).
 */
import type { PageStorage } from '../../lib/adapters/page-storage';
import { readAllEntries } from '../../lib/app/overview';
import { readCheckIns } from '../../lib/app/checkins';
import { localDayKey } from '../../lib/model/days';
import { findRoutine } from '../../lib/model/routines';
import { createBackup, entriesCsv, serializeBackup } from '../../lib/store/backup';
import { routinesCsv, sessionsCsv } from '../../lib/store/workout-csv';
import { routineTitle } from '../entry-text';
import {
  customExercisesFormat,
  LOCAL_KEYS,
  readVersioned,
  routinesFormat,
  sessionHistoryFormat,
  settingsFormat,
  SYNC_KEYS,
} from '../../lib/store/items';

/** The settings and custom exercises as stored (an export carries them). */
export async function storedRecords({ sync }: PageStorage) {
  const stored = await sync.get([SYNC_KEYS.settings, SYNC_KEYS.custom]);
  return {
    settings: readVersioned(settingsFormat, stored[SYNC_KEYS.settings]).value,
    customExercises: readVersioned(customExercisesFormat, stored[SYNC_KEYS.custom]).value.exercises,
  };
}

/** The finished sessions and the user's own routines as stored (an export carries them). */
async function storedWorkouts({ local, sync }: PageStorage) {
  const sessions = (await local.get(LOCAL_KEYS.sessions))[LOCAL_KEYS.sessions];
  const routines = (await sync.get(SYNC_KEYS.routines))[SYNC_KEYS.routines];
  return {
    sessions: readVersioned(sessionHistoryFormat, sessions).value.sessions,
    routines: readVersioned(routinesFormat, routines).value,
  };
}

function download(text: string, name: string, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Downloads the export of everything, named with the user's day (their start of day). */
export async function downloadExport(storage: PageStorage): Promise<void> {
  const { settings, customExercises } = await storedRecords(storage);
  const now = Date.now();
  const backup = createBackup(
    settings,
    customExercises,
    await readAllEntries(storage.local),
    now,
    await readCheckIns(storage),
    await storedWorkouts(storage),
  );
  const name = `backbone-${localDayKey(now, settings.startOfDayHour)}.json`;
  download(serializeBackup(backup), name, 'application/json');
}

/** Downloads a CSV named like the export: `backbone-<what>-<day>.csv`. */
async function downloadCsv(storage: PageStorage, what: string, text: string): Promise<void> {
  const { settings } = await storedRecords(storage);
  const day = localDayKey(Date.now(), settings.startOfDayHour);
  download(text, `backbone-${what}-${day}.csv`, 'text/csv');
}

/** Downloads every entry as CSV. */
export async function downloadEntriesCsv(storage: PageStorage): Promise<void> {
  await downloadCsv(storage, 'entries', entriesCsv(await readAllEntries(storage.local)));
}

/** Downloads the finished sessions, a row each, with their routines' names, as CSV. */
export async function downloadSessionsCsv(storage: PageStorage): Promise<void> {
  const { sessions, routines } = await storedWorkouts(storage);
  const name = (id: string) => {
    const routine = findRoutine(id, routines.routines);
    return routine && routineTitle(routine);
  };
  await downloadCsv(storage, 'sessions', sessionsCsv(sessions, name));
}

/** Downloads the user's own routines, a row an exercise, as CSV. */
export async function downloadRoutinesCsv(storage: PageStorage): Promise<void> {
  await downloadCsv(storage, 'routines', routinesCsv((await storedWorkouts(storage)).routines));
}

/**
 * The records every device shares in sync, settings and custom exercises: the newest write of
 * each wins, and one written by a newer version is never overwritten (it would be lost).
 */
import { ProblemError } from '../model/problem';
import { builtInExercise, type CustomExercise } from '../model/catalogue';
import { CLOCK_SKEW_MS, EntryValidationError, type WorldContext } from '../model/entries';
import { localDayKey } from '../model/days';
import { expectationsOf, withChange } from '../model/expectations';
import type { Settings } from '../model/settings';
import type { Handlers } from '../messaging/protocol';
import {
  customExercisesFormat,
  readVersioned,
  settingsFormat,
  SYNC_KEYS,
  writeVersioned,
  type KeyValueArea,
} from '../store/items';
import type { WorkerContext, WorkerDependencies } from './dependencies';

type Clocked = Pick<WorkerDependencies, 'sync' | 'now'>;

export async function readSettings(sync: KeyValueArea): Promise<Settings> {
  return readVersioned(settingsFormat, (await sync.get(SYNC_KEYS.settings))[SYNC_KEYS.settings])
    .value;
}

/** Custom exercises as stored, for checking entries against; none when unreadable. */
export async function readCustomExercises(sync: KeyValueArea): Promise<CustomExercise[]> {
  const raw = (await sync.get(SYNC_KEYS.custom))[SYNC_KEYS.custom];
  return readVersioned(customExercisesFormat, raw).value.exercises;
}

/** A record put back as it was (an import) may not claim a time still to come. */
export function refuseFuture(updatedAt: number, now: number): void {
  if (updatedAt > now + CLOCK_SKEW_MS)
    throw new EntryValidationError('invalid.future', 'updatedAt');
}

/** What an entry is checked against: custom exercises are read only when one is named. */
export async function worldContext(
  { sync, now }: Clocked,
  exercises: readonly string[] = [],
): Promise<WorldContext> {
  const needed = exercises.some((id) => builtInExercise(id) === undefined);
  const custom = new Set(needed ? (await readCustomExercises(sync)).map(({ id }) => id) : []);
  return {
    now: now(),
    knownExercise: (id) => custom.has(id) || builtInExercise(id) !== undefined,
  };
}

/**
 * New settings with what earlier days expected: the stored periods, and the stored settings'
 * expectations until yesterday when the new ones expect something else (what a page sends as
 * periods is not taken). Settings never saved, or unreadable, are the defaults the pages judged
 * by.
 */
function withExpectationsKept(before: Settings, settings: Settings, now: number): Settings {
  const pastExpectations = withChange(
    before.pastExpectations,
    expectationsOf(before),
    expectationsOf(settings),
    localDayKey(now, before.startOfDayHour),
  );
  return { ...settings, updatedAt: now, pastExpectations };
}

/**
 * Refused over settings a newer version wrote: they would be lost. A change of what a day
 * expects is kept in the same write as the settings.
 */
export async function saveSettings(
  { sync, now }: Clocked,
  settings: Settings,
  restore = false,
): Promise<Settings> {
  const raw = (await sync.get(SYNC_KEYS.settings))[SYNC_KEYS.settings];
  const stored = readVersioned(settingsFormat, raw);
  if (stored.status === 'newer') throw new ProblemError('storage.settingsUnreadable');
  if (restore) refuseFuture(settings.updatedAt, now());
  const saved = restore ? settings : withExpectationsKept(stored.value, settings, now());
  await sync.set({ [SYNC_KEYS.settings]: writeVersioned(settingsFormat, saved) });
  return saved;
}

/** Adds or replaces one custom exercise, unless the stored one was written later. */
export async function saveCustomExercise(
  { sync, now }: Clocked,
  exercise: CustomExercise,
  restore = false,
): Promise<CustomExercise[]> {
  const raw = (await sync.get(SYNC_KEYS.custom))[SYNC_KEYS.custom];
  const read = readVersioned(customExercisesFormat, raw);
  if (read.status === 'newer' || read.status === 'invalid') {
    throw new ProblemError('storage.customExercisesUnreadable');
  }
  if (restore) refuseFuture(exercise.updatedAt, now());
  const stamped = restore ? exercise : { ...exercise, updatedAt: now() };
  const others = read.value.exercises.filter((existing) => existing.id !== exercise.id);
  const current = read.value.exercises.find((existing) => existing.id === exercise.id);
  const exercises =
    current && current.updatedAt > stamped.updatedAt ? read.value.exercises : [...others, stamped];
  await sync.set({
    [SYNC_KEYS.custom]: writeVersioned(customExercisesFormat, { exercises }),
  });
  return exercises;
}

/** Saving settings and custom exercises, queued behind the writer's changes. */
export function sharedRecordHandlers({
  deps,
  writer,
}: WorkerContext): Pick<Handlers, 'saveSettings' | 'saveCustomExercise'> {
  return {
    saveSettings: async ({ settings, restore }) =>
      (await writer).serialize(() => saveSettings(deps, settings, restore)),
    saveCustomExercise: async ({ exercise, restore }) =>
      (await writer).serialize(() => saveCustomExercise(deps, exercise, restore)),
  };
}

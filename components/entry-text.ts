/**
 * Texts of sets, log entries, exercises and routines, for the parts of the popup that load after
 * its first paint (and the other pages): apart from format.ts, which the first paint takes whole.
 */
import type { CustomExercise } from '../lib/model/catalogue';
import type { Entry } from '../lib/model/entries';
import { setAmountText, type SetTarget } from '../lib/model/set-text';
import { problemOf } from '../lib/model/problem';
import type { Routine } from '../lib/model/routines';
import type { UnitSystem } from '../lib/model/units';
import { exerciseNameKey } from '../lib/model/exercise-keys';
import { formatVolume, translate, uiLanguage } from './format';

/** An exercise's name: from the messages for built-in ones, as typed for custom ones. */
export function exerciseName(id: string, custom: readonly CustomExercise[]): string {
  return custom.find((exercise) => exercise.id === id)?.name ?? translate(exerciseNameKey(id));
}

/** What a set amounted to: "12 × 20 kg", "10 per side", "45 s". */
export const setAmount = (set: SetTarget) => setAmountText(translate, set);

/** One line of today's log. */
export function describeEntry(
  entry: Entry,
  system: UnitSystem,
  custom: readonly CustomExercise[],
): string {
  switch (entry.kind) {
    case 'water':
      return translate('entry.water', [formatVolume(entry.ml, system)]);
    case 'set':
      return translate('entry.set', [exerciseName(entry.exercise, custom), setAmount(entry)]);
    case 'cardio':
      return translate('entry.cardio', [
        exerciseName(entry.exercise, custom),
        Math.round(entry.seconds / 60),
      ]);
    case 'prompt':
      return translate('entry.prompt', [
        translate(`habit.${entry.prompt}`),
        translate(`outcome.${entry.outcome}`),
      ]);
    case 'rest':
      return translate('entry.rest', [translate(`reason.${entry.reason}`)]);
  }
}

/** A routine's name: the user's own as typed, a ready one's from the messages. */
export function routineTitle(routine: Pick<Routine, 'id' | 'name'>): string {
  return routine.name ?? translate(`routine.name.${routine.id}`);
}

/**
 * What went wrong, for the session's parts. Not components/errors.ts's describeError: the lazy
 * chunk of the session view importing that split the popup's first-paint script in two.
 */
export function problemText(error: unknown): string {
  const { key, params } = problemOf(error);
  return translate(key, params) || translate('error.unknown', [key]);
}

const weekday = new Intl.DateTimeFormat(uiLanguage, { weekday: 'short' });

/** A day key as a short weekday: "Wed". */
export function shortDay(day: string): string {
  return weekday.format(new Date(`${day}T12:00:00`));
}

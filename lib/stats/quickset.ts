/**
 * What the popup's quick-set form needs: the exercises to offer (recently used first, then by
 * region), the values to prefill, and what to suggest after a set.
 */
import {
  asExercise,
  builtInExercise,
  EXERCISES,
  REGIONS,
  type CustomExercise,
  type Exercise,
  type Region,
} from '../model/catalogue';
import type { DayKey } from '../model/days';
import type { CardioEntry, Entry, SetEntry } from '../model/entries';
import { lastSession, suggestProgression, type Suggestion } from './strength';
import type { WeightUnit } from '../model/units';

/** Exercise ids by most recent use, most recent first. */
export function recentExercises(entries: readonly Entry[], limit = 5): string[] {
  const seen: string[] = [];
  for (let index = entries.length - 1; index >= 0 && seen.length < limit; index--) {
    const entry = entries[index]!;
    if ((entry.kind === 'set' || entry.kind === 'cardio') && !seen.includes(entry.exercise))
      seen.push(entry.exercise);
  }
  return seen;
}

/** Every exercise a user can log, built-in and custom (archived ones left out), by region. */
export function exercisesByRegion(
  custom: readonly CustomExercise[],
): { region: Region; exercises: Exercise[] }[] {
  const all = [...EXERCISES, ...custom.filter((exercise) => !exercise.archived).map(asExercise)];
  return REGIONS.map((region) => ({
    region,
    exercises: all.filter((exercise) => exercise.region === region),
  })).filter((group) => group.exercises.length > 0);
}

export function exerciseById(id: string, custom: readonly CustomExercise[]): Exercise | undefined {
  const own = custom.find((exercise) => exercise.id === id);
  return own ? asExercise(own) : builtInExercise(id);
}

export interface SetValues {
  reps?: number;
  seconds?: number;
  weight?: number;
  unit: WeightUnit;
  side?: 'left' | 'right' | 'both';
  minutes?: number;
  distanceKm?: number;
}

function fromPrescription(exercise: Exercise, unit: WeightUnit): SetValues {
  const prescription = exercise.prescription;
  if ('reps' in prescription)
    return {
      reps: prescription.reps[1],
      unit,
      ...(exercise.measure === 'repsPerSide' ? { side: 'both' } : {}),
    };
  if ('holdSeconds' in prescription) return { seconds: prescription.holdSeconds[0], unit };
  if ('minutes' in prescription) return { minutes: prescription.minutes[0], unit };
  return { reps: 5, unit };
}

/**
 * The values to prefill: today's last set of the exercise (to repeat it), else the first set of
 * the last session, else the catalogue's prescription.
 */
export function prefill(
  entries: readonly Entry[],
  exercise: Exercise,
  today: DayKey,
  unit: WeightUnit,
): SetValues {
  const done = entries.filter(
    (entry): entry is SetEntry | CardioEntry =>
      (entry.kind === 'set' || entry.kind === 'cardio') && entry.exercise === exercise.id,
  );
  const todays = done.filter((entry) => entry.day === today);
  const source =
    todays[todays.length - 1] ??
    lastSession(
      done.filter((entry): entry is SetEntry => entry.kind === 'set'),
      exercise.id,
      today,
    )[0] ??
    done.filter((entry) => entry.day < today).at(-1);
  if (!source) return fromPrescription(exercise, unit);
  if (source.kind === 'cardio') {
    return {
      minutes: Math.round(source.seconds / 60),
      unit,
      ...(source.distanceM ? { distanceKm: source.distanceM / 1000 } : {}),
    };
  }
  return {
    unit: source.weight?.unit ?? unit,
    ...(source.reps !== undefined ? { reps: source.reps } : {}),
    ...(source.seconds !== undefined ? { seconds: source.seconds } : {}),
    ...(source.weight ? { weight: source.weight.amount } : {}),
    ...(source.side ? { side: source.side } : {}),
  };
}

/** The last set logged today (of any exercise): what "repeat last set" logs again. */
export function lastSetToday(
  entries: readonly Entry[],
  today: DayKey,
): SetEntry | CardioEntry | undefined {
  return entries
    .filter(
      (entry): entry is SetEntry | CardioEntry =>
        (entry.kind === 'set' || entry.kind === 'cardio') && entry.day === today,
    )
    .at(-1);
}

/** The progression suggestion from today's sets of an exercise. */
export function suggestionAfter(
  entries: readonly Entry[],
  exercise: Exercise,
  today: DayKey,
): Suggestion {
  const todays = entries.filter(
    (entry): entry is SetEntry =>
      entry.kind === 'set' && entry.exercise === exercise.id && entry.day === today,
  );
  return suggestProgression(exercise, todays);
}

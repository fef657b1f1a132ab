/**
 * What each exercise of a session aims for when it starts: the last time's first set, moved on
 * by the progression rule (lib/stats/strength.ts), judged against the routine's own range; the
 * routine's prescription when the exercise was never done.
 */
import {
  findExercise,
  type CustomExercise,
  type Exercise,
  type Prescription,
} from '../model/catalogue';
import type { DayKey } from '../model/days';
import type { Entry, SetEntry } from '../model/entries';
import type { RoutineExercise } from '../model/routines';
import { targetOf, type SessionSlot, type SetTarget } from '../model/sessions';
import { lastSession, suggestProgression } from './strength';

/** Reps to aim for on a set of as many as possible, the first time. */
const FIRST_MAX_REPS = 5;

function prescriptionOf(planned: RoutineExercise): Prescription {
  if (planned.holdSeconds) return { sets: planned.sets, holdSeconds: planned.holdSeconds };
  if (planned.reps) return { sets: planned.sets, reps: planned.reps };
  return { sets: planned.sets, asManyAsPossible: true };
}

function fromRoutine(planned: RoutineExercise, perSide: boolean): SetTarget {
  const side = perSide ? { side: 'both' as const } : {};
  if (planned.holdSeconds) return { seconds: planned.holdSeconds[0] };
  return { reps: planned.reps?.[1] ?? FIRST_MAX_REPS, ...side };
}

export function sessionSlot(
  planned: RoutineExercise,
  sets: readonly SetEntry[],
  today: DayKey,
  custom: readonly CustomExercise[],
): SessionSlot {
  const known = findExercise(planned.exercise, custom);
  const perSide = known?.measure === 'repsPerSide';
  const last = lastSession(sets, planned.exercise, today).filter((set) => !set.warmup);
  const first = last[0];
  const slot: SessionSlot = {
    ...planned,
    ...(planned.reps ? { reps: [...planned.reps] as const } : {}),
    ...(planned.holdSeconds ? { holdSeconds: [...planned.holdSeconds] as const } : {}),
    target: fromRoutine(planned, perSide),
  };
  if (!first || !known) return slot;
  const exercise: Exercise = { ...known, prescription: prescriptionOf(planned) };
  const suggestion = suggestProgression(exercise, last);
  const target = targetOf(first);
  if (suggestion.kind === 'addWeight')
    Object.assign(target, { reps: suggestion.reps, weight: suggestion.weight });
  else if (suggestion.kind === 'addRep') target.reps = suggestion.reps;
  else if (suggestion.kind === 'holdLonger') target.seconds = suggestion.seconds;
  return { ...slot, target, last: { ...targetOf(first), day: first.day } };
}

/** The slots of a session of these exercises, from the entries of the last months. */
export function sessionSlots(
  planned: readonly RoutineExercise[],
  entries: readonly Entry[],
  today: DayKey,
  custom: readonly CustomExercise[],
): SessionSlot[] {
  const sets = entries.filter((entry): entry is SetEntry => entry.kind === 'set');
  return planned.map((exercise) => sessionSlot(exercise, sets, today, custom));
}

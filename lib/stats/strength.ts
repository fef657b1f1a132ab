/**
 * Strength training: estimated one-rep max, personal records, last session's sets and the
 * progression suggestion.
 *
 * - Estimated 1RM: Brzycki (w * 36 / (37 - r)) up to 10 reps, where it is the better estimate;
 *   Epley (w * (1 + r / 30)) above. One rep is the weight itself. Warm-up sets never count.
 * - A record is a heavier weight, a higher estimated 1RM, or more reps at a weight already
 *   lifted; for holds, a longer hold; for bodyweight sets, more reps. Weights are compared in kg
 *   (rounded to 0.01 kg, so 135 lb and 61.23 kg are the same weight).
 * - Progression: when every working set of the last session reached the top of the rep range,
 *   add the smallest plate step (2.5 kg or 5 lb) and go back to the bottom of the range;
 *   otherwise keep the weight and aim for one more rep than the weakest set. Holds add 5 s
 *   after every set reached the top of the range. Sets of an as-many-as-possible exercise aim
 *   for one more rep.
 */
import type { Exercise } from '../model/catalogue';
import type { DayKey } from '../model/days';
import type { SetEntry } from '../model/entries';
import { SMALLEST_WEIGHT_STEP, roundTo, toKg, type Weight } from '../model/units';

export const BRZYCKI_MAX_REPS = 10;
export const HOLD_STEP_SECONDS = 5;

export function estimatedOneRepMax(weightKg: number, reps: number): number | undefined {
  if (reps <= 0 || weightKg <= 0) return undefined;
  if (reps === 1) return weightKg;
  if (reps <= BRZYCKI_MAX_REPS) return (weightKg * 36) / (37 - reps);
  return weightKg * (1 + reps / 30);
}

export function setOneRepMax(set: SetEntry): number | undefined {
  return set.weight && set.reps ? estimatedOneRepMax(toKg(set.weight), set.reps) : undefined;
}

const weightKey = (kg: number) => roundTo(kg, 2);

export type RecordKind = 'heaviest' | 'oneRepMax' | 'repsAtWeight' | 'mostReps' | 'longestHold';

export interface ExerciseRecords {
  heaviestKg?: number;
  oneRepMaxKg?: number;
  mostReps?: number;
  longestHoldSeconds?: number;
  /** Most reps done at each weight (kg, rounded to 0.01). */
  repsAtWeight: Map<number, number>;
}

/** Records as stored (JSON has no Map): reps at each weight as [kg, reps] pairs. */
export interface StoredRecords {
  heaviestKg?: number;
  oneRepMaxKg?: number;
  mostReps?: number;
  longestHoldSeconds?: number;
  repsAtWeight: [number, number][];
}

export function toStoredRecords(records: ExerciseRecords): StoredRecords {
  return { ...records, repsAtWeight: [...records.repsAtWeight] };
}

export function fromStoredRecords(stored: StoredRecords): ExerciseRecords {
  return { ...stored, repsAtWeight: new Map(stored.repsAtWeight) };
}

export function emptyRecords(): ExerciseRecords {
  return { repsAtWeight: new Map() };
}

/** Which records a set beats, compared with the records before it. */
export function recordsBroken(records: ExerciseRecords, set: SetEntry): RecordKind[] {
  if (set.warmup) return [];
  const broken: RecordKind[] = [];
  if (set.seconds !== undefined && set.reps === undefined) {
    if (set.seconds > (records.longestHoldSeconds ?? 0)) broken.push('longestHold');
    return broken;
  }
  const reps = set.reps ?? 0;
  if (!set.weight || set.weight.amount === 0) {
    if (reps > (records.mostReps ?? 0)) broken.push('mostReps');
    return broken;
  }
  const kg = weightKey(toKg(set.weight));
  if (kg > (records.heaviestKg ?? 0)) broken.push('heaviest');
  const oneRepMax = estimatedOneRepMax(kg, reps);
  if (oneRepMax !== undefined && oneRepMax > (records.oneRepMaxKg ?? 0) + 1e-9)
    broken.push('oneRepMax');
  const before = records.repsAtWeight.get(kg);
  if (before !== undefined && reps > before) broken.push('repsAtWeight');
  return broken;
}

/** Folds a set into the records (mutating them), returning the records it broke. */
export function addToRecords(records: ExerciseRecords, set: SetEntry): RecordKind[] {
  const broken = recordsBroken(records, set);
  if (set.warmup) return broken;
  if (set.seconds !== undefined && set.reps === undefined) {
    records.longestHoldSeconds = Math.max(records.longestHoldSeconds ?? 0, set.seconds);
    return broken;
  }
  const reps = set.reps ?? 0;
  if (!set.weight || set.weight.amount === 0) {
    records.mostReps = Math.max(records.mostReps ?? 0, reps);
    return broken;
  }
  const kg = weightKey(toKg(set.weight));
  records.heaviestKg = Math.max(records.heaviestKg ?? 0, kg);
  const oneRepMax = estimatedOneRepMax(kg, reps);
  if (oneRepMax !== undefined) records.oneRepMaxKg = Math.max(records.oneRepMaxKg ?? 0, oneRepMax);
  records.repsAtWeight.set(kg, Math.max(records.repsAtWeight.get(kg) ?? 0, reps));
  return broken;
}

/** Records of one exercise over sets in any order. */
export function recordsOf(sets: Iterable<SetEntry>): ExerciseRecords {
  const records = emptyRecords();
  for (const set of sets) addToRecords(records, set);
  return records;
}

/**
 * The sets of the most recent day before `today` on which the exercise was done, in the order
 * they were logged: what the quick-set form prefills.
 */
export function lastSession(
  sets: readonly SetEntry[],
  exercise: string,
  today: DayKey,
): SetEntry[] {
  let lastDay: DayKey | undefined;
  for (const set of sets) {
    if (set.exercise === exercise && set.day < today && (!lastDay || set.day > lastDay))
      lastDay = set.day;
  }
  return sets
    .filter((set) => set.exercise === exercise && set.day === lastDay)
    .sort((a, b) => a.at - b.at);
}

export type Suggestion =
  | { kind: 'addWeight'; weight: Weight; reps: number }
  | { kind: 'addRep'; weight?: Weight; reps: number }
  | { kind: 'holdLonger'; seconds: number }
  | { kind: 'repeat' };

export function suggestProgression(exercise: Exercise, session: readonly SetEntry[]): Suggestion {
  const working = session.filter((set) => !set.warmup);
  if (working.length === 0) return { kind: 'repeat' };
  const prescription = exercise.prescription;
  if ('holdSeconds' in prescription) {
    const shortest = Math.min(...working.map((set) => set.seconds ?? 0));
    const [, top] = prescription.holdSeconds;
    return { kind: 'holdLonger', seconds: shortest >= top ? shortest + HOLD_STEP_SECONDS : top };
  }
  const weakest = Math.min(...working.map((set) => set.reps ?? 0));
  const weight = working.find((set) => set.weight)?.weight;
  if ('reps' in prescription) {
    const [bottom, top] = prescription.reps;
    if (weakest >= top && weight) {
      return {
        kind: 'addWeight',
        weight: { amount: weight.amount + SMALLEST_WEIGHT_STEP[weight.unit], unit: weight.unit },
        reps: bottom,
      };
    }
  }
  return weight
    ? { kind: 'addRep', weight, reps: weakest + 1 }
    : { kind: 'addRep', reps: weakest + 1 };
}

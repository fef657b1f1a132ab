/**
 * Routines: a workout as a list of exercises, each with its sets, a rep range, a hold time or as
 * many reps as possible, and the rest after each set. The ready routines are the guide's (a
 * full back day, the upper, middle and lower back days, home days with a band, a kettlebell or
 * the body's own weight, a short routine that works in desk clothes); the user's own are copies
 * or new ones, kept in sync storage (lib/store/items.ts), so their shape is bounded to fit its
 * per-item quota.
 */
import * as v from 'valibot';
import { EXERCISE_ID } from './entries';
import { hasVisibleCharacter } from './catalogue';

/** What a routine works: variations of a routine work the same. */
export const ROUTINE_FOCUSES = ['back', 'upper', 'middle', 'lower', 'desk'] as const;
export type RoutineFocus = (typeof ROUTINE_FOCUSES)[number];

/** One exercise of a routine: `reps` a range, `holdSeconds` a range, or neither (as many as possible). */
export interface RoutineExercise {
  exercise: string;
  sets: number;
  reps?: readonly [number, number];
  holdSeconds?: readonly [number, number];
  /** Rest after each set, in seconds. */
  restSeconds: number;
}

export interface Routine {
  id: string;
  /** The user's name for their own routine; a ready routine's name is `routine.name.<id>`. */
  name?: string;
  focus: RoutineFocus;
  exercises: readonly RoutineExercise[];
  /** When the user's own routine was last changed (routines sync last-writer-wins). */
  updatedAt?: number;
}

/** Rest after a set, by what common practice gives sets of that kind (domain.md). */
export const REST_SECONDS = { sets: 90, heavy: 150, core: 45, quick: 30 } as const;

const sets = (exercise: string, count: number, min: number, max = min, restSeconds = 90) => ({
  exercise,
  sets: count,
  reps: [min, max] as const,
  restSeconds,
});
const hold = (exercise: string, count: number, min: number, max: number, restSeconds = 45) => ({
  exercise,
  sets: count,
  holdSeconds: [min, max] as const,
  restSeconds,
});
const maxReps = (exercise: string, count: number, restSeconds = 90) => ({
  exercise,
  sets: count,
  restSeconds,
});

export const READY_ROUTINES: readonly Routine[] = [
  {
    id: 'backDay',
    focus: 'back',
    exercises: [
      sets('bentOverRow', 3, 12),
      sets('latPulldown', 3, 10, 12),
      maxReps('pullUp', 3),
      sets('deadlift', 3, 8, 10, REST_SECONDS.heavy),
      hold('supermanHold', 3, 5, 10),
      sets('plankRow', 3, 10, 10, 60),
    ],
  },
  {
    // The same muscles with other moves: what the plan offers after weeks of the back day.
    id: 'backDayB',
    focus: 'back',
    exercises: [
      sets('tBarRow', 3, 10, 12),
      sets('seatedCableRow', 3, 10, 12),
      sets('facePull', 3, 12, 15, 60),
      sets('goodMorning', 3, 10),
      sets('hyperextension', 3, 12, 15, 60),
      sets('birdDog', 3, 10, 10, REST_SECONDS.core),
    ],
  },
  {
    id: 'upperBackDay',
    focus: 'upper',
    exercises: [
      sets('facePull', 3, 12, 15, 60),
      sets('reverseFly', 3, 12, 15, 60),
      sets('latPulldown', 3, 10, 12),
      maxReps('pullUp', 3),
      hold('plank', 3, 30, 60),
    ],
  },
  {
    id: 'middleBackDay',
    focus: 'middle',
    exercises: [
      sets('tBarRow', 3, 10, 12),
      sets('seatedCableRow', 3, 10, 12),
      sets('bentOverRow', 3, 12),
      sets('birdDog', 3, 10, 10, REST_SECONDS.core),
    ],
  },
  {
    id: 'lowerBackDay',
    focus: 'lower',
    exercises: [
      sets('goodMorning', 3, 10),
      sets('hyperextension', 3, 12, 15, 60),
      sets('deadlift', 3, 8, 10, REST_SECONDS.heavy),
      hold('supermanHold', 3, 5, 10),
      sets('deadBug', 3, 10, 10, REST_SECONDS.core),
    ],
  },
  {
    id: 'homeBand',
    focus: 'back',
    exercises: [
      sets('bandedRow', 3, 12, 12, 60),
      sets('bandPullApart', 3, 15, 20, 45),
      sets('bandAssistedPullUp', 3, 8, 12),
      hold('supermanHold', 3, 5, 10),
      sets('birdDog', 3, 10, 10, REST_SECONDS.core),
    ],
  },
  {
    id: 'homeKettlebell',
    focus: 'back',
    exercises: [
      sets('kettlebellSwing', 3, 15),
      sets('singleArmKettlebellRow', 3, 10),
      sets('deadBug', 3, 10, 10, REST_SECONDS.core),
      hold('plank', 3, 30, 60),
    ],
  },
  {
    id: 'homeBodyweight',
    focus: 'back',
    exercises: [
      sets('handReleasePushUp', 3, 8, 12, 60),
      sets('scapularPullUp', 3, 8, 10, 60),
      hold('supermanHold', 3, 5, 10),
      sets('birdDog', 3, 10, 10, REST_SECONDS.core),
      hold('plank', 3, 30, 60),
    ],
  },
  {
    id: 'deskClothes',
    focus: 'desk',
    exercises: [
      sets('scapularSqueeze', 2, 10, 10, REST_SECONDS.quick),
      sets('chinTuck', 2, 10, 10, REST_SECONDS.quick),
      sets('wallAngel', 2, 10, 10, REST_SECONDS.quick),
      sets('standingBackExtension', 2, 5, 8, REST_SECONDS.quick),
      hold('standingHipFlexorStretch', 2, 20, 30, REST_SECONDS.quick),
    ],
  },
];

/** The routine the plan suggests when the user has not chosen a rotation. */
export const DEFAULT_ROTATION: readonly string[] = ['backDay'];

/** The stretch the guide asks for after every workout: the summary's guided card. */
export const AFTER_WORKOUT_STRETCH = {
  exercise: 'backStretch',
  steps: ['childPose', 'catCow', 'kneeHug'],
  secondsEach: 30,
} as const;

/** How long a set takes to do, for a routine's length: reps about 3 s each, holds as held. */
const SECONDS_PER_REP = 3;
const SECONDS_PER_MAX_REPS_SET = 40;

export function setSeconds(exercise: RoutineExercise): number {
  if (exercise.holdSeconds) return exercise.holdSeconds[1];
  if (exercise.reps) return exercise.reps[1] * SECONDS_PER_REP;
  return SECONDS_PER_MAX_REPS_SET;
}

/** About how long a routine takes, to the nearest five minutes: "about 35 min". */
export function routineMinutes(routine: Pick<Routine, 'exercises'>): number {
  const seconds = routine.exercises.reduce(
    (total, exercise) => total + exercise.sets * (setSeconds(exercise) + exercise.restSeconds),
    0,
  );
  return Math.max(5, Math.round(seconds / 300) * 5);
}

export function routineSetCount(routine: Pick<Routine, 'exercises'>): number {
  return routine.exercises.reduce((total, exercise) => total + exercise.sets, 0);
}

/** The routine of that id: the user's own first (a copy keeps no ready id), then the ready ones. */
export function findRoutine(id: string, own: readonly Routine[] = []): Routine | undefined {
  return own.find((routine) => routine.id === id) ?? READY_ROUTINES.find((r) => r.id === id);
}

/** Every routine the user can start: their own, then the ready ones. */
export function allRoutines(own: readonly Routine[]): Routine[] {
  return [...own, ...READY_ROUTINES];
}

/** The user's copy of a routine, under a new id, to edit. */
export function copyRoutine(routine: Routine, id: string, name: string, now: number): Routine {
  return {
    id,
    name,
    focus: routine.focus,
    exercises: routine.exercises.map((exercise) => ({ ...exercise })),
    updatedAt: now,
  };
}

/** The routine with one exercise moved from `from` to `to` (the options' reordering). */
export function moveExercise(routine: Routine, from: number, to: number): Routine {
  const exercises = [...routine.exercises];
  const [moved] = exercises.splice(from, 1);
  if (moved === undefined || to < 0 || to > exercises.length) return routine;
  exercises.splice(to, 0, moved);
  return { ...routine, exercises };
}

/** A new exercise in a routine, shaped by how it is measured: a hold is timed, the rest counted. */
export function addedExercise(exercise: string, timed: boolean): RoutineExercise {
  return timed ? hold(exercise, 3, 20, 30) : sets(exercise, 3, 8, 12);
}

/** The user's routines without one; the rotation falls back to the default if it is left empty. */
export function withoutRoutine<
  T extends { routines: readonly Routine[]; rotation: readonly string[] },
>(own: T, id: string): T {
  const rotation = own.rotation.filter((entry) => entry !== id);
  return {
    ...own,
    routines: own.routines.filter((routine) => routine.id !== id),
    rotation: rotation.length > 0 ? rotation : [...DEFAULT_ROTATION],
  };
}

/** The rotation with a routine added at its end, or taken out. */
export function toggledInRotation(rotation: readonly string[], id: string): string[] {
  return rotation.includes(id) ? rotation.filter((entry) => entry !== id) : [...rotation, id];
}

// Validation: the user's routines as stored, synced and imported ---------------------------------

export const MAX_OWN_ROUTINES = 12;
export const MAX_ROUTINE_EXERCISES = 12;
/** The most an exercise of a routine may ask: sets, reps, a hold and a rest (in seconds). */
export const ROUTINE_EXERCISE_MAX = { sets: 10, reps: 100, holdSeconds: 600, restSeconds: 600 };
/** Sync allows 8,192 bytes an item: the routines item keeps room to spare. */
export const MAX_ROUTINES_BYTES = 7_000;

const whole = (min: number, max: number, message: string) =>
  v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));

const rangeSchema = (max: number, message: string) =>
  v.pipe(
    v.tuple([whole(1, max, message), whole(1, max, message)]),
    v.check(([min, top]) => min <= top, message),
  );

export const routineExerciseFields = {
  exercise: v.pipe(v.string('invalid.exercise'), v.regex(EXERCISE_ID, 'invalid.exercise')),
  sets: whole(1, ROUTINE_EXERCISE_MAX.sets, 'routine.invalid.sets'),
  reps: v.optional(rangeSchema(ROUTINE_EXERCISE_MAX.reps, 'routine.invalid.reps')),
  holdSeconds: v.optional(rangeSchema(ROUTINE_EXERCISE_MAX.holdSeconds, 'routine.invalid.hold')),
  restSeconds: whole(0, ROUTINE_EXERCISE_MAX.restSeconds, 'routine.invalid.rest'),
};

export const routineExerciseSchema = v.pipe(
  v.strictObject(routineExerciseFields),
  v.check((exercise) => !(exercise.reps && exercise.holdSeconds), 'routine.invalid.reps'),
);

export const routineSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^own-[a-z0-9]{4,24}$/, 'routine.invalid.id')),
  name: v.pipe(
    v.string('routine.invalid.name'),
    v.trim(),
    v.maxLength(40, 'routine.invalid.name'),
    v.check(hasVisibleCharacter, 'routine.invalid.name'),
  ),
  focus: v.picklist(ROUTINE_FOCUSES, 'routine.invalid.focus'),
  exercises: v.pipe(
    v.array(routineExerciseSchema),
    v.minLength(1, 'routine.invalid.exercises'),
    v.maxLength(MAX_ROUTINE_EXERCISES, 'routine.invalid.exercises'),
  ),
  updatedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export type OwnRoutine = v.InferOutput<typeof routineSchema>;

/** The user's routines and the order the plan rotates through (routine ids, own or ready). */
export const ownRoutinesSchema = v.pipe(
  v.strictObject({
    routines: v.pipe(
      v.array(routineSchema),
      v.maxLength(MAX_OWN_ROUTINES, 'routine.invalid.tooMany'),
      v.check(
        (routines) => new Set(routines.map((routine) => routine.id)).size === routines.length,
        'routine.invalid.id',
      ),
    ),
    rotation: v.pipe(
      v.array(v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9-]{1,40}$/, 'routine.invalid.id'))),
      v.minLength(1, 'routine.invalid.rotation'),
      v.maxLength(7, 'routine.invalid.rotation'),
    ),
    updatedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  v.check(
    (value) => JSON.stringify(value).length <= MAX_ROUTINES_BYTES,
    'routine.invalid.tooLarge',
  ),
);

export type OwnRoutines = v.InferOutput<typeof ownRoutinesSchema>;

export const DEFAULT_OWN_ROUTINES: OwnRoutines = {
  routines: [],
  rotation: [...DEFAULT_ROTATION],
  updatedAt: 0,
};

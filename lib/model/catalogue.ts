/**
 * The catalogue: every exercise Backbone knows, the desk prompts and the breathing patterns.
 * Ids are stable forever (entries and synced records refer to them); names and cues are i18n
 * keys derived from the id (`exercise.<id>.name`, `exercise.<id>.cues`), checked by a unit test.
 */
import * as v from 'valibot';

export const REGIONS = ['upper', 'middle', 'lower', 'core', 'full', 'cardio', 'mobility'] as const;
export type Region = (typeof REGIONS)[number];

export const EQUIPMENT = [
  'bodyweight',
  'dumbbells',
  'barbell',
  'machine',
  'cable',
  'bar',
  'band',
  'kettlebell',
  'bench',
  'rower',
  'jumpRope',
  'foamRoller',
  'mat',
] as const;
export type Equipment = (typeof EQUIPMENT)[number];

/**
 * How a set is measured: `reps` (optionally with weight), `repsPerSide` (logged per side),
 * `hold` (seconds per set), `duration` (cardio and mobility, minutes, optionally distance).
 */
export const MEASURES = ['reps', 'repsPerSide', 'hold', 'duration'] as const;
export type Measure = (typeof MEASURES)[number];

export const BREAK_PLACES = ['desk', 'band', 'floor'] as const;
export type BreakPlace = (typeof BREAK_PLACES)[number];

export type Range = readonly [min: number, max: number];

export type Prescription =
  | { sets: number; reps: Range }
  | { sets: number; asManyAsPossible: true }
  | { sets: number; holdSeconds: Range }
  | { minutes: Range };

export interface Exercise {
  id: string;
  region: Region;
  equipment: readonly Equipment[];
  measure: Measure;
  prescription: Prescription;
  /**
   * Whether a movement break may offer it, and where: `desk` works in office clothes beside the
   * desk, `band` needs a resistance band, `floor` needs a floor and a mat (working from home).
   */
  breakMove?: BreakPlace;
  /** Cardio that people also measure by distance (a rowing machine). */
  tracksDistance?: true;
}

const reps = (sets: number, min: number, max = min): Prescription => ({ sets, reps: [min, max] });
const hold = (sets: number, min: number, max: number): Prescription => ({
  sets,
  holdSeconds: [min, max],
});
const minutes = (min: number, max: number): Prescription => ({ minutes: [min, max] });

export const EXERCISES: readonly Exercise[] = [
  {
    id: 'bentOverRow',
    region: 'middle',
    equipment: ['dumbbells', 'barbell'],
    measure: 'reps',
    prescription: reps(3, 10, 12),
  },
  {
    id: 'latPulldown',
    region: 'upper',
    equipment: ['machine'],
    measure: 'reps',
    prescription: reps(3, 10, 12),
  },
  {
    id: 'pullUp',
    region: 'upper',
    equipment: ['bar', 'band', 'machine'],
    measure: 'reps',
    prescription: { sets: 3, asManyAsPossible: true },
  },
  {
    id: 'deadlift',
    region: 'lower',
    equipment: ['barbell', 'dumbbells'],
    measure: 'reps',
    prescription: reps(3, 8, 10),
  },
  {
    id: 'supermanHold',
    region: 'lower',
    equipment: ['bodyweight', 'mat'],
    measure: 'hold',
    prescription: hold(3, 5, 10),
    breakMove: 'floor',
  },
  {
    id: 'plankRow',
    region: 'core',
    equipment: ['dumbbells'],
    measure: 'repsPerSide',
    prescription: reps(3, 10),
  },
  {
    id: 'facePull',
    region: 'upper',
    equipment: ['cable'],
    measure: 'reps',
    prescription: reps(3, 12, 15),
  },
  {
    id: 'reverseFly',
    region: 'upper',
    equipment: ['dumbbells'],
    measure: 'reps',
    prescription: reps(3, 12, 15),
  },
  {
    id: 'tBarRow',
    region: 'middle',
    equipment: ['machine'],
    measure: 'reps',
    prescription: reps(3, 10, 12),
  },
  {
    id: 'seatedCableRow',
    region: 'middle',
    equipment: ['cable'],
    measure: 'reps',
    prescription: reps(3, 10, 12),
  },
  {
    id: 'goodMorning',
    region: 'lower',
    equipment: ['barbell'],
    measure: 'reps',
    prescription: reps(3, 10),
  },
  {
    id: 'hyperextension',
    region: 'lower',
    equipment: ['bench'],
    measure: 'reps',
    prescription: reps(3, 12, 15),
  },
  {
    id: 'bandPullApart',
    region: 'upper',
    equipment: ['band'],
    measure: 'reps',
    prescription: reps(3, 15, 20),
    breakMove: 'band',
  },
  {
    id: 'bandedRow',
    region: 'middle',
    equipment: ['band'],
    measure: 'reps',
    prescription: reps(3, 12),
  },
  {
    id: 'bandAssistedPullUp',
    region: 'upper',
    equipment: ['bar', 'band'],
    measure: 'reps',
    prescription: reps(3, 8, 12),
  },
  {
    id: 'kettlebellSwing',
    region: 'full',
    equipment: ['kettlebell'],
    measure: 'reps',
    prescription: reps(3, 15),
  },
  {
    id: 'singleArmKettlebellRow',
    region: 'middle',
    equipment: ['kettlebell'],
    measure: 'repsPerSide',
    prescription: reps(3, 10),
  },
  {
    id: 'handReleasePushUp',
    region: 'upper',
    equipment: ['bodyweight'],
    measure: 'reps',
    prescription: reps(3, 8, 12),
  },
  {
    id: 'scapularPullUp',
    region: 'upper',
    equipment: ['bar'],
    measure: 'reps',
    prescription: reps(3, 8, 10),
  },
  {
    id: 'plank',
    region: 'core',
    equipment: ['bodyweight', 'mat'],
    measure: 'hold',
    prescription: hold(3, 30, 60),
    breakMove: 'floor',
  },
  {
    id: 'birdDog',
    region: 'core',
    equipment: ['bodyweight', 'mat'],
    measure: 'repsPerSide',
    prescription: reps(3, 10),
    breakMove: 'floor',
  },
  {
    id: 'deadBug',
    region: 'core',
    equipment: ['bodyweight', 'mat'],
    measure: 'repsPerSide',
    prescription: reps(3, 10),
    breakMove: 'floor',
  },
  {
    id: 'scapularSqueeze',
    region: 'upper',
    equipment: ['bodyweight'],
    measure: 'reps',
    prescription: reps(2, 10, 15),
    breakMove: 'desk',
  },
  {
    id: 'rowingMachine',
    region: 'cardio',
    equipment: ['rower'],
    measure: 'duration',
    prescription: minutes(10, 20),
    tracksDistance: true,
  },
  {
    id: 'jumpRope',
    region: 'cardio',
    equipment: ['jumpRope'],
    measure: 'duration',
    prescription: minutes(3, 5),
  },
  {
    id: 'hiit',
    region: 'cardio',
    equipment: ['bodyweight'],
    measure: 'duration',
    prescription: minutes(10, 20),
  },
  {
    id: 'backStretch',
    region: 'mobility',
    equipment: ['mat'],
    measure: 'duration',
    prescription: minutes(5, 10),
  },
  {
    id: 'chestShoulderStretch',
    region: 'mobility',
    equipment: ['bodyweight'],
    measure: 'duration',
    prescription: minutes(1, 2),
    breakMove: 'desk',
  },
  {
    id: 'foamRolling',
    region: 'mobility',
    equipment: ['foamRoller'],
    measure: 'duration',
    prescription: minutes(5, 10),
  },
  {
    id: 'yoga',
    region: 'mobility',
    equipment: ['mat'],
    measure: 'duration',
    prescription: minutes(15, 30),
  },
  {
    id: 'walk',
    region: 'mobility',
    equipment: ['bodyweight'],
    measure: 'duration',
    prescription: minutes(5, 10),
    breakMove: 'desk',
    tracksDistance: true,
  },
  {
    id: 'chinTuck',
    region: 'upper',
    equipment: ['bodyweight'],
    measure: 'reps',
    prescription: reps(1, 10),
    breakMove: 'desk',
  },
  {
    id: 'wallAngel',
    region: 'upper',
    equipment: ['bodyweight'],
    measure: 'reps',
    prescription: reps(1, 10),
    breakMove: 'desk',
  },
  {
    id: 'standingBackExtension',
    region: 'lower',
    equipment: ['bodyweight'],
    measure: 'reps',
    prescription: reps(1, 5, 8),
    breakMove: 'desk',
  },
  {
    id: 'seatedThoracicTwist',
    region: 'mobility',
    equipment: ['bodyweight'],
    measure: 'repsPerSide',
    prescription: reps(1, 5),
    breakMove: 'desk',
  },
  {
    id: 'standingHipFlexorStretch',
    region: 'mobility',
    equipment: ['bodyweight'],
    measure: 'hold',
    prescription: hold(2, 20, 30),
    breakMove: 'desk',
  },
  {
    id: 'calfRaise',
    region: 'mobility',
    equipment: ['bodyweight'],
    measure: 'reps',
    prescription: reps(1, 15),
    breakMove: 'desk',
  },
];

const EXERCISES_BY_ID = new Map(EXERCISES.map((exercise) => [exercise.id, exercise]));

export function builtInExercise(id: string): Exercise | undefined {
  return EXERCISES_BY_ID.get(id);
}

export { exerciseCuesKey, exerciseNameKey } from './exercise-keys';

/** Every move a movement break can offer, desk moves first, in the order a rotation walks. */
export const BREAK_MOVES: readonly Exercise[] = BREAK_PLACES.flatMap((place) =>
  EXERCISES.filter((exercise) => exercise.breakMove === place),
);

/** The rotation when the user has not chosen: moves that work in office clothes at a desk. */
export const DEFAULT_BREAK_MOVES: readonly string[] = BREAK_MOVES.filter(
  (move) => move.breakMove === 'desk',
).map((move) => move.id);

/** The moves in the user's rotation, in catalogue order; the desk moves if none is known. */
export function breakRotation(chosen: readonly string[]): Exercise[] {
  const wanted = new Set(chosen);
  const moves = BREAK_MOVES.filter((move) => wanted.has(move.id));
  return moves.length > 0 ? moves : BREAK_MOVES.filter((move) => move.breakMove === 'desk');
}

/**
 * Posture-check cues (i18n keys), rotated so a notification does not repeat itself. Each has a
 * short instruction for the notification's title (`postureTitleKey`).
 */
export const POSTURE_CUES = [
  'posture.cue.sitTall',
  'posture.cue.shouldersDown',
  'posture.cue.headInLine',
  'posture.cue.feetFlat',
  'posture.cue.screenAtEyeLevel',
  'posture.cue.bladeSqueeze',
] as const;

export function postureTitleKey(cue: (typeof POSTURE_CUES)[number]): string {
  return cue.replace('posture.cue.', 'posture.title.');
}

export type BreathPhase = 'inhale' | 'topUpInhale' | 'hold' | 'exhale' | 'holdOut';

export interface BreathingPattern {
  id: string;
  phases: readonly { phase: BreathPhase; seconds: number }[];
  /** Cycles in one session, chosen for a session of about two to four minutes. */
  cycles: number;
}

export const BREATHING_PATTERNS: readonly BreathingPattern[] = [
  {
    id: 'box',
    phases: [
      { phase: 'inhale', seconds: 4 },
      { phase: 'hold', seconds: 4 },
      { phase: 'exhale', seconds: 4 },
      { phase: 'holdOut', seconds: 4 },
    ],
    cycles: 12,
  },
  {
    id: 'fourSevenEight',
    phases: [
      { phase: 'inhale', seconds: 4 },
      { phase: 'hold', seconds: 7 },
      { phase: 'exhale', seconds: 8 },
    ],
    cycles: 8,
  },
  {
    id: 'resonant',
    phases: [
      { phase: 'inhale', seconds: 5 },
      { phase: 'exhale', seconds: 5 },
    ],
    cycles: 18,
  },
  {
    id: 'physiologicalSigh',
    phases: [
      { phase: 'inhale', seconds: 2 },
      { phase: 'topUpInhale', seconds: 1 },
      { phase: 'exhale', seconds: 6 },
    ],
    cycles: 10,
  },
];

export function breathingPattern(id: string): BreathingPattern | undefined {
  return BREATHING_PATTERNS.find((pattern) => pattern.id === id);
}

export function cycleSeconds(pattern: BreathingPattern): number {
  return pattern.phases.reduce((total, { seconds }) => total + seconds, 0);
}

export function sessionSeconds(pattern: BreathingPattern): number {
  return cycleSeconds(pattern) * pattern.cycles;
}

// Custom exercises --------------------------------------------------------------------------

export const customExerciseSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^custom-[a-z0-9]{4,24}$/, 'invalid.customExercise.id')),
  name: v.pipe(
    v.string('invalid.customExercise.name'),
    v.trim(),
    v.minLength(1, 'invalid.customExercise.name'),
    v.maxLength(60, 'invalid.customExercise.name'),
  ),
  region: v.picklist(REGIONS, 'invalid.customExercise.region'),
  measure: v.picklist(MEASURES, 'invalid.customExercise.measure'),
  equipment: v.optional(v.array(v.picklist(EQUIPMENT, 'invalid.customExercise.equipment'))),
  cues: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, 'invalid.customExercise.cues'))),
  /** When it was last changed: settings and custom exercises sync last-writer-wins. */
  updatedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** A deleted custom exercise is kept as a tombstone so past sets still have a name. */
  archived: v.optional(v.boolean()),
});

export type CustomExercise = v.InferOutput<typeof customExerciseSchema>;

/** The prescription shown for a custom exercise, from how it is measured. */
export function defaultPrescription(measure: Measure): Prescription {
  switch (measure) {
    case 'reps':
    case 'repsPerSide':
      return reps(3, 8, 12);
    case 'hold':
      return hold(3, 20, 40);
    case 'duration':
      return minutes(10, 20);
  }
}

/** A custom exercise in the shape of a built-in one, so every consumer treats both alike. */
export function asExercise(custom: CustomExercise): Exercise {
  return {
    id: custom.id,
    region: custom.region,
    equipment: custom.equipment ?? [],
    measure: custom.measure,
    prescription: defaultPrescription(custom.measure),
  };
}

export function findExercise(
  id: string,
  customExercises: readonly CustomExercise[] = [],
): Exercise | undefined {
  const custom = customExercises.find((exercise) => exercise.id === id);
  return custom ? asExercise(custom) : builtInExercise(id);
}

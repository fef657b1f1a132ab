/**
 * The catalogue: every exercise Backbone knows (the built-in ones are in exercises.ts) and the
 * user's own, the moves a movement break offers, the posture prompts and the breathing patterns.
 */
import * as v from 'valibot';
import {
  BREAK_PLACES,
  defaultPrescription,
  EQUIPMENT,
  EXERCISES,
  MEASURES,
  REGIONS,
  type Exercise,
} from './exercises';

export * from './exercises';

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

/** A pattern's phases, each as [phase, seconds]. */
const phases = (...steps: [BreathPhase, number][]): BreathingPattern['phases'] =>
  steps.map(([phase, seconds]) => ({ phase, seconds }));

export const BREATHING_PATTERNS: readonly BreathingPattern[] = [
  {
    id: 'box',
    phases: phases(['inhale', 4], ['hold', 4], ['exhale', 4], ['holdOut', 4]),
    cycles: 12,
  },
  { id: 'fourSevenEight', phases: phases(['inhale', 4], ['hold', 7], ['exhale', 8]), cycles: 8 },
  { id: 'resonant', phases: phases(['inhale', 5], ['exhale', 5]), cycles: 18 },
  {
    id: 'physiologicalSigh',
    phases: phases(['inhale', 2], ['topUpInhale', 1], ['exhale', 6]),
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

/**
 * Characters that show nothing: format characters (zero-width spaces and joiners, direction
 * marks), the ones Unicode says to ignore (fillers, variation selectors), controls, spaces.
 */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cc}\p{White_Space}]/gu;

/** Whether a name a user gives shows anything: one made only of invisible characters does not. */
export function hasVisibleCharacter(name: string): boolean {
  return name.replace(INVISIBLE, '').length > 0;
}

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

/**
 * A custom exercise as the user saves it: a name that shows. Stored, synced and imported ones
 * are read as they are, and one archived keeps the name it had, so an older one is never lost.
 */
export const savedCustomExerciseSchema = v.pipe(
  customExerciseSchema,
  v.check(
    (exercise) => exercise.archived === true || hasVisibleCharacter(exercise.name),
    'invalid.customExercise.name',
  ),
);

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

/**
 * The built-in exercises: what an exercise is (its region, equipment, measure and prescription)
 * and every one Backbone knows. Ids are stable forever (entries and synced records refer to them);
 * names and cues are i18n keys derived from the id (exercise-keys.ts), checked by a unit test.
 * The functions over them, and the user's own exercises, are in catalogue.ts.
 */

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

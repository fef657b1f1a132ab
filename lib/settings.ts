/**
 * The user's settings: one record that syncs across devices, last writer wins by `updatedAt`.
 * Nudge settings join this record in a later version (see the migrations in lib/storage.ts).
 */
import * as v from 'valibot';
import { MAX_START_OF_DAY_HOUR } from './days';
import type { Goals } from './streaks';
import { BODY_WEIGHT_KG, WATER_GOAL_ML, waterGoalMl } from './water';

const wholeNumber = (min: number, max: number, message: string) =>
  v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));

export const goalsSchema = v.strictObject({
  /** Absent: suggested from body weight (lib/water.ts). */
  waterMl: v.optional(wholeNumber(WATER_GOAL_ML.min, WATER_GOAL_ML.max, 'invalid.goal.water')),
  postureChecks: wholeNumber(0, 12, 'invalid.goal.posture'),
  movementBreaks: wholeNumber(0, 12, 'invalid.goal.movement'),
  breathingSessions: wholeNumber(0, 6, 'invalid.goal.breathing'),
  workoutsPerWeek: wholeNumber(0, 7, 'invalid.goal.workouts'),
});

export const settingsSchema = v.strictObject({
  updatedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  units: v.picklist(['metric', 'imperial'], 'invalid.units'),
  startOfDayHour: wholeNumber(0, MAX_START_OF_DAY_HOUR, 'invalid.startOfDay'),
  bodyWeightKg: v.optional(
    v.pipe(
      v.number('invalid.bodyWeight'),
      v.minValue(BODY_WEIGHT_KG.min, 'invalid.bodyWeight'),
      v.maxValue(BODY_WEIGHT_KG.max, 'invalid.bodyWeight'),
    ),
  ),
  goals: goalsSchema,
  /** Remembered cup sizes, offered as one-click buttons. */
  cupsMl: v.pipe(
    v.array(wholeNumber(50, 2000, 'invalid.cup')),
    v.minLength(1, 'invalid.cups'),
    v.maxLength(4, 'invalid.cups'),
  ),
});

export type Settings = v.InferOutput<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  updatedAt: 0,
  units: 'metric',
  startOfDayHour: 0,
  goals: { postureChecks: 4, movementBreaks: 3, breathingSessions: 1, workoutsPerWeek: 3 },
  cupsMl: [250, 500],
};

/** The goals streaks are judged by, with the water goal resolved. */
export function effectiveGoals(settings: Settings, workoutDay = false): Goals {
  return {
    ...settings.goals,
    waterMl: waterGoalMl(
      { goalMl: settings.goals.waterMl, bodyWeightKg: settings.bodyWeightKg },
      workoutDay,
    ),
  };
}

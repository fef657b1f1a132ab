/**
 * Water goals. The suggestion starts from about 33 ml per kg of body weight (the middle of the
 * common 30-35 ml/kg) and adds 500 ml on workout days, rounded to 50 ml. The user can always
 * override it; the goal then is whatever they chose.
 */
import { roundTo } from './units';

export const ML_PER_KG = 33;
export const WORKOUT_DAY_EXTRA_ML = 500;
export const BODY_WEIGHT_KG = { min: 30, max: 300 } as const;
export const WATER_GOAL_ML = { min: 500, max: 6000 } as const;

export function suggestedWaterGoalMl(bodyWeightKg: number, workoutDay = false): number {
  if (
    !Number.isFinite(bodyWeightKg) ||
    bodyWeightKg < BODY_WEIGHT_KG.min ||
    bodyWeightKg > BODY_WEIGHT_KG.max
  ) {
    throw new RangeError('invalid.bodyWeight');
  }
  const base = bodyWeightKg * ML_PER_KG + (workoutDay ? WORKOUT_DAY_EXTRA_ML : 0);
  return roundTo(base / 50, 0) * 50;
}

/** The goal for a day: the user's own, or the suggestion from their body weight. */
export function waterGoalMl(
  settings: { goalMl?: number; bodyWeightKg?: number },
  workoutDay: boolean,
  fallbackMl = 2000,
): number {
  if (settings.goalMl !== undefined) return settings.goalMl;
  if (settings.bodyWeightKg !== undefined)
    return suggestedWaterGoalMl(settings.bodyWeightKg, workoutDay);
  return fallbackMl;
}

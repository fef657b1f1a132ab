/**
 * Units. Weights are stored as entered, with their unit, so nothing is lost to conversion; water
 * is stored in whole millilitres. Conversions happen only for display and comparison.
 *
 * Display rounding, the way people read these numbers:
 * - a weight shown in the unit it was entered in keeps up to two decimals (1.25 kg plates);
 * - a converted weight is rounded to one decimal (135 lb shows as 61.2 kg);
 * - millilitres are whole; fluid ounces (US) have one decimal.
 */
export type WeightUnit = 'kg' | 'lb';
export type VolumeUnit = 'ml' | 'floz';
export type UnitSystem = 'metric' | 'imperial';

export interface Weight {
  amount: number;
  unit: WeightUnit;
}

export const KG_PER_LB = 0.45359237;
export const ML_PER_FL_OZ = 29.5735295625;

/** The smallest usual plate step in each unit, used for progression. */
export const SMALLEST_WEIGHT_STEP: Record<WeightUnit, number> = { kg: 2.5, lb: 5 };

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON * Math.sign(value)) * factor) / factor;
}

export function toKg(weight: Weight): number {
  return weight.unit === 'kg' ? weight.amount : weight.amount * KG_PER_LB;
}

/** A weight in another unit, rounded for display (unchanged if the unit is the same). */
export function convertWeight(weight: Weight, unit: WeightUnit): Weight {
  if (weight.unit === unit) return { amount: roundTo(weight.amount, 2), unit };
  const kg = toKg(weight);
  return { amount: roundTo(unit === 'kg' ? kg : kg / KG_PER_LB, 1), unit };
}

export function flOzToMl(flOz: number): number {
  return Math.round(flOz * ML_PER_FL_OZ);
}

export function mlToFlOz(ml: number): number {
  return roundTo(ml / ML_PER_FL_OZ, 1);
}

/** A water amount in the unit the user reads, rounded for display. */
export function displayVolume(ml: number, unit: VolumeUnit): number {
  return unit === 'ml' ? Math.round(ml) : mlToFlOz(ml);
}

/** What the user typed, in their unit, as the whole millilitres we store. */
export function volumeToMl(amount: number, unit: VolumeUnit): number {
  return unit === 'ml' ? Math.round(amount) : flOzToMl(amount);
}

export function unitsOf(system: UnitSystem): { weight: WeightUnit; volume: VolumeUnit } {
  return system === 'metric' ? { weight: 'kg', volume: 'ml' } : { weight: 'lb', volume: 'floz' };
}

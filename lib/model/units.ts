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

/** The cups each unit offers until the user chooses others, as poured: 250 and 500 ml, 8 and 16 fl oz. */
export const USUAL_CUPS: Record<VolumeUnit, readonly number[]> = { ml: [250, 500], floz: [8, 16] };

/** A unit's usual cups, as stored millilitres. */
export function usualCupsMl(unit: VolumeUnit): number[] {
  return USUAL_CUPS[unit].map((amount) => volumeToMl(amount, unit));
}

/** Whether the cups are a unit's usual ones, untouched. */
export function isUsualCups(cupsMl: readonly number[], unit: VolumeUnit): boolean {
  return usualCupsMl(unit).join() === cupsMl.join();
}

/**
 * A cup as a person pours it in a unit: whole millilitres, or whole and half fluid ounces
 * (so a stored 237 ml reads 8 fl oz, never 8.0 or 7.9).
 */
export function cupInUnit(ml: number, unit: VolumeUnit): number {
  return unit === 'ml' ? Math.round(ml) : Math.round((ml / ML_PER_FL_OZ) * 2) / 2;
}

/**
 * The cups in another unit, as stored millilitres: the usual cups of the one unit become the
 * usual cups of the other (250 ml and 500 ml become 8 and 16 fl oz), and any other cup the
 * nearest whole fluid ounce or millilitre, within `limits` (in ml).
 */
export function cupsInUnit(
  cupsMl: readonly number[],
  unit: VolumeUnit,
  limits: { min: number; max: number },
): number[] {
  const other: VolumeUnit = unit === 'ml' ? 'floz' : 'ml';
  if (isUsualCups(cupsMl, other)) return usualCupsMl(unit);
  return cupsMl.map((ml) => {
    if (unit === 'ml') return Math.round(ml);
    const whole = Math.round(ml / ML_PER_FL_OZ);
    const inRange = Math.min(
      Math.floor(limits.max / ML_PER_FL_OZ),
      Math.max(Math.ceil(limits.min / ML_PER_FL_OZ), whole),
    );
    return flOzToMl(inRange);
  });
}

/** A weight kept in kg, in the user's unit to one decimal: 81.65 kg reads 180 lb. */
export function weightFromKg(kg: number, unit: WeightUnit): number {
  return roundTo(unit === 'kg' ? kg : kg / KG_PER_LB, 1);
}

/** A weight typed in the user's unit, as the kg kept (to 0.01 kg, which reads back the same). */
export function weightToKg(amount: number, unit: WeightUnit): number {
  return roundTo(toKg({ amount, unit }), 2);
}

import { i18n } from '../../lib/adapters/translate';
import { formatNumber } from '../format';
import { convertWeight, unitsOf, type UnitSystem } from '../../lib/model/units';

/** A weight kept in kg, in the user's unit: "100 kg", "220.5 lb". */
export function formatWeight(kg: number, system: UnitSystem): string {
  return weightText(inUnit(kg, system), system);
}

/** A weight kept in kg as a number in the user's unit, for a chart. */
export function inUnit(kg: number, system: UnitSystem): number {
  return convertWeight({ amount: kg, unit: 'kg' }, unitsOf(system).weight).amount;
}

/** A number already in the user's weight unit, with the unit: "220.5 lb". */
export function weightText(amount: number, system: UnitSystem): string {
  return i18n.t(`progress.weight.${unitsOf(system).weight}`, [formatNumber(amount)]);
}

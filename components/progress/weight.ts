import { i18n } from '../../lib/adapters/translate';
import { formatNumber } from '../../lib/model/formatting';
import { convertWeight, unitsOf, type UnitSystem } from '../../lib/model/units';

/** A weight kept in kg, in the user's unit: "100 kg", "220.5 lb". */
export function formatWeight(kg: number, system: UnitSystem): string {
  const { amount, unit } = convertWeight({ amount: kg, unit: 'kg' }, unitsOf(system).weight);
  return i18n.t(`progress.weight.${unit}`, [formatNumber(amount)]);
}

/** A weight kept in kg as a number in the user's unit, for a chart. */
export function inUnit(kg: number, system: UnitSystem): number {
  return convertWeight({ amount: kg, unit: 'kg' }, unitsOf(system).weight).amount;
}

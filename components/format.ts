import { i18n } from '#i18n';
import { displayVolume, unitsOf, type UnitSystem } from '../lib/units';

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** A water amount in the user's units, with its unit, e.g. "1,250 ml" or "16.9 fl oz". */
export function formatVolume(ml: number, system: UnitSystem): string {
  const unit = unitsOf(system).volume;
  const amount = formatNumber(displayVolume(ml, unit));
  return unit === 'ml' ? i18n.t('unit.ml', [amount]) : i18n.t('unit.floz', [amount]);
}

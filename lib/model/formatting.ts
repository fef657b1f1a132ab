/**
 * Text for people: amounts in their units and prescriptions, through an injected message
 * lookup (the browser's i18n in the extension, a stub in tests).
 */
import type { Prescription } from './catalogue';
import type { DayKey } from './days';
import { displayVolume, unitsOf, weightFromKg, type UnitSystem, type WeightUnit } from './units';

/** A message lookup in one language, with that language (BCP 47) for every `Intl` format. */
export interface Translate {
  (key: string, substitutions?: (string | number)[]): string;
  readonly locale: string;
}

/**
 * One formatter per language, made on first use: a page writes hundreds of numbers and counts,
 * and building an `Intl` object costs far more than using one.
 */
const numberFormats: Record<string, Intl.NumberFormat> = {};
const pluralRules: Record<string, Intl.PluralRules> = {};

export function formatNumber(value: number, locale: string): string {
  return (numberFormats[locale] ??= new Intl.NumberFormat(locale, {
    maximumFractionDigits: 1,
  })).format(value);
}

/**
 * A message with a count, in the form its language uses for that count: the key's CLDR plural
 * category (`key.one`, `key.few`, `key.many`, `key.other`), as `Intl.PluralRules` chooses it.
 */
export function plural(
  t: Translate,
  key: string,
  count: number,
  substitutions?: (string | number)[],
): string {
  return t(
    `${key}.${(pluralRules[t.locale] ??= new Intl.PluralRules(t.locale)).select(count)}`,
    substitutions,
  );
}

/** A water amount in the user's units, with its unit: "1,250 ml" or "16.9 fl oz". */
export function formatVolume(t: Translate, ml: number, system: UnitSystem): string {
  const unit = unitsOf(system).volume;
  return t(unit === 'ml' ? 'unit.ml' : 'unit.floz', [
    formatNumber(displayVolume(ml, unit), t.locale),
  ]);
}

/** A weight kept in kg, in the user's unit with its unit: "100 kg", "220.5 lb". */
export function formatWeight(t: Translate, kg: number, system: UnitSystem): string {
  const unit = unitsOf(system).weight;
  return formatWeightIn(t, weightFromKg(kg, unit), unit);
}

/** A number already in a weight unit, with the unit: "220.5 lb". */
export function formatWeightIn(t: Translate, amount: number, unit: WeightUnit): string {
  return t(unit === 'kg' ? 'unit.kg' : 'unit.lb', [formatNumber(amount, t.locale)]);
}

function range(t: Translate, min: number, max: number): string {
  return min === max
    ? formatNumber(min, t.locale)
    : `${formatNumber(min, t.locale)}–${formatNumber(max, t.locale)}`;
}

/** One set of a prescription, as a desk break offers it: "10–12 reps", "hold 5–10 s". */
export function oneSetText(t: Translate, prescription: Prescription, perSide: boolean): string {
  if ('holdSeconds' in prescription)
    return t('prescription.hold', [range(t, ...prescription.holdSeconds)]);
  if ('minutes' in prescription)
    return t('prescription.minutes', [range(t, ...prescription.minutes)]);
  if ('asManyAsPossible' in prescription) return t('prescription.asManyAsPossible');
  return t(perSide ? 'prescription.repsPerSide' : 'prescription.reps', [
    range(t, ...prescription.reps),
  ]);
}

/** How many calendar days (of this clock's time zone) the day of `at` lies after today's. */
export function daysFromToday(at: number, now: number): number {
  const midnight = (instant: number) => {
    const date = new Date(instant);
    return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
  };
  return Math.round((midnight(at) - midnight(now)) / 86_400_000);
}

/**
 * A day after tomorrow as a person names it beside a time: its weekday within the coming week
 * ("Mon"), with its date further off ("Mon, Dec 14"), where a weekday alone would be a week wrong.
 */
export function laterDayName(at: number, now: number, locale: string): string {
  const days = daysFromToday(at, now);
  return new Intl.DateTimeFormat(
    locale,
    days > 1 && days < 7
      ? { weekday: 'short' }
      : { weekday: 'short', month: 'short', day: 'numeric' },
  ).format(at);
}

/**
 * The heading of a day, from its day key: "Wednesday, Nov 25" (short enough for the popup).
 * The key, not the clock, because before the start of day the screen still shows the day
 * before.
 */
export function formatDayLabel(day: DayKey, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}

import {
  daysFromToday,
  formatDayLabel,
  laterDayName,
  formatNumber as formatNumberIn,
  formatVolume as formatVolumeWith,
  formatWeight as formatWeightWith,
  formatWeightIn as formatWeightInWith,
  plural,
} from '../lib/model/formatting';
import { translate, uiLanguage } from '../lib/adapters/translate';
import { formatTime as formatTimeIn } from '../lib/model/clock';
import type { UnitSystem, WeightUnit } from '../lib/model/units';
import type { HabitReport } from '../lib/stats/streaks';

export { translate, uiLanguage };

export function formatNumber(value: number): string {
  return formatNumberIn(value, uiLanguage);
}

/** A day key as a heading, "Wednesday, Nov 25". */
export function longDay(day: string): string {
  return formatDayLabel(day, uiLanguage);
}

/** A message with a count, in the UI language's plural form for it. */
export function pluralText(key: string, count: number, substitutions?: (string | number)[]) {
  return plural(translate, key, count, substitutions ?? [formatNumber(count)]);
}

export function formatVolume(ml: number, system: UnitSystem): string {
  return formatVolumeWith(translate, ml, system);
}

/** A weight kept in kg, in the user's unit: "100 kg", "220.5 lb". */
export function formatWeight(kg: number, system: UnitSystem): string {
  return formatWeightWith(translate, kg, system);
}

/** A number already in a weight unit, with the unit: "220.5 lb". */
export function formatWeightIn(amount: number, unit: WeightUnit): string {
  return formatWeightInWith(translate, amount, unit);
}

/** A streak's length in its habit's unit: "4 days", "1 week". */
export function streakText(unit: HabitReport['unit'], count: number): string {
  return pluralText(unit === 'days' ? 'streak.days' : 'streak.weeks', count);
}

/** A clock time in the UI language's hour cycle: "14:30" or "2:30 PM". */
export function formatTime(at: number | Date, precision?: 'minute' | 'hour'): string {
  return formatTimeIn(at, uiLanguage, precision);
}

/**
 * A time that says its day when it is not today: "14:30" (or "at 14:30" in a sentence),
 * "tomorrow 09:00", "Mon 09:00", "Mon, Dec 14 09:00".
 */
export function dayAndTime(at: number, now: number, inSentence = false): string {
  const time = formatTime(at);
  const days = daysFromToday(at, now);
  if (days === 0) return inSentence ? translate('now.atTime', [time]) : time;
  if (days === 1) return translate('now.tomorrowAt', [time]);
  return translate('now.dayAt', [laterDayName(at, now, uiLanguage), time]);
}

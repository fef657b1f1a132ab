import type { CustomExercise } from '../lib/model/catalogue';
import { exerciseNameKey } from '../lib/model/exercise-keys';
import type { Entry, SetEntry } from '../lib/model/entries';
import {
  formatDayLabel as longDay,
  formatNumber,
  formatVolume as formatVolumeWith,
  formatWeight as formatWeightWith,
  formatWeightIn as formatWeightInWith,
} from '../lib/model/formatting';
import { i18n, translate } from '../lib/adapters/translate';
import type { UnitSystem, WeightUnit } from '../lib/model/units';
import type { HabitReport } from '../lib/stats/streaks';

/** `longDay`: a day key as a heading, "Wednesday, Nov 25". */
export { formatNumber, longDay };

export { translate };

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
  return unit === 'days' ? i18n.t('streak.days', count) : i18n.t('streak.weeks', count);
}

/** An exercise's name: from the messages for built-in ones, as typed for custom ones. */
export function exerciseName(id: string, custom: readonly CustomExercise[]): string {
  return custom.find((exercise) => exercise.id === id)?.name ?? translate(exerciseNameKey(id));
}

/** What a set amounted to: "12 × 20 kg", "10 per side", "45 s". */
export function setAmount(set: Pick<SetEntry, 'reps' | 'seconds' | 'weight' | 'side'>): string {
  const parts: string[] = [];
  if (set.reps !== undefined)
    parts.push(
      set.side && set.side !== 'both'
        ? `${set.reps} (${translate(`side.${set.side}`)})`
        : String(set.reps),
    );
  if (set.weight && set.weight.amount > 0)
    parts.push(`${formatNumber(set.weight.amount)} ${set.weight.unit}`);
  if (set.seconds !== undefined) parts.push(`${set.seconds} s`);
  return parts.join(' × ');
}

/** One line of today's log. */
export function describeEntry(
  entry: Entry,
  system: UnitSystem,
  custom: readonly CustomExercise[],
): string {
  switch (entry.kind) {
    case 'water':
      return translate('entry.water', [formatVolume(entry.ml, system)]);
    case 'set':
      return translate('entry.set', [exerciseName(entry.exercise, custom), setAmount(entry)]);
    case 'cardio':
      return translate('entry.cardio', [
        exerciseName(entry.exercise, custom),
        Math.round(entry.seconds / 60),
      ]);
    case 'prompt':
      return translate('entry.prompt', [
        translate(`habit.${entry.prompt}`),
        translate(`outcome.${entry.outcome}`),
      ]);
    case 'rest':
      return translate('entry.rest', [translate(`reason.${entry.reason}`)]);
  }
}

/**
 * The popup's first paint has no byte to spare for lib/model/clock.ts: this writes a time with
 * the same options as its formatTime, so both read alike.
 */
const clockTime = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const shortWeekday = new Intl.DateTimeFormat(undefined, { weekday: 'short' });

function localMidnight(instant: number): number {
  const date = new Date(instant);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/**
 * A time that says its day when it is not today: "14:30" (or "at 14:30" in a sentence),
 * "tomorrow 09:00", "Mon 09:00".
 */
export function dayAndTime(at: number, now: number, inSentence = false): string {
  const time = clockTime.format(at);
  const days = Math.round((localMidnight(at) - localMidnight(now)) / 86_400_000);
  if (days === 0) return inSentence ? translate('now.atTime', [time]) : time;
  if (days === 1) return translate('now.tomorrowAt', [time]);
  return translate('now.dayAt', [shortWeekday.format(at), time]);
}

/** A day key as a short weekday: "Wed". */
export function shortDay(day: string): string {
  return shortWeekday.format(new Date(`${day}T12:00:00`));
}

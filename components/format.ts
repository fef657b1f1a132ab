import type { CustomExercise } from '../lib/model/catalogue';
import { exerciseNameKey } from '../lib/model/exercise-keys';
import {
  formatDayLabel as longDay,
  formatNumber,
  formatVolume as formatVolumeWith,
} from '../lib/model/formatting';
import { i18n, translate } from '../lib/adapters/translate';
import type { UnitSystem } from '../lib/model/units';
import type { HabitReport } from '../lib/stats/streaks';

/** `longDay`: a day key as a heading, "Wednesday, Nov 25". */
export { formatNumber, longDay };

export { translate };

export function formatVolume(ml: number, system: UnitSystem): string {
  return formatVolumeWith(translate, ml, system);
}

/** A streak's length in its habit's unit: "4 days", "1 week". */
export function streakText(unit: HabitReport['unit'], count: number): string {
  return unit === 'days' ? i18n.t('streak.days', count) : i18n.t('streak.weeks', count);
}

/** An exercise's name: from the messages for built-in ones, as typed for custom ones. */
export function exerciseName(id: string, custom: readonly CustomExercise[]): string {
  return custom.find((exercise) => exercise.id === id)?.name ?? translate(exerciseNameKey(id));
}

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

/**
 * The weekly check-in reminder: on the weekday and at the time the user picked (off until they
 * turn it on), under the same quiet rules as every nudge. A pause or time off holds it until it
 * ends; away, a fullscreen window or (when chosen) a tab playing sound hold it a few minutes;
 * after the machine slept through it, it comes a few minutes after waking, not at once. A week
 * already checked in gets no reminder.
 */
import * as v from 'valibot';
import type { Format } from '../store/items';
import { LATE_MINUTES, QUIET_RECHECK_MINUTES } from './decisions';
import { pausedUntilAt, type NudgeState } from './state';

const MINUTE = 60_000;
/** Away: checked again this much later (the user is not there to see it). */
export const AWAY_RECHECK_MINUTES = 15;

export const checkInReminderSchema = v.strictObject({
  enabled: v.boolean(),
  /** ISO weekday, 1 = Monday. */
  weekday: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(7)),
  /** Minutes after midnight, local time. */
  minute: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 60 - 1)),
});
export type CheckInReminder = v.InferOutput<typeof checkInReminderSchema>;

export const checkInReminderFormat: Format<CheckInReminder> = {
  version: 1,
  schema: checkInReminderSchema,
  migrations: {},
  fallback: () => ({ enabled: false, weekday: 7, minute: 10 * 60 }),
};

/** The next moment after `now` that is the weekday and time, on the local clock. */
export function nextWeeklyAt(reminder: Pick<CheckInReminder, 'weekday' | 'minute'>, now: number) {
  const today = new Date(now);
  const isoToday = ((today.getDay() + 6) % 7) + 1;
  const at = (days: number) =>
    new Date(
      today.getFullYear(),
      today.getMonth(),
      today.getDate() + days,
      Math.floor(reminder.minute / 60),
      reminder.minute % 60,
    ).getTime();
  const days = (reminder.weekday - isoToday + 7) % 7;
  return at(days) > now ? at(days) : at(days + 7);
}

export interface ReminderMoment {
  reminder: CheckInReminder;
  state: NudgeState;
  now: number;
  scheduledTime: number;
  away: boolean;
  quiet: boolean;
  checkedInThisWeek: boolean;
}

/** Whether to show the reminder now, and when its alarm should fire next (none when off). */
export function reminderFired(moment: ReminderMoment): { show: boolean; nextAt?: number } {
  const { reminder, state, now } = moment;
  if (!reminder.enabled) return { show: false };
  const nextWeek = nextWeeklyAt(reminder, now);
  if (moment.checkedInThisWeek || state.pausedIndefinitely)
    return { show: false, nextAt: nextWeek };
  const held = (at: number) => ({ show: false, nextAt: Math.min(at, nextWeek) });
  const pauseEnd = pausedUntilAt(state, now);
  if (pauseEnd !== undefined) return held(pauseEnd);
  if (now - moment.scheduledTime > LATE_MINUTES * MINUTE)
    return held(now + QUIET_RECHECK_MINUTES * MINUTE);
  if (moment.away || state.awaySince !== undefined)
    return held(now + AWAY_RECHECK_MINUTES * MINUTE);
  if (moment.quiet) return held(now + QUIET_RECHECK_MINUTES * MINUTE);
  return { show: true, nextAt: nextWeek };
}

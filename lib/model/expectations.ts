/**
 * What a day expects of the user: the goals (the water goal resolved from body weight) and the
 * weekdays without active hours, which the nudge habits skip. These are the only settings that
 * decide how a day is judged (lib/stats/streaks.ts); start of day and turning a nudge off decide
 * none (an entry keeps the day it was logged on, and a habit is off only at a goal of 0).
 *
 * A day is judged by what it expected then. The settings keep what earlier days expected as
 * periods, oldest first, each until its last day (`pastExpectations`, lib/model/settings.ts);
 * the days after the last period expect what the settings say now. A change of settings that
 * changes what a day expects closes a period on the day before: today and the days after follow
 * the new settings, the earlier days keep theirs. Changes made on one day are one change.
 *
 * The periods travel with the settings: one sync item, one write, newest write wins, in every
 * export. Settings without periods (an older version's) are in force since the first day.
 */
import { addDays, type DayKey } from './days';
import {
  effectiveGoals,
  MAX_EXPECTATION_PERIODS,
  nudgeFreeWeekdays,
  type ExpectationPeriod,
  type Goals,
  type Settings,
} from './settings';

export interface Expectations {
  goals: Goals;
  /** ISO weekdays (1 = Monday) without active hours: the nudge habits do not count them. */
  nudgeFreeWeekdays: readonly number[];
}

/** What the settings expect of a day (the water goal of a day without a workout). */
export function expectationsOf(settings: Settings): Expectations {
  return { goals: effectiveGoals(settings), nudgeFreeWeekdays: nudgeFreeWeekdays(settings) };
}

const weekdayBits = (weekdays: readonly number[]) =>
  weekdays.reduce((bits, weekday) => bits | (1 << weekday), 0);

export function periodOf(until: DayKey, expectations: Expectations): ExpectationPeriod {
  const { goals } = expectations;
  return [
    until,
    goals.waterMl,
    goals.postureChecks,
    goals.movementBreaks,
    goals.breathingSessions,
    goals.workoutsPerWeek,
    weekdayBits(expectations.nudgeFreeWeekdays),
  ];
}

/** The last day a period expected what it holds. */
export const periodEnd = (period: ExpectationPeriod): DayKey => period[0];

export function expectationsOfPeriod(period: ExpectationPeriod): Expectations {
  const [, waterMl, postureChecks, movementBreaks, breathingSessions, workoutsPerWeek, bits] =
    period;
  return {
    goals: { waterMl, postureChecks, movementBreaks, breathingSessions, workoutsPerWeek },
    nudgeFreeWeekdays: [1, 2, 3, 4, 5, 6, 7].filter((weekday) => (bits >> weekday) & 1),
  };
}

const sameExpectations = (a: Expectations, b: Expectations) =>
  JSON.stringify(periodOf('', a)) === JSON.stringify(periodOf('', b));

/**
 * The periods once settings expecting `before` change to expect `after` on `today`: the days up
 * to yesterday keep `before`. A second change on the same day leaves the periods as the first
 * left them; one beyond the most kept folds the two oldest periods into the later one.
 */
export function withChange(
  past: readonly ExpectationPeriod[],
  before: Expectations,
  after: Expectations,
  today: DayKey,
): ExpectationPeriod[] {
  const yesterday = addDays(today, -1);
  const last = past.at(-1);
  if (sameExpectations(before, after) || (last && periodEnd(last) >= yesterday)) return [...past];
  const periods = [...past, periodOf(yesterday, before)];
  // Reached only after changes on 80 different days: the oldest change's days take the
  // expectations of the next one, the one way a setting changes an earlier day.
  if (periods.length > MAX_EXPECTATION_PERIODS) periods.splice(0, 1);
  return periods;
}

/** What a day expected: its period's, or the current expectations after the last period. */
export function expectationsOn(
  day: DayKey,
  current: Expectations,
  past: readonly ExpectationPeriod[] = [],
): Expectations {
  const period = past.find((candidate) => periodEnd(candidate) >= day);
  return period ? expectationsOfPeriod(period) : current;
}

/** What a day expected, by settings and the periods they keep. */
export function expectedBy(settings: Settings, day: DayKey): Expectations {
  return expectationsOn(day, expectationsOf(settings), settings.pastExpectations);
}

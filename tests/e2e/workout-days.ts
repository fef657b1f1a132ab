/** Days on which the popup suggests a workout session, written through the worker's handlers. */
import {
  addDays,
  dayKeyFromNumber,
  dayNumber,
  localDayKey,
  weekStartNumber,
} from '../../lib/model/days';
import type { Session } from '../../lib/model/sessions';
import { callHandler, type Background } from './worker';

const DAY = 86_400_000;

/** Yesterday's rows, so today's suggestion is a workout, and the day's water, so it is not water. */
export async function aWorkoutDay(worker: Background): Promise<void> {
  const yesterday = Date.now() - DAY;
  const row = {
    kind: 'set',
    exercise: 'bentOverRow',
    reps: 12,
    weight: { amount: 20, unit: 'kg' },
  };
  await callHandler(worker, 'logEntries', {
    entries: [
      { ...row, at: yesterday, day: localDayKey(yesterday) },
      { ...row, at: yesterday + 1000, day: localDayKey(yesterday + 1000) },
      { kind: 'water', ml: 5000, at: Date.now() },
    ],
  });
}

/** A finished back day on a day: one set of rows at 18:00. */
function backDayOn(day: string): Session {
  const at = new Date(`${day}T18:00:00`).getTime();
  return {
    id: `backday${day.replace(/-/g, '')}`,
    routine: 'backDay',
    startedAt: at,
    slots: [{ exercise: 'bentOverRow', sets: 3, reps: [12, 12], restSeconds: 90, target: {} }],
    sets: [
      { id: `row${day.replace(/-/g, '')}`, day, at, slot: 0, exercise: 'bentOverRow', reps: 12 },
    ],
    skipped: [],
    pausedMs: 0,
    endedAt: at + 1_800_000,
    end: 'ended',
  };
}

/**
 * A workout day after the back day in each of the last four weeks (on their Wednesdays): the
 * suggestion offers its variation for the same muscles.
 */
export async function aVariationDay(worker: Background): Promise<void> {
  await aWorkoutDay(worker);
  const thisWeek = weekStartNumber(dayNumber(localDayKey(Date.now())));
  const sessions = [4, 3, 2, 1].map((weeks) =>
    backDayOn(addDays(dayKeyFromNumber(thisWeek - 7 * weeks), 2)),
  );
  await callHandler(worker, 'importWorkouts', { sessions, mode: 'add' });
}

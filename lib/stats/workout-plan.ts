/**
 * The weekly plan: whether today is a workout day, and which routine is due. The guide wants
 * one or two rest days a week and a change of workout now and then, so the plan never suggests
 * a session on a rest day (one logged, or one the week still owes), walks the user's rotation
 * of routines, and after four weeks of the same routine offers a variation for the same muscles.
 */
import {
  addDays,
  dayNumber,
  isoWeekday,
  weekStartNumber,
  dayKeyFromNumber,
  type DayKey,
} from '../model/days';
import { allRoutines, findRoutine, type Routine } from '../model/routines';
import type { Session } from '../model/sessions';

/** The guide's one or two rest days a week: the plan keeps at least this many free. */
export const MIN_REST_DAYS_A_WEEK = 1;
/** Weeks in a row of the same routine after which a variation is offered. */
export const WEEKS_BEFORE_VARIATION = 4;

export interface PlanInput {
  today: DayKey;
  /** Days with a workout logged (sets), any week. */
  workoutDays: readonly DayKey[];
  /** Days logged as rest days. */
  restDays: readonly DayKey[];
  /** Finished sessions, any order. */
  sessions: readonly { routine?: string; day: DayKey }[];
  workoutsPerWeek: number;
  ownRoutines: readonly Routine[];
  rotation: readonly string[];
}

/** Finished sessions as the plan counts them: the routine, on the day of the first set. */
export function sessionDays(sessions: readonly Session[]): { routine?: string; day: DayKey }[] {
  return sessions.flatMap((session) => {
    const day = session.sets[0]?.day;
    return day ? [{ ...(session.routine ? { routine: session.routine } : {}), day }] : [];
  });
}

export type PlanToday =
  | { kind: 'rest'; reason: 'restDay' | 'goalMet' | 'restOwed' }
  | { kind: 'done' }
  | { kind: 'routine'; routine: Routine; variationOf?: Routine };

export function planToday(input: PlanInput): PlanToday {
  const { today } = input;
  if (input.restDays.includes(today)) return { kind: 'rest', reason: 'restDay' };
  if (input.workoutDays.includes(today)) return { kind: 'done' };
  const weekStart = dayKeyFromNumber(weekStartNumber(dayNumber(today)));
  const trained = new Set(input.workoutDays.filter((day) => day >= weekStart && day < today));
  if (trained.size >= input.workoutsPerWeek) return { kind: 'rest', reason: 'goalMet' };
  const daysBefore = isoWeekday(today) - 1;
  const restOwed = Math.max(0, MIN_REST_DAYS_A_WEEK - (daysBefore - trained.size));
  const daysLeft = 7 - daysBefore;
  if (daysLeft <= restOwed) return { kind: 'rest', reason: 'restOwed' };
  const due = dueRoutine(input);
  const variation = variationOf(due, input);
  return variation
    ? { kind: 'routine', routine: variation, variationOf: due }
    : { kind: 'routine', routine: due };
}

/** The routine after the last one done in the rotation (the first when none was). */
export function dueRoutine(
  input: Pick<PlanInput, 'sessions' | 'ownRoutines' | 'rotation'>,
): Routine {
  const rotation = input.rotation.flatMap((id) => findRoutine(id, input.ownRoutines) ?? []);
  if (rotation.length === 0) return findRoutine('backDay')!;
  const last = [...input.sessions]
    .filter((session) => rotation.some((routine) => routine.id === session.routine))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
    .at(-1);
  const index = last ? rotation.findIndex((routine) => routine.id === last.routine) : -1;
  return rotation[(index + 1) % rotation.length]!;
}

/**
 * Another routine for the same muscles, when the due one was the only one of its focus done in
 * each of the last four weeks before this one.
 */
export function variationOf(
  due: Routine,
  input: Pick<PlanInput, 'today' | 'sessions' | 'ownRoutines'>,
): Routine | undefined {
  const thisWeek = weekStartNumber(dayNumber(input.today));
  const sameFocus = (id: string | undefined) =>
    id !== undefined && findRoutine(id, input.ownRoutines)?.focus === due.focus;
  for (let week = 1; week <= WEEKS_BEFORE_VARIATION; week++) {
    const start = dayKeyFromNumber(thisWeek - 7 * week);
    const end = addDays(start, 7);
    const done = input.sessions.filter(
      (session) => session.day >= start && session.day < end && sameFocus(session.routine),
    );
    if (done.length === 0 || done.some((session) => session.routine !== due.id)) return undefined;
  }
  return allRoutines(input.ownRoutines).find(
    (routine) => routine.id !== due.id && routine.focus === due.focus,
  );
}

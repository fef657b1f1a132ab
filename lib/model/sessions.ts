/**
 * A workout session: a routine's exercises (slots) with what to aim for, the sets logged in it,
 * where the user is (the next set, derived from the sets, never stored apart from them), the
 * rest under way, pauses and its end. Sets logged in a session are ordinary set entries; the
 * session keeps each one's id and day and its numbers, so its summary needs no entry read.
 *
 * Every function returns a new session: the worker stores what they return.
 */
import type { DayKey } from './days';
import type { Prescription } from './exercises';
import {
  MAX_ROUTINE_EXERCISES,
  ROUTINE_EXERCISE_MAX,
  type OwnRoutine,
  type RoutineExercise,
  type RoutineFocus,
} from './routines';
import { toKg, type Weight } from './units';

/** What a set is: reps (with a weight or not), or a hold in seconds; per-side moves say so. */
export interface SetTarget {
  reps?: number;
  seconds?: number;
  weight?: Weight;
  side?: 'left' | 'right' | 'both';
}

/** One exercise of the session, as its routine prescribed it, with what to aim for. */
export interface SessionSlot extends RoutineExercise {
  /** The first set's numbers: last time's, moved on by the progression rule, or the routine's. */
  target: SetTarget;
  /** The first set of the last time this exercise was done, and its day. */
  last?: SetTarget & { day: DayKey };
}

export interface SessionSet extends SetTarget {
  /** The set entry's id and day (an EntryRef). */
  id: string;
  day: DayKey;
  at: number;
  slot: number;
  exercise: string;
  /** How many personal records (heaviest, estimated one-rep max, ...) the set broke. */
  records?: number;
}

export const SESSION_ENDS = ['ended', 'left'] as const;
export type SessionEnd = (typeof SESSION_ENDS)[number];

export interface Session {
  id: string;
  /** The routine it follows; absent for a session started empty. */
  routine?: string;
  startedAt: number;
  slots: SessionSlot[];
  sets: SessionSet[];
  /** Slots the user skipped. */
  skipped: number[];
  pausedAt?: number;
  /** Time spent paused before the current pause. */
  pausedMs: number;
  /** The rest under way, the set it leads to, and whether its notification was shown. */
  rest?: { endsAt: number; slot: number; set: number; shown?: true };
  endedAt?: number;
  end?: SessionEnd;
}

/** A session nobody touched for this long has been left: it ends by itself with what was logged. */
export const LEFT_AFTER_MS = 3 * 3_600_000;

export function startSession(
  id: string,
  slots: SessionSlot[],
  now: number,
  routine?: string,
): Session {
  return {
    id,
    ...(routine ? { routine } : {}),
    startedAt: now,
    slots,
    sets: [],
    skipped: [],
    pausedMs: 0,
  };
}

export interface NextSet {
  slot: number;
  /** 1-based: set 2 of 3. */
  set: number;
  of: number;
  exercise: string;
  /** What to log, as shown: the slot's last set in this session, else its target. */
  target: SetTarget;
}

export function setsOfSlot(session: Session, slot: number): SessionSet[] {
  return session.sets.filter((set) => set.slot === slot);
}

/** The set to do next: the first slot not skipped with sets left; undefined when all are done. */
export function nextSet(session: Session): NextSet | undefined {
  for (const [index, slot] of session.slots.entries()) {
    if (session.skipped.includes(index)) continue;
    const done = setsOfSlot(session, index);
    if (done.length >= slot.sets) continue;
    const previous = done.at(-1);
    return {
      slot: index,
      set: done.length + 1,
      of: slot.sets,
      exercise: slot.exercise,
      target: previous ? targetOf(previous) : slot.target,
    };
  }
  return undefined;
}

/**
 * Where a set of an exercise the user picked goes when no planned set is left: the last slot
 * when it is that exercise (one more set of it), else a new slot past the last.
 */
export function slotForPicked(session: Session, exercise: string): number {
  const last = session.slots.length - 1;
  return last >= 0 && session.slots[last]!.exercise === exercise && !session.skipped.includes(last)
    ? last
    : session.slots.length;
}

/** What to aim for with an exercise picked in a session: the low end of what it prescribes. */
export function pickedTarget(prescription: Prescription): SetTarget {
  if ('holdSeconds' in prescription) return { seconds: prescription.holdSeconds[0] };
  if ('minutes' in prescription) return { seconds: prescription.minutes[0] * 60 };
  return { reps: 'reps' in prescription ? prescription.reps[0] : 10 };
}

/** A set's numbers alone, as a target to log again. */
export function targetOf(set: SetTarget): SetTarget {
  return {
    ...(set.reps !== undefined ? { reps: set.reps } : {}),
    ...(set.seconds !== undefined ? { seconds: set.seconds } : {}),
    ...(set.weight ? { weight: { ...set.weight } } : {}),
    ...(set.side ? { side: set.side } : {}),
  };
}

/**
 * The session with a set logged in it. A set for a slot past the last adds that exercise (an
 * empty session grows this way); the rest before the next set starts when one is left.
 */
export function recordSet(
  session: Session,
  set: SessionSet,
  restSeconds: number | undefined,
): Session {
  const slots =
    set.slot === session.slots.length
      ? [
          ...session.slots,
          { exercise: set.exercise, sets: 1, restSeconds: 90, target: targetOf(set) },
        ]
      : session.slots.map((slot, index) =>
          // A set beyond the planned ones (one more for good measure) makes the slot one set longer.
          index === set.slot && setsOfSlot(session, index).length >= slot.sets
            ? { ...slot, sets: slot.sets + 1 }
            : slot,
        );
  const { rest: _rest, pausedAt: _paused, ...going } = session;
  const logged: Session = {
    ...going,
    slots,
    sets: [...session.sets, set],
    pausedMs: pausedTotal(session, set.at),
  };
  const next = nextSet(logged);
  const seconds = restSeconds ?? slots[set.slot]!.restSeconds;
  return next && seconds > 0
    ? { ...logged, rest: { endsAt: set.at + seconds * 1000, slot: next.slot, set: next.set } }
    : logged;
}

export function skipSlot(session: Session, slot: number): Session {
  if (slot < 0 || slot >= session.slots.length || session.skipped.includes(slot)) return session;
  const skipped: Session = { ...session, skipped: [...session.skipped, slot] };
  if (session.rest?.slot !== slot) return skipped;
  const next = nextSet(skipped);
  const { rest: _rest, ...withoutRest } = skipped;
  return next
    ? { ...skipped, rest: { ...session.rest, slot: next.slot, set: next.set } }
    : withoutRest;
}

function pausedTotal(session: Session, now: number): number {
  return session.pausedMs + (session.pausedAt !== undefined ? now - session.pausedAt : 0);
}

/** Paused: the rest stops (no notification comes) until the user goes on. */
export function pauseSession(session: Session, now: number): Session {
  if (session.pausedAt !== undefined) return session;
  const { rest: _rest, ...paused } = session;
  return { ...paused, pausedAt: now };
}

export function resumeSession(session: Session, now: number): Session {
  if (session.pausedAt === undefined) return session;
  const { pausedAt: _pausedAt, ...resumed } = session;
  return { ...resumed, pausedMs: pausedTotal(session, now) };
}

/** The last time the user did something in the session. */
export function lastActivity(session: Session): number {
  return Math.max(session.startedAt, session.sets.at(-1)?.at ?? 0, session.pausedAt ?? 0);
}

export function isLeft(session: Session, now: number): boolean {
  return now - lastActivity(session) >= LEFT_AFTER_MS;
}

/**
 * The session ended: by the user now, or, left open for hours, at its last activity with what
 * was logged.
 */
export function endSession(session: Session, now: number): Session {
  const left = isLeft(session, now);
  const endedAt = left ? lastActivity(session) : now;
  const { rest: _rest, pausedAt: _pausedAt, ...ended } = session;
  return {
    ...ended,
    pausedMs: pausedTotal(session, endedAt),
    endedAt,
    end: left ? 'left' : 'ended',
  };
}

// Summary ---------------------------------------------------------------------------------------

export interface SessionFigures {
  sets: number;
  /** Reps times weight over every set with a weight, in kg. */
  volumeKg: number;
  /** From start to end, pauses left out. */
  activeMs: number;
  /** Sets of the session that broke a personal record. */
  records: number;
  exercises: number;
}

export function sessionFigures(session: Session, now = session.endedAt ?? 0): SessionFigures {
  const end = session.endedAt ?? now;
  return {
    sets: session.sets.length,
    volumeKg: Math.round(
      session.sets.reduce(
        (total, set) => total + (set.weight && set.reps ? toKg(set.weight) * set.reps : 0),
        0,
      ),
    ),
    activeMs: Math.max(0, end - session.startedAt - pausedTotal(session, end)),
    records: session.sets.filter((set) => (set.records ?? 0) > 0).length,
    exercises: new Set(session.sets.map((set) => set.slot)).size,
  };
}

/** The figures of a session against the last one of its routine: how much more (or less). */
export function comparedWith(
  figures: SessionFigures,
  last: SessionFigures | undefined,
): Partial<Record<'sets' | 'volumeKg' | 'activeMs', number>> {
  if (!last) return {};
  return {
    sets: figures.sets - last.sets,
    volumeKg: figures.volumeKg - last.volumeKg,
    activeMs: figures.activeMs - last.activeMs,
  };
}

// A routine of a session ------------------------------------------------------------------------

/** The lowest and highest of the numbers logged (zeros and absent ones left out), within 1..max. */
function loggedRange(
  values: readonly (number | undefined)[],
  max: number,
): [number, number] | undefined {
  const logged = values.filter((value): value is number => value !== undefined && value > 0);
  if (logged.length === 0) return undefined;
  const within = (value: number) => Math.min(max, Math.max(1, Math.round(value)));
  return [within(Math.min(...logged)), within(Math.max(...logged))];
}

/**
 * A routine of what a session did: each exercise done, in the order it was first done, with as
 * many sets as were logged of it, the range of reps or of the hold logged (neither: as many as
 * possible) and the rest the session used; within what a routine may hold.
 */
export function routineFromSession(
  session: Session,
  made: { id: string; name: string; focus: RoutineFocus; now: number },
): OwnRoutine {
  const bySlot = new Map<number, SessionSet[]>();
  for (const set of session.sets) bySlot.set(set.slot, [...(bySlot.get(set.slot) ?? []), set]);
  const exercises = [...bySlot]
    .slice(0, MAX_ROUTINE_EXERCISES)
    .map(([slot, sets]): OwnRoutine['exercises'][number] => {
      const holdSeconds = loggedRange(
        sets.map((set) => set.seconds),
        ROUTINE_EXERCISE_MAX.holdSeconds,
      );
      const reps = loggedRange(
        sets.map((set) => set.reps),
        ROUTINE_EXERCISE_MAX.reps,
      );
      const rest = session.slots[slot]?.restSeconds ?? 0;
      return {
        exercise: sets[0]!.exercise,
        sets: Math.min(sets.length, ROUTINE_EXERCISE_MAX.sets),
        ...(holdSeconds ? { holdSeconds } : reps ? { reps } : {}),
        restSeconds: Math.min(Math.max(0, Math.round(rest)), ROUTINE_EXERCISE_MAX.restSeconds),
      };
    });
  return { id: made.id, name: made.name, focus: made.focus, exercises, updatedAt: made.now };
}

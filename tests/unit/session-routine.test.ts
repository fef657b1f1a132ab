import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { findRoutine, routineSchema } from '../../lib/model/routines';
import {
  recordSet,
  routineFromSession,
  slotForPicked,
  startSession,
  type Session,
  type SetTarget,
} from '../../lib/model/sessions';
import { sessionSlots } from '../../lib/stats/session-targets';

const START = new Date(2026, 10, 23, 18).getTime();
const MADE = { id: 'own-fromsession1', name: 'Monday, Nov 23', focus: 'back', now: START } as const;

/** A session with these sets logged in turn, each in the slot a picked exercise goes to. */
function logged(session: Session, sets: readonly (SetTarget & { exercise: string })[]): Session {
  return sets.reduce(
    (going, set, index) =>
      recordSet(
        going,
        {
          id: `entry${String(index).padStart(4, '0')}`,
          day: '2026-11-23',
          at: START + (index + 1) * 120_000,
          slot: slotForPicked(going, set.exercise),
          ...set,
        },
        undefined,
      ),
    session,
  );
}

describe('a routine from a finished session', () => {
  it('takes the exercises in the order done, their sets, the range logged and the rest', () => {
    const session = logged(startSession('s1', [], START), [
      { exercise: 'deadlift', reps: 8, weight: { amount: 80, unit: 'kg' } },
      { exercise: 'deadlift', reps: 10, weight: { amount: 80, unit: 'kg' } },
      { exercise: 'facePull', reps: 15 },
      { exercise: 'facePull', reps: 12 },
      { exercise: 'facePull', reps: 12 },
    ]);
    const routine = routineFromSession(session, MADE);
    expect(routine).toEqual({
      id: MADE.id,
      name: MADE.name,
      focus: 'back',
      updatedAt: START,
      exercises: [
        { exercise: 'deadlift', sets: 2, reps: [8, 10], restSeconds: 90 },
        { exercise: 'facePull', sets: 3, reps: [12, 15], restSeconds: 90 },
      ],
    });
    expect(v.safeParse(routineSchema, routine).success).toBe(true);
  });

  it('keeps holds as holds and as-many-as-possible, with the routine’s rest; leaves out what was not done', () => {
    const backDay = findRoutine('backDay')!;
    const planned = startSession(
      's2',
      sessionSlots(backDay.exercises, [], '2026-11-23', []),
      START,
    );
    const session = logged(planned, [
      { exercise: 'bentOverRow', reps: 12 },
      { exercise: 'deadlift', reps: 0 },
    ]);
    // The deadlift went to its own slot past the plan: the plan's rows come first.
    const routine = routineFromSession(session, MADE);
    expect(routine.exercises).toEqual([
      { exercise: 'bentOverRow', sets: 1, reps: [12, 12], restSeconds: 90 },
      { exercise: 'deadlift', sets: 1, restSeconds: 90 },
    ]);
    const holds = logged(planned, [{ exercise: 'plank', seconds: 45 }]);
    expect(routineFromSession(holds, MADE).exercises).toEqual([
      { exercise: 'plank', sets: 1, holdSeconds: [45, 45], restSeconds: 90 },
    ]);
  });

  it('is always a valid routine, with the exercises in the order of their first set', () => {
    const set = fc.record({
      exercise: fc.constantFrom('deadlift', 'facePull', 'plank', 'pullUp'),
      reps: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
      seconds: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(set, { minLength: 1, maxLength: 60 }), (sets) => {
        const session = logged(startSession('s3', [], START), sets);
        const routine = routineFromSession(session, MADE);
        expect(v.safeParse(routineSchema, routine).success).toBe(true);
        const slots = [...new Set(session.sets.map((done) => done.slot))].slice(0, 12);
        expect(routine.exercises.map((exercise) => exercise.exercise)).toEqual(
          slots.map((slot) => session.slots[slot]!.exercise),
        );
      }),
    );
  });
});

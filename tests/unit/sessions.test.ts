import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { findRoutine } from '../../lib/model/routines';
import {
  endSession,
  LEFT_AFTER_MS,
  nextSet,
  pickedTarget,
  slotForPicked,
  pauseSession,
  recordSet,
  resumeSession,
  sessionFigures,
  comparedWith,
  skipSlot,
  startSession,
  type Session,
  type SessionSet,
} from '../../lib/model/sessions';
import { sessionSchema } from '../../lib/model/session-schema';
import { sessionSlots } from '../../lib/stats/session-targets';
import type { Entry } from '../../lib/model/entries';

const START = new Date(2026, 10, 23, 18).getTime();
const MINUTE = 60_000;
const TODAY = '2026-11-23';

function backDay(entries: Entry[] = []): Session {
  return startSession(
    'sess123',
    sessionSlots(findRoutine('backDay')!.exercises, entries, TODAY, []),
    START,
    'backDay',
  );
}

let counter = 0;
function setFor(session: Session, at: number, slot = nextSet(session)!.slot): SessionSet {
  const target =
    slot < session.slots.length
      ? nextSet(session)?.slot === slot
        ? nextSet(session)!.target
        : session.slots[slot]!.target
      : { reps: 10 };
  return {
    id: `entry${String(++counter).padStart(4, '0')}`,
    day: TODAY,
    at,
    slot,
    exercise: session.slots[slot]?.exercise ?? 'facePull',
    ...target,
  };
}

describe('a session', () => {
  it('starts on the first set of the first exercise, aiming at the routine’s prescription', () => {
    const session = backDay();
    expect(nextSet(session)).toEqual({
      slot: 0,
      set: 1,
      of: 3,
      exercise: 'bentOverRow',
      target: { reps: 12 },
    });
    expect(session.slots[2]!.target).toEqual({ reps: 5 });
    expect(session.slots[4]!.target).toEqual({ seconds: 5 });
    expect(session.slots[5]!.target).toEqual({ reps: 10, side: 'both' });
  });

  it('aims at last time’s numbers moved on by the progression rule, and says what last time was', () => {
    const last = (reps: number, amount: number, at: number): Entry => ({
      kind: 'set',
      id: `old${at}xx`,
      at,
      day: '2026-11-20',
      device: 'devA1',
      exercise: 'bentOverRow',
      reps,
      weight: { amount, unit: 'kg' },
    });
    const top = backDay([last(12, 20, 1), last(12, 20, 2), last(12, 20, 3)]);
    expect(top.slots[0]!.target).toEqual({ reps: 12, weight: { amount: 22.5, unit: 'kg' } });
    expect(top.slots[0]!.last).toEqual({
      reps: 12,
      weight: { amount: 20, unit: 'kg' },
      day: '2026-11-20',
    });
    const short = backDay([last(10, 20, 1), last(9, 20, 2)]);
    expect(short.slots[0]!.target).toEqual({ reps: 10, weight: { amount: 20, unit: 'kg' } });
  });

  it('logging a set moves to the next and starts the rest; the last set of an exercise moves on', () => {
    let session = backDay();
    session = recordSet(
      session,
      { ...setFor(session, START + MINUTE), weight: { amount: 20, unit: 'kg' } },
      undefined,
    );
    expect(nextSet(session)).toMatchObject({
      slot: 0,
      set: 2,
      target: { reps: 12, weight: { amount: 20, unit: 'kg' } },
    });
    expect(session.rest).toEqual({ endsAt: START + MINUTE + 90_000, slot: 0, set: 2 });
    session = recordSet(session, setFor(session, START + 3 * MINUTE), 120);
    expect(session.rest).toEqual({ endsAt: START + 5 * MINUTE, slot: 0, set: 3 });
    session = recordSet(session, setFor(session, START + 5 * MINUTE), undefined);
    expect(nextSet(session)).toMatchObject({ slot: 1, set: 1, exercise: 'latPulldown' });
  });

  it('skipping an exercise moves the rest on to the next one; no rest after the very last set', () => {
    let session = recordSet(backDay(), setFor(backDay(), START + MINUTE), undefined);
    session = skipSlot(session, 0);
    expect(session.rest).toMatchObject({ slot: 1, set: 1 });
    for (const slot of [1, 2, 3, 4]) session = skipSlot(session, slot);
    for (let set = 0; set < 3; set++)
      session = recordSet(session, setFor(session, START + (10 + set) * MINUTE), undefined);
    expect(nextSet(session)).toBeUndefined();
    expect(session.rest).toBeUndefined();
  });

  it('a set beyond the plan makes the exercise one set longer; an empty session grows by exercise', () => {
    let session = startSession('sess124', [], START);
    session = recordSet(session, setFor(session, START + MINUTE, 0), undefined);
    expect(session.slots).toEqual([
      { exercise: 'facePull', sets: 1, restSeconds: 90, target: { reps: 10 } },
    ]);
    session = recordSet(session, setFor(session, START + 2 * MINUTE, 0), undefined);
    expect(session.slots[0]!.sets).toBe(2);
  });

  it('an exercise picked goes on its last slot, else in a new one; it aims at its low end', () => {
    let session = startSession('sess125', [], START);
    expect(slotForPicked(session, 'facePull')).toBe(0);
    session = recordSet(
      session,
      { ...setFor(session, START + MINUTE, 0), exercise: 'facePull' },
      undefined,
    );
    expect(slotForPicked(session, 'facePull')).toBe(0);
    expect(slotForPicked(session, 'deadlift')).toBe(1);
    expect(slotForPicked(skipSlot(session, 0), 'facePull')).toBe(1);
    expect(pickedTarget({ sets: 3, reps: [8, 10] })).toEqual({ reps: 8 });
    expect(pickedTarget({ sets: 3, asManyAsPossible: true })).toEqual({ reps: 10 });
    expect(pickedTarget({ sets: 3, holdSeconds: [20, 40] })).toEqual({ seconds: 20 });
  });

  it('pausing stops the rest and the clock; the figures leave pauses out', () => {
    let session = recordSet(
      backDay(),
      { ...setFor(backDay(), START + MINUTE), weight: { amount: 20, unit: 'kg' } },
      undefined,
    );
    session = pauseSession(session, START + 2 * MINUTE);
    expect(session.rest).toBeUndefined();
    session = resumeSession(session, START + 12 * MINUTE);
    session = recordSet(
      session,
      { ...setFor(session, START + 13 * MINUTE), records: 1 },
      undefined,
    );
    const ended = endSession(session, START + 20 * MINUTE);
    expect(ended).toMatchObject({ end: 'ended', endedAt: START + 20 * MINUTE });
    expect(sessionFigures(ended)).toEqual({
      sets: 2,
      volumeKg: 480,
      activeMs: 10 * MINUTE,
      records: 1,
      exercises: 1,
    });
    expect(
      comparedWith(sessionFigures(ended), {
        sets: 1,
        volumeKg: 240,
        activeMs: 12 * MINUTE,
        records: 0,
        exercises: 1,
      }),
    ).toEqual({
      sets: 1,
      volumeKg: 240,
      activeMs: -2 * MINUTE,
    });
  });

  it('left open for hours, it ends at its last set with what was logged', () => {
    const session = recordSet(backDay(), setFor(backDay(), START + MINUTE), undefined);
    const ended = endSession(session, START + MINUTE + LEFT_AFTER_MS);
    expect(ended).toMatchObject({ end: 'left', endedAt: START + MINUTE });
    expect(ended.sets).toHaveLength(1);
    expect(v.is(sessionSchema, ended)).toBe(true);
  });

  it('property: a session’s sets are exactly the sets logged in it, whatever else happens', () => {
    type Step = { kind: 'log' | 'skip' | 'pause' | 'resume' | 'outside'; slot: number };
    const step = fc.record({
      kind: fc.constantFrom(
        'log',
        'log',
        'log',
        'skip',
        'pause',
        'resume',
        'outside',
      ) as fc.Arbitrary<Step['kind']>,
      slot: fc.integer({ min: 0, max: 6 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let session = backDay();
        const loggedHere: string[] = [];
        steps.forEach(({ kind, slot }, index) => {
          const at = START + (index + 1) * MINUTE;
          if (kind === 'log') {
            const set = setFor(session, at, Math.min(slot, session.slots.length));
            session = recordSet(session, set, undefined);
            loggedHere.push(set.id);
          } else if (kind === 'skip') session = skipSlot(session, slot);
          else if (kind === 'pause') session = pauseSession(session, at);
          else if (kind === 'resume') session = resumeSession(session, at);
          // A set logged outside the session (the quick-set form) is not the session's.
          else counter++;
        });
        const ended = endSession(session, START + 60 * MINUTE);
        expect(ended.sets.map((set) => set.id)).toEqual(loggedHere);
        expect(sessionFigures(ended).sets).toBe(loggedHere.length);
        expect(v.is(sessionSchema, ended)).toBe(true);
        const next = nextSet(ended);
        if (next) expect(ended.skipped).not.toContain(next.slot);
      }),
    );
  });
});

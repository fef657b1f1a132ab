import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, type DayKey } from '../../lib/model/days';
import { copyRoutine, findRoutine } from '../../lib/model/routines';
import { planToday, type PlanInput } from '../../lib/stats/workout-plan';

/** Monday 2026-11-23. */
const MONDAY = '2026-11-23';
const day = (offset: number): DayKey => addDays(MONDAY, offset);

const input = (overrides: Partial<PlanInput>): PlanInput => ({
  today: day(0),
  workoutDays: [],
  restDays: [],
  sessions: [],
  workoutsPerWeek: 3,
  ownRoutines: [],
  rotation: ['backDay'],
  ...overrides,
});

const routineOf = (plan: ReturnType<typeof planToday>) =>
  plan.kind === 'routine' ? plan.routine.id : plan.kind;

describe('the weekly plan', () => {
  it('offers the routine due on a free day', () => {
    expect(routineOf(planToday(input({})))).toBe('backDay');
  });

  it('never suggests a session on a logged rest day, nor twice a day', () => {
    expect(planToday(input({ restDays: [day(0)] }))).toEqual({ kind: 'rest', reason: 'restDay' });
    expect(planToday(input({ workoutDays: [day(0)] }))).toEqual({ kind: 'done' });
  });

  it('rests once the week’s goal is met', () => {
    const plan = planToday(input({ today: day(3), workoutDays: [day(0), day(1), day(2)] }));
    expect(plan).toEqual({ kind: 'rest', reason: 'goalMet' });
  });

  it('keeps a rest day in every week, whatever the goal', () => {
    const sixDays = [0, 1, 2, 3, 4, 5].map(day);
    expect(planToday(input({ today: day(6), workoutDays: sixDays, workoutsPerWeek: 7 }))).toEqual({
      kind: 'rest',
      reason: 'restOwed',
    });
  });

  it('property: over any week of following it, at least one day is free of workouts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), (goal) => {
        const trained: DayKey[] = [];
        for (let offset = 0; offset < 7; offset++) {
          const plan = planToday(
            input({ today: day(offset), workoutDays: trained, workoutsPerWeek: goal }),
          );
          if (plan.kind === 'routine') trained.push(day(offset));
        }
        expect(trained.length).toBe(Math.min(goal, 6));
      }),
    );
  });

  it('walks the rotation after the last routine done', () => {
    const rotation = ['upperBackDay', 'middleBackDay', 'lowerBackDay'];
    const sessions = [
      { routine: 'upperBackDay', day: day(-6) },
      { routine: 'middleBackDay', day: day(-4) },
    ];
    expect(routineOf(planToday(input({ rotation, sessions })))).toBe('lowerBackDay');
    expect(
      routineOf(
        planToday(
          input({ rotation, sessions: [...sessions, { routine: 'lowerBackDay', day: day(-2) }] }),
        ),
      ),
    ).toBe('upperBackDay');
  });

  it('offers a variation of the same muscles after four weeks of the same routine', () => {
    const weeks = (count: number, routine = 'backDay') =>
      Array.from({ length: count }, (_, week) => ({ routine, day: day(-7 * (week + 1) + 2) }));
    const plan = planToday(input({ sessions: weeks(4) }));
    expect(plan).toMatchObject({
      kind: 'routine',
      routine: { id: 'backDayB' },
      variationOf: { id: 'backDay' },
    });
    expect(routineOf(planToday(input({ sessions: weeks(3) })))).toBe('backDay');
    // A week of something else for the same muscles already varied it.
    const varied = [...weeks(4).slice(0, 3), { routine: 'homeBand', day: day(-26) }];
    expect(routineOf(planToday(input({ sessions: varied })))).toBe('backDay');
  });

  it('a variation may be one of the user’s own routines for the same muscles', () => {
    const own = copyRoutine(findRoutine('upperBackDay')!, 'own-upper1', 'Upper B', 1);
    const sessions = Array.from({ length: 4 }, (_, week) => ({
      routine: 'upperBackDay',
      day: day(-7 * (week + 1)),
    }));
    const plan = planToday(input({ rotation: ['upperBackDay'], sessions, ownRoutines: [own] }));
    expect(plan).toMatchObject({
      routine: { id: 'own-upper1' },
      variationOf: { id: 'upperBackDay' },
    });
  });
});

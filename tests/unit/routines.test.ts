import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { builtInExercise } from '../../lib/model/catalogue';
import {
  addedExercise,
  copyRoutine,
  DEFAULT_OWN_ROUTINES,
  findRoutine,
  moveExercise,
  ownRoutinesSchema,
  READY_ROUTINES,
  routineMinutes,
  routineSetCount,
  toggledInRotation,
  withoutRoutine,
  type OwnRoutines,
} from '../../lib/model/routines';
import { messageKeys } from './messages';

describe('the ready routines', () => {
  it('are the guide’s: a back day of its six main moves, split days, home days, desk clothes', () => {
    expect(READY_ROUTINES.map((routine) => routine.id)).toEqual([
      'backDay',
      'backDayB',
      'upperBackDay',
      'middleBackDay',
      'lowerBackDay',
      'homeBand',
      'homeKettlebell',
      'homeBodyweight',
      'deskClothes',
    ]);
    expect(findRoutine('backDay')!.exercises).toEqual([
      { exercise: 'bentOverRow', sets: 3, reps: [12, 12], restSeconds: 90 },
      { exercise: 'latPulldown', sets: 3, reps: [10, 12], restSeconds: 90 },
      { exercise: 'pullUp', sets: 3, restSeconds: 90 },
      { exercise: 'deadlift', sets: 3, reps: [8, 10], restSeconds: 150 },
      { exercise: 'supermanHold', sets: 3, holdSeconds: [5, 10], restSeconds: 45 },
      { exercise: 'plankRow', sets: 3, reps: [10, 10], restSeconds: 60 },
    ]);
  });

  it('name exercises that exist, measured as the catalogue measures them, and have a name', async () => {
    const keys = await messageKeys();
    for (const routine of READY_ROUTINES) {
      expect(keys.has(`routine.name.${routine.id}`), routine.id).toBe(true);
      for (const planned of routine.exercises) {
        const exercise = builtInExercise(planned.exercise);
        expect(exercise, planned.exercise).toBeDefined();
        expect(planned.holdSeconds !== undefined, planned.exercise).toBe(
          exercise!.measure === 'hold',
        );
      }
    }
  });

  it('the desk-clothes routine asks for no floor, band or weights', () => {
    for (const planned of findRoutine('deskClothes')!.exercises)
      expect(builtInExercise(planned.exercise)!.breakMove).toBe('desk');
  });

  it('say how long they take and how many sets they have', () => {
    const backDay = findRoutine('backDay')!;
    expect(routineSetCount(backDay)).toBe(18);
    expect(routineMinutes(backDay)).toBe(35);
    expect(routineMinutes(findRoutine('deskClothes')!)).toBe(10);
  });
});

describe('the user’s routines', () => {
  const copy = copyRoutine(findRoutine('backDay')!, 'own-abcd1', 'My back day', 1_000);

  it('a copy is the routine under its own id and name, to change without changing the ready one', () => {
    expect(copy).toMatchObject({ id: 'own-abcd1', name: 'My back day', focus: 'back' });
    (copy.exercises[0] as { sets: number }).sets = 5;
    expect(findRoutine('backDay')!.exercises[0]!.sets).toBe(3);
    expect(findRoutine('own-abcd1', [copy])).toBe(copy);
  });

  it('reorders exercises, and leaves a move out of range as it was', () => {
    const moved = moveExercise(copy, 0, 2);
    expect(moved.exercises.map((e) => e.exercise).slice(0, 3)).toEqual([
      'latPulldown',
      'pullUp',
      'bentOverRow',
    ]);
    expect(moveExercise(copy, 0, 9)).toBe(copy);
  });

  it('are validated as they sync: within the item quota, rep ranges in order, names that show', () => {
    const valid: OwnRoutines = {
      routines: [copy as never],
      rotation: ['own-abcd1', 'backDay'],
      updatedAt: 1,
    };
    expect(v.is(ownRoutinesSchema, valid)).toBe(true);
    expect(v.is(ownRoutinesSchema, DEFAULT_OWN_ROUTINES)).toBe(true);
    const problem = (value: unknown) => v.safeParse(ownRoutinesSchema, value).issues?.[0]?.message;
    const withExercise = (exercise: object) => ({
      ...valid,
      routines: [{ ...copy, exercises: [{ ...copy.exercises[0], ...exercise }] }],
    });
    expect(problem(withExercise({ reps: [12, 8] }))).toBe('routine.invalid.reps');
    expect(problem(withExercise({ sets: 0 }))).toBe('routine.invalid.sets');
    expect(problem(withExercise({ restSeconds: 601 }))).toBe('routine.invalid.rest');
    expect(problem({ ...valid, routines: [{ ...copy, name: '\u200b ' }] })).toBe(
      'routine.invalid.name',
    );
    const many = Array.from({ length: 12 }, (_, index) => ({
      ...copy,
      id: `own-${String(index).padStart(4, 'a')}`,
      name: 'x'.repeat(40),
      exercises: Array.from({ length: 12 }, () => copy.exercises[0]),
    }));
    expect(problem({ ...valid, routines: many })).toBe('routine.invalid.tooLarge');
  });
});

describe('editing the user’s routines in the options', () => {
  const copy = copyRoutine(findRoutine('backDay')!, 'own-abcd1', 'My back day', 1_000);
  const own = { routines: [copy], rotation: ['own-abcd1', 'backDay'], updatedAt: 1 };

  it('an added exercise is timed when it is held, counted otherwise, and valid either way', () => {
    expect(addedExercise('plank', true)).toMatchObject({ holdSeconds: [20, 30] });
    expect(addedExercise('plank', true).reps).toBeUndefined();
    expect(addedExercise('bentOverRow', false)).toMatchObject({ sets: 3, reps: [8, 12] });
    const added = { ...copy, exercises: [...copy.exercises, addedExercise('plank', true)] };
    expect(v.is(ownRoutinesSchema, { ...own, routines: [added] } as OwnRoutines)).toBe(true);
  });

  it('deleting a routine takes it out of the rotation, which is never left empty', () => {
    expect(withoutRoutine(own, 'own-abcd1')).toMatchObject({ routines: [], rotation: ['backDay'] });
    const alone = { ...own, rotation: ['own-abcd1'] };
    expect(withoutRoutine(alone, 'own-abcd1').rotation).toEqual(['backDay']);
  });

  it('a routine ticked joins the end of the rotation, and leaves it when unticked', () => {
    expect(toggledInRotation(['backDay'], 'homeBand')).toEqual(['backDay', 'homeBand']);
    expect(toggledInRotation(['backDay', 'homeBand'], 'backDay')).toEqual(['homeBand']);
  });
});

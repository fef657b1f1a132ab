import { describe, expect, it } from 'vitest';
import { builtInExercise } from '../../lib/model/catalogue';
import {
  addToRecords,
  estimatedOneRepMax,
  lastSession,
  recordsBroken,
  recordsOf,
  setOneRepMax,
  suggestProgression,
} from '../../lib/stats/strength';
import { set } from './builders';

const kg = (amount: number) => ({ amount, unit: 'kg' as const });

describe('estimated one-rep max', () => {
  it('uses Brzycki up to 10 reps and Epley above', () => {
    expect(estimatedOneRepMax(100, 1)).toBe(100);
    expect(estimatedOneRepMax(100, 5)).toBeCloseTo((100 * 36) / 32, 10);
    expect(estimatedOneRepMax(100, 10)).toBeCloseTo((100 * 36) / 27, 10);
    expect(estimatedOneRepMax(100, 12)).toBeCloseTo(100 * (1 + 12 / 30), 10);
    expect(estimatedOneRepMax(100, 0)).toBeUndefined();
    expect(estimatedOneRepMax(0, 5)).toBeUndefined();
  });

  it('reads a set in pounds in kilograms', () => {
    expect(setOneRepMax(set({ reps: 1, weight: { amount: 100, unit: 'lb' } }))).toBeCloseTo(
      45.359237,
      6,
    );
    expect(setOneRepMax(set({ reps: undefined, seconds: 30, weight: undefined }))).toBeUndefined();
  });
});

describe('records', () => {
  it('announces a heavier weight, a better estimate, and more reps at a known weight', () => {
    const records = recordsOf([
      set({ reps: 10, weight: kg(40) }),
      set({ reps: 8, weight: kg(45) }),
    ]);
    expect(recordsBroken(records, set({ reps: 5, weight: kg(50) }))).toEqual([
      'heaviest',
      'oneRepMax',
    ]);
    expect(recordsBroken(records, set({ reps: 12, weight: kg(40) }))).toEqual([
      'oneRepMax',
      'repsAtWeight',
    ]);
    expect(recordsBroken(records, set({ reps: 9, weight: kg(45) }))).toEqual([
      'oneRepMax',
      'repsAtWeight',
    ]);
    expect(recordsBroken(records, set({ reps: 10, weight: kg(40) }))).toEqual([]);
    expect(recordsBroken(records, set({ reps: 3, weight: kg(42.5) }))).toEqual([]);
  });

  it('treats the same weight in another unit as the same weight', () => {
    const records = recordsOf([set({ reps: 5, weight: { amount: 135, unit: 'lb' } })]);
    expect(records.heaviestKg).toBe(61.23);
    expect(recordsBroken(records, set({ reps: 6, weight: kg(61.23) }))).toContain('repsAtWeight');
  });

  it('counts longest holds and most bodyweight reps; warm-ups never count', () => {
    const holds = recordsOf([set({ reps: undefined, weight: undefined, seconds: 40 })]);
    expect(recordsBroken(holds, set({ reps: undefined, weight: undefined, seconds: 45 }))).toEqual([
      'longestHold',
    ]);
    expect(recordsBroken(holds, set({ reps: undefined, weight: undefined, seconds: 40 }))).toEqual(
      [],
    );
    const pullUps = recordsOf([set({ exercise: 'pullUp', reps: 8, weight: undefined })]);
    expect(recordsBroken(pullUps, set({ exercise: 'pullUp', reps: 9, weight: kg(0) }))).toEqual([
      'mostReps',
    ]);
    const records = recordsOf([]);
    expect(addToRecords(records, set({ reps: 20, weight: kg(100), warmup: true }))).toEqual([]);
    expect(records.heaviestKg).toBeUndefined();
  });

  it('is the same whatever order the sets come in', () => {
    const sets = [
      set({ reps: 10, weight: kg(40) }),
      set({ reps: 3, weight: kg(60) }),
      set({ reps: 12, weight: kg(30) }),
    ];
    expect(recordsOf(sets)).toEqual(recordsOf([...sets].reverse()));
  });
});

describe('last session and progression', () => {
  const history = [
    set({ day: '2026-11-17', at: 1, reps: 12, weight: kg(20) }),
    set({ day: '2026-11-20', at: 3, reps: 12, weight: kg(22.5) }),
    set({ day: '2026-11-20', at: 2, reps: 12, weight: kg(22.5) }),
    set({ day: '2026-11-20', at: 4, exercise: 'deadlift', reps: 8, weight: kg(80) }),
    set({ day: '2026-11-24', at: 5, reps: 10, weight: kg(25) }),
  ];

  it('finds the most recent earlier day’s sets, in the order they were done', () => {
    expect(lastSession(history, 'bentOverRow', '2026-11-24').map((s) => s.at)).toEqual([2, 3]);
    expect(lastSession(history, 'latPulldown', '2026-11-24')).toEqual([]);
  });

  it('adds the smallest plate once every set reaches the top of the range', () => {
    const row = builtInExercise('bentOverRow')!; // 3 x 10-12
    expect(suggestProgression(row, lastSession(history, 'bentOverRow', '2026-11-24'))).toEqual({
      kind: 'addWeight',
      weight: kg(25),
      reps: 10,
    });
    const pounds = [set({ reps: 12, weight: { amount: 45, unit: 'lb' } })];
    expect(suggestProgression(row, pounds)).toMatchObject({ weight: { amount: 50, unit: 'lb' } });
  });

  it('otherwise aims for one more rep than the weakest set', () => {
    const row = builtInExercise('bentOverRow')!;
    const session = [set({ reps: 12, weight: kg(30) }), set({ reps: 9, weight: kg(30) })];
    expect(suggestProgression(row, session)).toEqual({ kind: 'addRep', weight: kg(30), reps: 10 });
    const pullUps = [set({ exercise: 'pullUp', reps: 6, weight: undefined })];
    expect(suggestProgression(builtInExercise('pullUp')!, pullUps)).toEqual({
      kind: 'addRep',
      reps: 7,
    });
  });

  it('holds longer once every hold reaches the top of its range', () => {
    const plank = builtInExercise('plank')!; // 30-60 s
    const hold = (seconds: number) =>
      set({ exercise: 'plank', reps: undefined, weight: undefined, seconds });
    expect(suggestProgression(plank, [hold(60), hold(65)])).toEqual({
      kind: 'holdLonger',
      seconds: 65,
    });
    expect(suggestProgression(plank, [hold(45), hold(60)])).toEqual({
      kind: 'holdLonger',
      seconds: 60,
    });
  });

  it('suggests repeating when there was no working set', () => {
    expect(suggestProgression(builtInExercise('deadlift')!, [set({ warmup: true })])).toEqual({
      kind: 'repeat',
    });
  });
});

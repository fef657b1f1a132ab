import { describe, expect, it } from 'vitest';
import { builtInExercise } from '../../lib/model/catalogue';
import {
  exerciseById,
  exercisesByRegion,
  lastSetToday,
  prefill,
  recentExercises,
  suggestionAfter,
} from '../../lib/stats/quickset';
import { cardio, set, water } from './builders';

const custom = [
  {
    id: 'custom-towel1',
    name: 'Towel row',
    region: 'middle' as const,
    measure: 'reps' as const,
    updatedAt: 1,
  },
];

describe('the quick-set form', () => {
  it('offers recently used exercises first, then every exercise by region, custom ones included', () => {
    const entries = [
      set({ exercise: 'deadlift', at: 1 }),
      set({ exercise: 'plank', at: 2 }),
      cardio({ at: 3 }),
      water({ at: 4 }),
      set({ exercise: 'deadlift', at: 5 }),
    ];
    expect(recentExercises(entries)).toEqual(['deadlift', 'rowingMachine', 'plank']);
    const middle = exercisesByRegion(custom).find((group) => group.region === 'middle')!;
    expect(middle.exercises.map((exercise) => exercise.id)).toContain('custom-towel1');
    expect(
      exercisesByRegion([{ ...custom[0]!, archived: true }])
        .flatMap((group) => group.exercises)
        .some((e) => e.id === 'custom-towel1'),
    ).toBe(false);
    expect(exerciseById('custom-towel1', custom)?.measure).toBe('reps');
  });

  it('prefills today’s last set, else the last session, else the prescription', () => {
    const row = builtInExercise('bentOverRow')!;
    const earlier = set({ day: '2026-11-20', reps: 10, weight: { amount: 40, unit: 'lb' } });
    expect(prefill([earlier], row, '2026-11-24', 'kg')).toEqual({
      unit: 'lb',
      reps: 10,
      weight: 40,
    });
    const today = set({ day: '2026-11-24', reps: 8, weight: { amount: 22.5, unit: 'kg' } });
    expect(prefill([earlier, today], row, '2026-11-24', 'kg')).toEqual({
      unit: 'kg',
      reps: 8,
      weight: 22.5,
    });
    expect(prefill([], row, '2026-11-24', 'kg')).toEqual({ unit: 'kg', reps: 12 });
    expect(prefill([], builtInExercise('plank')!, '2026-11-24', 'kg')).toEqual({
      unit: 'kg',
      seconds: 30,
    });
    expect(prefill([], builtInExercise('birdDog')!, '2026-11-24', 'kg')).toEqual({
      unit: 'kg',
      reps: 10,
      side: 'both',
    });
    expect(
      prefill(
        [cardio({ day: '2026-11-20', seconds: 900, distanceM: 2500 })],
        builtInExercise('rowingMachine')!,
        '2026-11-24',
        'kg',
      ),
    ).toEqual({ unit: 'kg', minutes: 15, distanceKm: 2.5 });
  });

  it('repeats the last set of today and suggests what comes next', () => {
    const entries = [
      set({ day: '2026-11-24', at: 1, reps: 12, weight: { amount: 20, unit: 'kg' } }),
      set({ day: '2026-11-23', at: 2 }),
    ];
    expect(lastSetToday(entries, '2026-11-24')?.at).toBe(1);
    expect(suggestionAfter(entries, builtInExercise('bentOverRow')!, '2026-11-24')).toEqual({
      kind: 'addWeight',
      weight: { amount: 22.5, unit: 'kg' },
      reps: 10,
    });
  });
});

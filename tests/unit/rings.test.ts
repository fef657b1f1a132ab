import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, effectiveGoals } from '../../lib/model/settings';
import { habitRings, type RingsState } from '../../lib/stats/rings';
import type { HabitReport } from '../../lib/stats/streaks';
import { emptyDayTotals, type DayTotals } from '../../lib/stats/summary';
import { keyTranslate } from './worker-deps';

const goals = { ...effectiveGoals(DEFAULT_SETTINGS), waterMl: 2000 };
const report = (habit: HabitReport['habit'], current = 0): HabitReport => ({
  habit,
  unit: habit === 'workout' ? 'weeks' : 'days',
  current,
  best: current,
  today: 'open',
  strength: 0,
});
const everyHabit = (['water', 'posture', 'movement', 'breathing', 'workout'] as const).map(
  (habit) => report(habit, 2),
);
const state = (totals: Partial<DayTotals>, overrides: Partial<RingsState> = {}): RingsState => ({
  totals: { ...emptyDayTotals(), ...totals },
  goals,
  reports: everyHabit,
  units: 'metric',
  ...overrides,
});

describe('the habit rings', () => {
  it('show every reported habit in the reports’ order, with its streak', () => {
    const rings = habitRings(state({}), keyTranslate);
    expect(rings.map((ring) => ring.habit)).toEqual([
      'water',
      'posture',
      'movement',
      'breathing',
      'workout',
    ]);
    expect(rings.map((ring) => ring.streak)).toEqual([
      { unit: 'days', current: 2 },
      { unit: 'days', current: 2 },
      { unit: 'days', current: 2 },
      { unit: 'days', current: 2 },
      { unit: 'weeks', current: 2 },
    ]);
    const withoutWorkout = state({}, { reports: everyHabit.slice(0, 4) });
    expect(habitRings(withoutWorkout, keyTranslate).map((ring) => ring.habit)).not.toContain(
      'workout',
    );
  });

  it('show water in litres or ounces against the goal', () => {
    const [metric] = habitRings(state({ waterMl: 1250 }), keyTranslate);
    expect(metric).toMatchObject({
      share: 0.625,
      centre: 'unit.litresShort(1.3)',
      progress: 'today.water(unit.ml(1,250),unit.ml(2,000))',
      counted: false,
    });
    const [imperial] = habitRings(state({ waterMl: 1250 }, { units: 'imperial' }), keyTranslate);
    expect(imperial!.centre).toBe('unit.flOzShort(42)');
    const [over] = habitRings(state({ waterMl: 2600 }), keyTranslate);
    expect(over!.share).toBe(1);
  });

  it('count prompts done against their goal', () => {
    const rings = habitRings(state({ posture: 2, movement: 0, breathing: 3 }), keyTranslate);
    expect(rings.slice(1, 4)).toMatchObject([
      { habit: 'posture', share: 0.5, centre: '2/4', progress: 'today.count(2,4)', counted: true },
      { habit: 'movement', share: 0, centre: '0/3', progress: 'today.count(0,3)', counted: true },
      { habit: 'breathing', share: 1, centre: '3/1', counted: true },
    ]);
    const off = state({}, { goals: { ...goals, breathingSessions: 0 } });
    expect(habitRings(off, keyTranslate)[3]).toMatchObject({ share: 1, centre: '0/0' });
  });

  it('tick a workout day, and a rest day with a dash', () => {
    const workout = (totals: Partial<DayTotals>) => habitRings(state(totals), keyTranslate)[4];
    expect(workout({})).toMatchObject({ share: 0, centre: '0', progress: 'today.workoutNotYet' });
    expect(workout({ workout: true })).toMatchObject({
      share: 1,
      centre: '✓',
      progress: 'today.workoutDone',
    });
    expect(workout({ rest: 'rest' })).toMatchObject({
      share: 1,
      centre: '–',
      progress: 'today.restDay',
    });
  });
});

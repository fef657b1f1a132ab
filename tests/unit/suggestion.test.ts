import { describe, expect, it } from 'vitest';
import { HABIT_KINDS, judgedField } from '../../lib/model/habits';
import { DEFAULT_SETTINGS, effectiveGoals } from '../../lib/model/settings';
import type { HabitReport } from '../../lib/stats/streaks';
import { emptyDayTotals, type DayTotals } from '../../lib/stats/summary';
import {
  lastCustomWater,
  lastLoggedSet,
  lastSession,
  recordGain,
  suggestNow,
  type NowState,
} from '../../lib/stats/suggestion';
import { cardio, set, water } from './builders';

const today = '2026-11-25'; // a Wednesday, with active hours 09:00-18:00 by default
const at = (hour: number, minute = 0) => new Date(2026, 10, 25, hour, minute).getTime();

function report(habit: HabitReport['habit'], current: number, status = 'open'): HabitReport {
  return {
    habit,
    unit: HABIT_KINDS.find((kind) => kind.id === habit)!.judge.unit,
    current,
    best: current,
    today: status as HabitReport['today'],
    strength: 0.5,
  };
}

function state(
  overrides: Partial<Omit<NowState, 'totals'>> & { totals?: Partial<DayTotals> } = {},
): NowState {
  const { totals, ...rest } = overrides;
  return {
    now: at(9, 0),
    today,
    settings: DEFAULT_SETTINGS,
    goals: effectiveGoals(DEFAULT_SETTINGS),
    reports: HABIT_KINDS.map((kind) => report(kind.id, 0)),
    entries: [],
    ...rest,
    totals: { ...emptyDayTotals(), ...totals },
  };
}

describe("the popup's suggestion", () => {
  it('names the water behind an even pace over the active hours, and a cup that fits it', () => {
    // 13:30 is half of 09:00-18:00: 1,000 ml of 2,000 expected, 500 drunk.
    expect(suggestNow(state({ now: at(13, 30), totals: { waterMl: 500 } }))).toEqual({
      kind: 'water',
      behindMl: 500,
      cupMl: 500,
    });
    expect(suggestNow(state({ now: at(10, 0), totals: { waterMl: 0 } }))).toEqual({
      kind: 'water',
      behindMl: 200,
      cupMl: 250,
    });
    // On pace (or within 100 ml of it): nothing about water.
    expect(suggestNow(state({ now: at(13, 30), totals: { waterMl: 950 } }))).toBeUndefined();
  });

  it('says nothing about pace on a day without active hours, or before they start', () => {
    const saturday = { today: '2026-11-28', now: new Date(2026, 10, 28, 15).getTime() };
    expect(suggestNow(state(saturday))).toBeUndefined();
    expect(suggestNow(state({ now: at(8, 0) }))).toBeUndefined();
  });

  it('puts a streak one action from safe first', () => {
    const reports = [report('posture', 3), report('breathing', 5)];
    expect(
      suggestNow(state({ now: at(13, 30), reports, totals: { posture: 3, breathing: 0 } })),
    ).toEqual({ kind: 'keepStreak', habit: 'posture', streak: 3 });
    // Two checks to go, or no streak to keep: no streak suggestion.
    expect(suggestNow(state({ reports, totals: { posture: 2, breathing: 1 } }))).toBeUndefined();
    expect(
      suggestNow(state({ reports: [report('posture', 0)], totals: { posture: 3 } })),
    ).toBeUndefined();
  });

  it("repeats the last session's first exercise on a free day of an unfinished week", () => {
    const entries = [
      set({ day: '2026-11-20', exercise: 'bentOverRow', reps: 12 }),
      set({ day: '2026-11-23', exercise: 'deadlift', reps: 8, weight: { amount: 80, unit: 'kg' } }),
      set({ day: '2026-11-23', exercise: 'deadlift', reps: 8, weight: { amount: 80, unit: 'kg' } }),
      set({ day: '2026-11-23', exercise: 'deadlift', reps: 7, weight: { amount: 80, unit: 'kg' } }),
      set({ day: '2026-11-23', exercise: 'facePull', reps: 15 }),
    ];
    expect(suggestNow(state({ entries }))).toEqual({
      kind: 'workout',
      exercise: 'deadlift',
      sets: 3,
      reps: 8,
      weight: { amount: 80, unit: 'kg' },
    });
    // Not once the week is met, nor on a rest day, nor after today's workout.
    const met = [report('workout', 2, 'met')];
    expect(suggestNow(state({ entries, reports: met }))).toBeUndefined();
    expect(suggestNow(state({ entries, totals: { rest: 'rest' } }))).toBeUndefined();
    expect(suggestNow(state({ entries, totals: { workout: true } }))).toBeUndefined();
  });

  it('says all done once every daily goal is met, and nothing during time off', () => {
    const goals = effectiveGoals(DEFAULT_SETTINGS);
    const done = Object.fromEntries(
      HABIT_KINDS.filter((kind) => kind.judge.unit === 'days').map((kind) => [
        judgedField(kind),
        goals[kind.goal],
      ]),
    );
    expect(suggestNow(state({ now: at(17), totals: done }))).toEqual({ kind: 'allDone' });
    expect(suggestNow(state({ now: at(17), totals: { rest: 'vacation' } }))).toBeUndefined();
  });
});

describe('what the popup offers in one click', () => {
  it('the last session is the last earlier day with sets, whatever was logged today', () => {
    const earlier = set({ day: '2026-11-23' });
    const entries = [set({ day: '2026-11-20' }), earlier, set({ day: today }), water()];
    expect(lastSession(entries, today)).toEqual([earlier]);
    expect(lastSession([], today)).toEqual([]);
  });

  it('repeat offers the last set or cardio logged, on any day', () => {
    const ride = cardio({ day: '2026-11-24' });
    expect(lastLoggedSet([set({ day: '2026-11-23' }), ride, water()])).toBe(ride);
    expect(lastLoggedSet([water()])).toBeUndefined();
  });

  it('remembers the last amount of water that was not one of the cups', () => {
    const entries = [
      water({ ml: 330 }),
      water({ ml: 250 }),
      water({ ml: 400 }),
      water({ ml: 500 }),
    ];
    expect(lastCustomWater(entries, [250, 500])).toBe(400);
    expect(lastCustomWater([water({ ml: 250 })], [250, 500])).toBeUndefined();
  });
});

describe('the record banner', () => {
  const deadlift = set({ exercise: 'deadlift', reps: 5, weight: { amount: 120, unit: 'kg' } });

  it("says by how much the heaviest weight went up, in the set's unit", () => {
    const before = { heaviestKg: 115, repsAtWeight: [] };
    expect(recordGain(before, deadlift, ['heaviest'])).toEqual({
      kind: 'weight',
      weight: { amount: 5, unit: 'kg' },
    });
    const pounds = set({ reps: 5, weight: { amount: 225, unit: 'lb' } });
    expect(recordGain({ heaviestKg: 100, repsAtWeight: [] }, pounds, ['heaviest'])).toEqual({
      kind: 'weight',
      weight: { amount: 4.5, unit: 'lb' },
    });
  });

  it('counts reps and seconds, and gives nothing for a first record', () => {
    const hold = set({ exercise: 'plank', reps: undefined, weight: undefined, seconds: 60 });
    expect(recordGain({ longestHoldSeconds: 45, repsAtWeight: [] }, hold, ['longestHold'])).toEqual(
      { kind: 'seconds', seconds: 15 },
    );
    expect(recordGain({ mostReps: 12, repsAtWeight: [] }, set({ reps: 14 }), ['mostReps'])).toEqual(
      { kind: 'reps', reps: 2 },
    );
    expect(recordGain(undefined, deadlift, ['heaviest'])).toBeUndefined();
    expect(
      recordGain({ heaviestKg: 130, repsAtWeight: [] }, deadlift, ['oneRepMax']),
    ).toBeUndefined();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  digestEntries,
  mergeDigests,
  mostSetsFirst,
  averageWater,
  nudgeWeeks,
  strengthSeries,
  waterProgress,
  weeklyBest,
  waterSeries,
  weightedExercises,
} from '../../lib/stats/progress';
import { addDays } from '../../lib/model/days';
import { DEFAULT_SETTINGS, effectiveGoals } from '../../lib/model/settings';
import { recentDays } from '../../lib/stats/streaks';
import { emptyDayTotals } from '../../lib/stats/summary';
import { prompt, set } from './builders';
import { entryArbitrary } from './arbitraries';

describe('progress', () => {
  it('keeps the top set and best estimated 1RM of each day', () => {
    const entries = [
      set({ day: '2026-11-20', reps: 10, weight: { amount: 40, unit: 'kg' } }),
      set({ day: '2026-11-20', reps: 5, weight: { amount: 50, unit: 'kg' } }),
      set({ day: '2026-11-20', reps: 1, weight: { amount: 70, unit: 'kg' }, warmup: true }),
      set({ day: '2026-11-18', reps: 8, weight: { amount: 100, unit: 'lb' } }),
      set({ day: '2026-11-19', exercise: 'deadlift', reps: 5, weight: { amount: 90, unit: 'kg' } }),
    ];
    expect(strengthSeries(entries, 'bentOverRow')).toEqual([
      { day: '2026-11-18', topSetKg: 45.36, oneRepMaxKg: 56.3 },
      { day: '2026-11-20', topSetKg: 50, oneRepMaxKg: 56.3 },
    ]);
    expect(weightedExercises(entries)).toEqual(['bentOverRow', 'deadlift']);
  });

  it('lays out water against the goal with averages that leave out an unfinished today', () => {
    const totals = new Map([
      ['2026-11-22', { ...emptyDayTotals(), waterMl: 1000 }],
      ['2026-11-23', { ...emptyDayTotals(), waterMl: 3000, waterGoalMl: 2500 }],
      ['2026-11-24', { ...emptyDayTotals(), waterMl: 250 }],
    ]);
    const series = waterSeries(totals, 2000, '2026-11-24', 3);
    expect(series).toEqual([
      { day: '2026-11-22', ml: 1000, goalMl: 2000 },
      { day: '2026-11-23', ml: 3000, goalMl: 2500 },
      { day: '2026-11-24', ml: 250, goalMl: 2000 },
    ]);
    expect(averageWater(series, 7)).toBe(2000);
    expect(averageWater(waterSeries(new Map(), 2000, '2026-11-24', 1), 7)).toBe(0);
  });

  it('draws years of strength as the best of each week, and a year or less day by day', () => {
    const days = Array.from({ length: 3 * 365 }, (_, index) => ({
      day: addDays('2024-01-01', index),
      topSetKg: 40 + (index % 7),
      oneRepMaxKg: 50 + (index % 7),
    }));
    const weekly = weeklyBest(days);
    expect(weekly.length).toBeLessThanOrEqual(158);
    expect(weekly[0]).toEqual({ day: '2024-01-01', topSetKg: 46, oneRepMaxKg: 56 });
    expect(weeklyBest(days.slice(0, 300))).toEqual(days.slice(0, 300));
  });

  it('averages 30 days of water over 30 days, not 29', () => {
    const today = '2026-11-24';
    // 30 finished days: the oldest 31 litres, every other 1 litre; today 5 litres so far.
    const totals = new Map(
      Array.from({ length: 31 }, (_, index) => [
        addDays(today, index - 30),
        { ...emptyDayTotals(), waterMl: index === 0 ? 31_000 : index === 30 ? 5000 : 1000 },
      ]),
    );
    const water = waterProgress(totals, 2000, today);
    expect(water.month).toBe(2000);
    expect(water.week).toBe(1000);
    expect(water.days).toHaveLength(30);
    expect(water.days.at(-1)).toEqual({ day: today, ml: 5000, goalMl: 2000 });
  });

  it('averages water over the days since history began, when that is less than the window', () => {
    const today = '2026-11-24';
    const totals = new Map(
      Array.from({ length: 10 }, (_, index) => [
        addDays(today, index - 10),
        { ...emptyDayTotals(), waterMl: 2000 },
      ]),
    );
    expect(waterProgress(totals, 2000, today)).toMatchObject({ week: 2000, month: 2000 });
    expect(waterProgress(new Map(), 2000, today)).toMatchObject({ week: 0, month: 0 });
  });

  it('shows workout days, rest days and missed days, nothing before history', () => {
    const totals = new Map([
      ['2026-11-21', { ...emptyDayTotals(), workout: true }],
      ['2026-11-22', { ...emptyDayTotals(), rest: 'rest' as const }],
    ]);
    const rules = { goals: effectiveGoals(DEFAULT_SETTINGS), nudgeFreeWeekdays: [] };
    expect(recentDays('workout', totals, rules, '2026-11-24', 5)).toEqual([
      undefined,
      'met',
      'skipped',
      'missed',
      'open',
    ]);
  });

  it('counts nudge outcomes per week and kind; a snooze is not a prompt of its own', () => {
    const weeks = nudgeWeeks([
      prompt({ day: '2026-11-23', prompt: 'posture', outcome: 'snoozed' }),
      prompt({ day: '2026-11-23', prompt: 'posture', outcome: 'done' }),
      prompt({ day: '2026-11-24', prompt: 'movement', outcome: 'skipped' }),
      prompt({ day: '2026-11-16', prompt: 'water', outcome: 'expired', answeredAt: undefined }),
    ]);
    expect(weeks.map((week) => week.week)).toEqual(['2026-11-23', '2026-11-16']);
    expect(weeks[0]!.kinds.posture).toMatchObject({ prompted: 1, done: 1, snoozed: 1 });
    expect(weeks[0]!.kinds.movement).toMatchObject({ prompted: 1, skipped: 1 });
    expect(weeks[1]!.kinds.water).toMatchObject({ prompted: 1, expired: 1 });
  });

  it('digests parts of a list into the digest of the whole list, in any grouping', () => {
    fc.assert(
      fc.property(
        fc.array(entryArbitrary, { maxLength: 80 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (entries, cuts) => {
          const at = [...new Set(cuts.map((cut) => cut % (entries.length + 1)))].sort(
            (a, b) => a - b,
          );
          const parts = [0, ...at].map((start, index) =>
            entries.slice(start, [...at, entries.length][index]),
          );
          const whole = digestEntries(entries);
          expect(mergeDigests(parts.map(digestEntries))).toEqual(whole);
          // Merging is also how months join: a digest merged with nothing is itself.
          expect(mergeDigests([whole])).toEqual(whole);
        },
      ),
    );
  });

  it('digests what the strength chart and the nudge table draw', () => {
    const entries = [
      set({ day: '2026-11-20', reps: 5, weight: { amount: 50, unit: 'kg' } }),
      set({ day: '2026-11-20', reps: 8, weight: { amount: 60, unit: 'kg' }, warmup: true }),
      set({ day: '2026-11-19', exercise: 'deadlift', reps: 5, weight: { amount: 90, unit: 'kg' } }),
      set({ day: '2026-11-19', exercise: 'deadlift', reps: 5, weight: { amount: 80, unit: 'kg' } }),
      set({
        day: '2026-11-19',
        exercise: 'plank',
        reps: undefined,
        seconds: 60,
        weight: undefined,
      }),
      prompt({ day: '2026-11-23', prompt: 'posture', outcome: 'done' }),
    ];
    const digest = digestEntries(entries);
    expect(digest.weightedSets).toEqual({ bentOverRow: 2, deadlift: 2 });
    expect(mostSetsFirst({ a: 1, b: 3, c: 2 })).toEqual(['b', 'c', 'a']);
    expect(digest.strength).toEqual({
      bentOverRow: [{ day: '2026-11-20', topSetKg: 50, oneRepMaxKg: 56.3 }],
      deadlift: [{ day: '2026-11-19', topSetKg: 90, oneRepMaxKg: 101.3 }],
    });
    expect(digest.nudges).toEqual(nudgeWeeks(entries));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  digestEntries,
  mergeDigests,
  mostSetsFirst,
  averageWording,
  currentBest,
  doneRates,
  dailyAverage,
  type DailyAverage,
  nudgeWeeks,
  strengthSeries,
  waterProgress,
  weeklyBest,
  waterSeries,
  weightedExercises,
} from '../../lib/stats/progress';
import { addDays } from '../../lib/model/days';
import { plural } from '../../lib/model/formatting';
import { DEFAULT_SETTINGS, effectiveGoals } from '../../lib/model/settings';
import { recentDays } from '../../lib/stats/streaks';
import { emptyDayTotals, type DayTotals } from '../../lib/stats/summary';
import type { RestReason } from '../../lib/model/entries';
import { prompt, set } from './builders';
import { entryArbitrary } from './arbitraries';
import { englishTranslate } from './messages';

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

  it('lays out water against the goal, each day with its goal', () => {
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

  it('averages 30 days of water over 30 days, not 29, leaving out an unfinished today', () => {
    const today = '2026-11-24';
    // 30 finished days: the oldest 31 litres, every other 1 litre; today 5 litres so far.
    const totals = new Map(
      Array.from({ length: 31 }, (_, index) => [
        addDays(today, index - 30),
        { ...emptyDayTotals(), waterMl: index === 0 ? 31_000 : index === 30 ? 5000 : 1000 },
      ]),
    );
    const water = waterProgress(totals, 2000, today);
    expect(water.month).toEqual({
      perDay: 2000,
      total: 60_000,
      days: 30,
      window: 30,
      beforeStart: 0,
      timeOff: 0,
    });
    expect(water.week).toMatchObject({ perDay: 1000, days: 7 });
    expect(averageWording(water.week)).toEqual({
      key: 'progress.average.lastDays',
      count: 7,
      days: [7],
    });
    expect(water.days).toHaveLength(30);
    // The chart ends yesterday: today unfinished would read as a drop.
    expect(water.days.at(-1)).toEqual({ day: addDays(today, -1), ml: 1000, goalMl: 2000 });
  });

  it('averages over the days since the first use, on any device, and says so', () => {
    const today = '2026-11-24';
    // 22 days of history before today: 29,000 ml in all.
    const totals = new Map(
      Array.from({ length: 22 }, (_, index) => [
        addDays(today, index - 22),
        { ...emptyDayTotals(), waterMl: index === 0 ? 29_000 - 21 * 1000 : 1000 },
      ]),
    );
    const month = dailyAverage(totals, (day) => day.waterMl, today, 30);
    expect(month).toMatchObject({ total: 29_000, days: 22, beforeStart: 8 });
    expect(Math.round(month.perDay)).toBe(1318);
    expect(averageWording(month)).toEqual({
      key: 'progress.average.sinceStart',
      count: 22,
      days: [22],
    });
    // Another device's 6,000 ml over the 3 days before today, and nothing before.
    const other = new Map(
      [1, 2, 3].map((back) => [addDays(today, -back), { ...emptyDayTotals(), waterMl: 2000 }]),
    );
    const week = waterProgress(other, 2000, today).week;
    expect(week).toMatchObject({ perDay: 2000, total: 6000, days: 3, beforeStart: 4 });
    expect(averageWording(week)).toMatchObject({ key: 'progress.average.sinceStart', days: [3] });
  });

  it('leaves out days of time off, as streaks excuse them, and says how many', () => {
    const today = '2026-11-24';
    const day = (back: number, fields: Partial<DayTotals>) =>
      [addDays(today, -back), { ...emptyDayTotals(), ...fields }] as const;
    const totals = new Map([
      day(40, { waterMl: 1000 }),
      day(3, { rest: 'vacation' }),
      day(2, { rest: 'sick', waterMl: 500 }),
      // A rest day excuses the workout habit only: its water counts.
      day(1, { rest: 'rest', waterMl: 2500 }),
    ]);
    const week = dailyAverage(totals, (totals) => totals.waterMl, today, 7);
    expect(week).toMatchObject({ total: 2500, days: 5, timeOff: 2, beforeStart: 0 });
    expect(averageWording(week)).toEqual({
      key: 'progress.average.lastDaysTimeOff',
      count: 2,
      days: [5, 7, 2],
    });
    const recent = new Map([day(4, { waterMl: 1000 }), day(2, { rest: 'vacation' })]);
    expect(averageWording(dailyAverage(recent, (t) => t.waterMl, today, 7))).toEqual({
      key: 'progress.average.sinceStartTimeOff',
      count: 1,
      days: [3, 4, 1],
    });
  });

  it('has no day to average before the first full day', () => {
    const today = '2026-11-24';
    for (const totals of [new Map(), new Map([[today, { ...emptyDayTotals(), waterMl: 500 }]])]) {
      const week = waterProgress(totals, 2000, today).week;
      expect(week).toMatchObject({ perDay: 0, total: 0, days: 0, beforeStart: 7 });
      expect(averageWording(week)).toMatchObject({ key: 'progress.average.noDay' });
    }
  });

  it('says the days it counts in English', async () => {
    const t = await englishTranslate();
    const say = (average: DailyAverage) => {
      const { key, count, days } = averageWording(average);
      return plural(t, key, count, [`${Math.round(average.perDay)} ml`, ...days]);
    };
    const counts = { beforeStart: 0, timeOff: 0, total: 0 };
    expect(say({ ...counts, perDay: 1318, days: 22, window: 30, beforeStart: 8 })).toBe(
      '1318 ml over the 22 days since you started',
    );
    expect(say({ ...counts, perDay: 967, days: 30, window: 30 })).toBe(
      '967 ml over the last 30 days',
    );
    expect(say({ ...counts, perDay: 500, days: 5, window: 7, timeOff: 2 })).toBe(
      '500 ml over 5 of the last 7 days, leaving out 2 days of time off',
    );
    expect(say({ ...counts, perDay: 500, days: 3, window: 7, beforeStart: 3, timeOff: 1 })).toBe(
      '500 ml over 3 of the 4 days since you started, leaving out 1 day of time off',
    );
    expect(say({ ...counts, perDay: 0, days: 0, window: 7, beforeStart: 7 })).toBe(
      'None yet: no day to count in the last 7 days',
    );
  });

  it('an average times its days is the total over them, and its wording names those days', () => {
    const today = '2026-11-24';
    const dayArbitrary = fc.record({
      back: fc.integer({ min: 0, max: 45 }),
      waterMl: fc.integer({ min: 0, max: 6000 }),
      rest: fc.constantFrom(undefined, 'rest', 'vacation', 'sick'),
    });
    fc.assert(
      fc.property(
        fc.array(dayArbitrary, { maxLength: 40 }),
        fc.constantFrom(7, 30),
        (days, window) => {
          const totals = new Map<string, DayTotals>(
            days.map(({ back, waterMl, rest }) => [
              addDays(today, -back),
              { ...emptyDayTotals(), waterMl, ...(rest ? { rest: rest as RestReason } : {}) },
            ]),
          );
          const average = dailyAverage(totals, (day) => day.waterMl, today, window);
          // The days counted, by hand: from the first record on, before today, not time off.
          const first = [...totals.keys()].sort()[0];
          const counted = Array.from({ length: window }, (_, index) =>
            addDays(today, index - window),
          ).filter(
            (day) =>
              first !== undefined &&
              day >= first &&
              !['vacation', 'sick'].includes(totals.get(day)?.rest ?? ''),
          );
          const total = counted.reduce((sum, day) => sum + (totals.get(day)?.waterMl ?? 0), 0);
          expect(average.days).toBe(counted.length);
          expect(average.total).toBe(total);
          expect(average.perDay * average.days).toBeCloseTo(total, 6);
          expect(average.days + average.beforeStart + average.timeOff).toBe(window);
          expect(averageWording(average).days[0]).toBe(average.days);
        },
      ),
    );
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

describe('current best', () => {
  it('is the heaviest top set and the best 1RM, each with the day it was first reached', () => {
    const points = [
      { day: '2026-11-02', topSetKg: 100, oneRepMaxKg: 110 },
      { day: '2026-11-09', topSetKg: 90, oneRepMaxKg: 120 },
      { day: '2026-11-16', topSetKg: 100, oneRepMaxKg: 115 },
    ];
    expect(currentBest(points)).toEqual({
      topSet: { kg: 100, day: '2026-11-02' },
      oneRepMax: { kg: 120, day: '2026-11-09' },
    });
    expect(currentBest([])).toBeUndefined();
  });
});

describe('done rates', () => {
  it('counts each kind with prompts, oldest week first', () => {
    const weeks = nudgeWeeks([
      prompt({ day: '2026-11-02', prompt: 'posture', outcome: 'done' }),
      prompt({ day: '2026-11-03', prompt: 'posture', outcome: 'skipped' }),
      prompt({ day: '2026-11-10', prompt: 'posture', outcome: 'done' }),
      prompt({ day: '2026-11-10', prompt: 'posture', outcome: 'snoozed' }),
    ]);
    expect(doneRates(weeks)).toEqual([
      {
        kind: 'posture',
        done: 2,
        prompted: 3,
        weeks: [
          { week: '2026-11-02', done: 1, prompted: 2 },
          { week: '2026-11-09', done: 1, prompted: 1 },
        ],
      },
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayTotals,
  emptyDeviceDay,
  historyTotals,
  mergeDay,
  mergeHistory,
  summarizeEntries,
  type DaySummary,
  type DeviceDay,
  type History,
} from '../../lib/stats/summary';
import { deviceDayArbitrary } from './arbitraries';
import { cardio, prompt, rest, set, water } from './builders';

// Revisions kept small, so equal revisions from different copies are common.
const deviceDay: fc.Arbitrary<DeviceDay> = fc.integer({ min: 0, max: 5 }).chain(deviceDayArbitrary);
const daySummary: fc.Arbitrary<DaySummary> = fc.dictionary(
  fc.constantFrom('devA', 'devB', 'devC'),
  deviceDay,
);
const history: fc.Arbitrary<History> = fc.dictionary(
  fc.constantFrom('2026-11-22', '2026-11-23', '2026-11-24'),
  daySummary,
);

describe('daily summaries', () => {
  it('sums one device’s entries per day', () => {
    const days = summarizeEntries(
      [
        water({ ml: 250 }),
        water({ ml: 500 }),
        set({ reps: 10, weight: { amount: 20, unit: 'kg' } }),
        set({ reps: 10, weight: { amount: 20, unit: 'kg' }, side: 'both' }),
        set({ reps: 5, weight: { amount: 10, unit: 'kg' }, warmup: true }),
        set({ reps: 12, weight: undefined }),
        prompt({ prompt: 'posture' }),
        prompt({ prompt: 'posture', outcome: 'snoozed' }),
        prompt({ prompt: 'movement' }),
        prompt({ prompt: 'water' }),
        prompt({ prompt: 'breathing', day: '2026-11-23' }),
      ],
      1000,
      2500,
    );
    expect(days.get('2026-11-24')).toEqual({
      ...emptyDeviceDay(1000),
      waterMl: 750,
      sets: 3,
      volumeKg: 600,
      workout: true,
      posture: 1,
      movement: 1,
      breathing: 0,
      waterGoalMl: 2500,
    });
    expect(days.get('2026-11-23')).toMatchObject({ breathing: 1, workout: false, waterMl: 0 });
  });

  it('marks every day of a pause, keeping the stronger reason', () => {
    const days = summarizeEntries(
      [
        rest({ reason: 'vacation', day: '2026-12-30', until: '2027-01-02' }),
        rest({ reason: 'rest', day: '2027-01-01' }),
      ],
      1,
    );
    expect([...days.keys()]).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(days.get('2027-01-01')?.rest).toBe('vacation');
  });

  it('counts cardio as a workout', () => {
    expect(summarizeEntries([cardio()], 1).get('2026-11-24')?.workout).toBe(true);
  });

  it('files entries under their stored day, not the day their instant falls on now', () => {
    // Logged at 01:00 on a trip (stored as the evening before); the instant says otherwise.
    const days = summarizeEntries(
      [water({ day: '2026-11-23', at: Date.UTC(2026, 10, 24, 12) })],
      1,
    );
    expect([...days.keys()]).toEqual(['2026-11-23']);
  });

  it('adds devices together and keeps the newest record of each device', () => {
    const a = { devA: { ...emptyDeviceDay(5), waterMl: 500 } };
    const b = {
      devA: { ...emptyDeviceDay(4), waterMl: 9999 },
      devB: { ...emptyDeviceDay(1), waterMl: 250, rest: 'rest' as const },
    };
    const merged = mergeDay(a, b);
    expect(dayTotals(merged)).toMatchObject({ waterMl: 750, rest: 'rest' });
  });

  it('takes the water goal from the most recently written record', () => {
    const summary = {
      devA: { ...emptyDeviceDay(5), waterGoalMl: 2000 },
      devB: { ...emptyDeviceDay(9), waterGoalMl: 3000 },
    };
    expect(dayTotals(summary).waterGoalMl).toBe(3000);
    expect(dayTotals({ devA: emptyDeviceDay(1) }).rest).toBeUndefined();
  });

  it('merges commutatively', () => {
    fc.assert(
      fc.property(daySummary, daySummary, (a, b) => {
        expect(mergeDay(a, b)).toEqual(mergeDay(b, a));
      }),
    );
  });

  it('merges associatively', () => {
    fc.assert(
      fc.property(history, history, history, (a, b, c) => {
        expect(mergeHistory(mergeHistory(a, b), c)).toEqual(mergeHistory(a, mergeHistory(b, c)));
      }),
    );
  });

  it('merges idempotently: merging the same data again changes nothing', () => {
    fc.assert(
      fc.property(history, history, (a, b) => {
        expect(mergeHistory(a, a)).toEqual(a);
        const once = mergeHistory(a, b);
        expect(mergeHistory(once, b)).toEqual(once);
        expect(mergeHistory(once, a)).toEqual(once);
      }),
    );
  });

  it('gives the same totals whatever the order the devices arrived in', () => {
    fc.assert(
      fc.property(daySummary, daySummary, daySummary, (a, b, c) => {
        expect(dayTotals(mergeDay(mergeDay(a, b), c))).toEqual(
          dayTotals(mergeDay(c, mergeDay(b, a))),
        );
      }),
    );
  });

  it('computes the totals of every day of a history', () => {
    const totals = historyTotals({ '2026-11-24': { devA: { ...emptyDeviceDay(1), sets: 3 } } });
    expect(totals.get('2026-11-24')?.sets).toBe(3);
  });
});

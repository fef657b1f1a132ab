import { describe, expect, it } from 'vitest';
import { encodeCoarseYear, encodeFullDays, RECORD_VERSION } from '../../lib/store/day-codec';
import { addDays } from '../../lib/model/days';
import { emptyDeviceDay, dayTotals, type DeviceDay } from '../../lib/stats/summary';
import {
  archiveKey,
  deviceKey,
  itemBytes,
  monthKey,
  monthsBack,
  ownItems,
  planSync,
  readSyncItems,
  SYNC_BUDGET_BYTES,
  SyncBudgetError,
  withOwnDays,
  yearKey,
} from '../../lib/sync/plan';
import { FOLD_GRACE_DAYS, planFold } from '../../lib/sync/fold';

import { HOSTILE_SYNC_ITEMS, hostileItems } from './foreign-sync-items';

const TODAY = '2026-11-24';
const day = (waterMl: number, extra: Partial<DeviceDay> = {}): DeviceDay => ({
  ...emptyDeviceDay(1),
  waterMl,
  waterGoalMl: 2000,
  ...extra,
});

function daysFrom(start: string, count: number, make: (index: number) => DeviceDay) {
  return new Map(Array.from({ length: count }, (_, index) => [addDays(start, index), make(index)]));
}

const options = { today: TODAY, first: '2024-01-01', rev: 100, goalMl: 2000 };

describe('reading sync', () => {
  it('merges every device and reports what it could not read, leaving it alone', () => {
    const items = {
      ...ownItems('devA1', new Map([[TODAY, day(500)]]), {
        ...options,
        level: { fullMonths: 2, years: 100 },
      }),
      ...ownItems('devB2', new Map([[TODAY, day(750, { posture: 2 })]]), {
        ...options,
        level: { fullMonths: 2, years: 100 },
      }),
      'm.devC3.2026-11': { v: 1, t: 1, d: '24:zz;garbage' },
      'm.devD4.2026-11': { v: 7, t: 1, d: 'from the future' },
      'y.devE5.2025': 'not even an object',
      'something.else': 42,
      settings: { v: 1 },
    };
    const view = readSyncItems(items);
    expect(dayTotals(view.history[TODAY]!)).toMatchObject({ waterMl: 1250, posture: 2 });
    expect(view.foreign).toEqual([
      { key: 'm.devC3.2026-11', reason: 'invalid' },
      { key: 'm.devD4.2026-11', reason: 'newerVersion' },
      { key: 'y.devE5.2025', reason: 'invalid' },
      { key: 'something.else', reason: 'unknownKey' },
    ]);
    expect([...view.devices.keys()]).toEqual(['devA1', 'devB2']);
  });

  it('skips and lists items beyond the sane years or a person’s day, and keeps the rest', () => {
    const items = {
      ...hostileItems(),
      ...ownItems('devA1', new Map([[TODAY, day(500)]]), {
        ...options,
        level: { fullMonths: 2, years: 100 },
      }),
    };
    const view = readSyncItems(items);
    expect(Object.keys(view.history)).toEqual([TODAY]);
    expect(dayTotals(view.history[TODAY]!).waterMl).toBe(500);
    expect(view.archive.size).toBe(0);
    expect(view.foreign).toEqual(
      Object.entries(HOSTILE_SYNC_ITEMS).map(([key, { reason }]) => ({ key, reason })),
    );
  });

  it('prefers a full month over the coarse year for the same day', () => {
    const items = {
      [yearKey('devA1', 2026)]: {
        v: 1,
        t: 1,
        g: 2000,
        s: encodeCoarseYear(2026, new Map([[TODAY, day(100)]]), 2000),
      },
      [monthKey('devA1', '2026-11')]: {
        v: 1,
        t: 2,
        g: 2000,
        d: encodeFullDays(new Map([[TODAY, day(1234)]]), 2000),
      },
    };
    expect(dayTotals(readSyncItems(items).history[TODAY]!).waterMl).toBe(1234);
  });

  it('lets this device’s local records replace its copy in sync', () => {
    const view = readSyncItems(
      ownItems('devA1', new Map([[TODAY, day(100)]]), {
        ...options,
        level: { fullMonths: 2, years: 9 },
      }),
    );
    const merged = withOwnDays(view.history, 'devA1', new Map([[TODAY, day(900)]]));
    expect(dayTotals(merged[TODAY]!).waterMl).toBe(900);
  });
});

describe('planning this device’s items', () => {
  const fiveYears = daysFrom('2021-11-25', 5 * 365, (index) =>
    day(1500 + (index % 10) * 100, {
      posture: index % 6,
      movement: index % 4,
      breathing: index % 2,
      workout: index % 7 < 3,
      sets: index % 7 < 3 ? 15 : 0,
      volumeKg: 5000,
    }),
  );

  it('keeps recent months in full and the rest as coarse years', () => {
    const plan = planSync('devA1', fiveYears, {}, options);
    expect(plan.level).toBe(0);
    expect(Object.keys(plan.set).sort()).toEqual(
      [
        deviceKey('devA1'),
        monthKey('devA1', '2026-10'),
        monthKey('devA1', '2026-11'),
        ...[2021, 2022, 2023, 2024, 2025, 2026].map((year) => yearKey('devA1', year)),
      ].sort(),
    );
    expect(plan.bytes).toBeLessThan(12_000);
  });

  it('writes nothing when nothing changed, and removes what aged out', () => {
    const current = planSync('devA1', fiveYears, {}, options).set;
    expect(planSync('devA1', fiveYears, current, { ...options, rev: 200 }).set).toEqual({});
    const nextMonth = planSync('devA1', fiveYears, current, {
      ...options,
      today: '2026-12-02',
      rev: 300,
    });
    expect(nextMonth.remove).toEqual([monthKey('devA1', '2026-10')]);
    expect(Object.keys(nextMonth.set)).toContain(yearKey('devA1', 2026));
  });

  it('steps down to less detail when other devices fill sync', () => {
    const others: Record<string, unknown> = {};
    for (let index = 0; itemBytesOf(others) < SYNC_BUDGET_BYTES - 6_000; index++)
      others[`y.dev${index}x.2025`] = { v: 1, t: 1, g: 2000, s: 'A'.repeat(1400) };
    const plan = planSync('devA1', fiveYears, others, options);
    expect(plan.level).toBeGreaterThan(2);
    expect(plan.bytes).toBeLessThanOrEqual(SYNC_BUDGET_BYTES);
    for (const [key, value] of Object.entries(plan.set))
      expect(itemBytes(key, value)).toBeLessThan(8192);
  });

  it('says so when even the coarsest level does not fit', () => {
    const full = { 'y.devZz.2025': { v: 1, t: 1, g: 2000, s: 'A'.repeat(SYNC_BUDGET_BYTES) } };
    expect(() => planSync('devA1', fiveYears, full, options)).toThrow(SyncBudgetError);
  });

  it('counts months back across a year boundary', () => {
    expect(monthsBack('2026-02-10', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
  });
});

function itemBytesOf(items: Record<string, unknown>) {
  return Object.entries(items).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
}

describe('folding devices long gone', () => {
  const level = { fullMonths: 2, years: 100 };
  const stale = ownItems(
    'devOld9',
    daysFrom('2025-01-01', 60, () => day(2000, { posture: 3 })),
    {
      ...options,
      today: '2025-03-01',
      first: '2025-01-01',
      level,
    },
  );
  const active = (id: string) => ownItems(id, new Map([[TODAY, day(100)]]), { ...options, level });

  it('is done by the smallest recent device only, and keeps every day', () => {
    const current = { ...stale, ...active('devA1'), ...active('devB2') };
    const view = readSyncItems(current);
    expect(planFold('devB2', current, view, TODAY, 5).set).toEqual({});
    const plan = planFold('devA1', current, view, TODAY, 5);
    expect(plan.remove).toEqual([]);
    const archive = plan.set[archiveKey(2025)] as { from: string[] };
    expect(archive.from).toEqual(['devOld9']);
    const after = readSyncItems({ ...current, ...plan.set });
    expect(dayTotals(after.history['2025-01-15']!)).toMatchObject({ waterMl: 2000, posture: 3 });
    expect(Object.keys(after.history['2025-01-15']!)).toEqual(['archive']);
  });

  it('removes the folded device’s keys only after the grace period', () => {
    const current = { ...stale, ...active('devA1') };
    const folded = {
      ...current,
      ...planFold('devA1', current, readSyncItems(current), TODAY, 5).set,
    };
    expect(
      planFold('devA1', folded, readSyncItems(folded), addDays(TODAY, FOLD_GRACE_DAYS - 1), 6)
        .remove,
    ).toEqual([]);
    const later = planFold(
      'devA1',
      folded,
      readSyncItems(folded),
      addDays(TODAY, FOLD_GRACE_DAYS),
      7,
    );
    expect(later.remove.sort()).toEqual(
      ['dev.devOld9', 'fold.devOld9', 'm.devOld9.2025-02', 'm.devOld9.2025-03', 'y.devOld9.2025']
        .filter((key) => key in folded)
        .sort(),
    );
    expect(later.set).toEqual({});
  });

  it('neither folds nor removes a device with an item a newer version wrote', () => {
    const current = {
      ...stale,
      ...active('devA1'),
      'y.devOld9.2024': { v: RECORD_VERSION + 1, t: 1, g: 2000, s: 'a format to come' },
    };
    expect(planFold('devA1', current, readSyncItems(current), TODAY, 5)).toEqual({
      set: {},
      remove: [],
    });
    const folded = { ...current, 'fold.devOld9': { on: '2025-06-01' } };
    const later = addDays(TODAY, FOLD_GRACE_DAYS);
    expect(planFold('devA1', folded, readSyncItems(folded), later, 6).remove).toEqual([]);
  });

  it('adds a second stale device to the archive without losing the first', () => {
    const second = ownItems(
      'devOld8',
      daysFrom('2025-01-10', 10, () => day(1000, { movement: 1 })),
      {
        ...options,
        today: '2025-02-01',
        first: '2025-01-10',
        level,
      },
    );
    const current = { ...stale, ...active('devA1') };
    const once = {
      ...current,
      ...planFold('devA1', current, readSyncItems(current), TODAY, 5).set,
      ...second,
    };
    const twice = { ...once, ...planFold('devA1', once, readSyncItems(once), TODAY, 6).set };
    expect((twice[archiveKey(2025)] as { from: string[] }).from).toEqual(['devOld8', 'devOld9']);
    expect(dayTotals(readSyncItems(twice).history['2025-01-15']!)).toMatchObject({
      waterMl: 3000,
      posture: 3,
      movement: 1,
    });
  });
});

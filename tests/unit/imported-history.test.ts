import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBackup, parseBackup, serializeBackup } from '../../lib/store/backup';
import { localDayKey } from '../../lib/model/days';
import type { Entry, NewEntry } from '../../lib/model/entries';
import { readAllEntries, readOverview, type Overview } from '../../lib/app/overview';
import {
  nudgeWeeks,
  strengthSeries,
  waterProgress,
  weightedExercises,
} from '../../lib/stats/progress';
import {
  DEFAULT_SETTINGS,
  effectiveGoals,
  nudgeFreeWeekdays,
  type Settings,
} from '../../lib/model/settings';
import {
  deviceFormat,
  LOCAL_KEYS,
  settingsFormat,
  SYNC_KEYS,
  writeVersioned,
} from '../../lib/store/items';
import { recentDays } from '../../lib/stats/streaks';
import { emptyDeviceDay, historyTotals, IMPORTED_REV } from '../../lib/stats/summary';
import { archiveKey, monthKey, ownItems, readSyncItems, withOtherDays } from '../../lib/sync/plan';
import { flushSync } from '../../lib/sync/flush';
import { Writer } from '../../lib/store/writer';
import { MemoryArea } from './quota-area';

const NOW = new Date(2026, 10, 24, 15).getTime();
const DAY_MS = 86_400_000;
const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  goals: { ...DEFAULT_SETTINGS.goals, waterMl: 2000 },
};

/** One browser: its own storage areas and a writer for its device. */
function browserOf(device: string, settings = SETTINGS) {
  const areas = { local: new MemoryArea(), sync: new MemoryArea() };
  void areas.local.set({
    [LOCAL_KEYS.device]: writeVersioned(deviceFormat, { id: device, createdAt: 0 }),
  });
  const writer = new Writer({
    local: areas.local,
    device,
    now: () => NOW,
    settings: async () => settings,
    onChanged: () => {},
  });
  return { areas, writer, device, settings };
}

async function saveSettings(browser: ReturnType<typeof browserOf>) {
  await browser.areas.sync.set({
    [SYNC_KEYS.settings]: writeVersioned(settingsFormat, browser.settings),
  });
}

async function flush(browser: ReturnType<typeof browserOf>) {
  await flushSync({
    ...browser.areas,
    device: browser.device,
    now: NOW,
    today: localDayKey(NOW),
    goalMl: effectiveGoals(browser.settings).waterMl,
  });
}

/** The export file of a browser, read back as the import reads it. */
async function exported(browser: ReturnType<typeof browserOf>) {
  const entries = await readAllEntries(browser.areas.local);
  const parsed = parseBackup(
    serializeBackup(createBackup(browser.settings, [], entries, NOW)),
    NOW,
  );
  if (!parsed.ok) throw new Error(parsed.messageKey);
  return parsed.backup;
}

async function restoredInto(backup: Awaited<ReturnType<typeof exported>>, device = 'devB2') {
  const target = browserOf(device, backup.settingsValue);
  await saveSettings(target);
  await target.writer.importEntries(backup.entries);
  return target;
}

/** Every figure the popup and the progress page show. */
function figures(overview: Overview, entries: readonly Entry[]) {
  const totals = historyTotals(overview.history);
  const rules = { goals: overview.goals, nudgeFreeWeekdays: nudgeFreeWeekdays(overview.settings) };
  const { rev: _rev, ...today } = { rev: 0, ...overview.todayTotals };
  return {
    today,
    reports: overview.reports,
    // Reps at each weight are a map, stored as pairs in the order they were first reached.
    records: Object.fromEntries(
      Object.entries(overview.records).map(([exercise, records]) => [
        exercise,
        { ...records, repsAtWeight: [...records.repsAtWeight].sort(([a], [b]) => a - b) },
      ]),
    ),
    habitDays: (['water', 'posture', 'movement', 'breathing'] as const).map((habit) =>
      recentDays(habit, totals, rules, overview.today, 365),
    ),
    workoutDays: recentDays('workout', totals, rules, overview.today, 365),
    // The series and its averages.
    water: waterProgress(totals, overview.goals.waterMl, overview.today),
    strength: weightedExercises(entries).map((exercise) => strengthSeries(entries, exercise)),
    nudges: nudgeWeeks(entries),
  };
}

async function figuresOf(browser: ReturnType<typeof browserOf>) {
  return figures(await readOverview(browser.areas, NOW), await readAllEntries(browser.areas.local));
}

const water = (ml: number, at = NOW): NewEntry => ({ kind: 'water', ml, at });

describe('imported history', () => {
  it('counts another device’s imported entries in today’s totals and streaks', async () => {
    const source = browserOf('devA1');
    await saveSettings(source);
    await source.writer.logEntries([
      water(2000),
      water(2100, NOW - DAY_MS),
      { kind: 'set', exercise: 'bentOverRow', reps: 10, at: NOW - 60_000 },
    ]);
    const target = await restoredInto(await exported(source));
    const overview = await readOverview(target.areas, NOW);
    expect(overview.todayTotals).toMatchObject({ waterMl: 2000, sets: 1, workout: true });
    expect(overview.reports.find((report) => report.habit === 'water')?.current).toBe(2);
  });

  it('does not count a day twice when the device it came from still syncs that day', async () => {
    const source = browserOf('devA1');
    await saveSettings(source);
    await source.writer.logEntries([water(500)]);
    const target = await restoredInto(await exported(source));
    // The old device logs more, and its records reach this browser's sync.
    await source.writer.logEntries([water(300, NOW + 1)]);
    await flush(source);
    await target.areas.sync.set(await source.areas.sync.get(null));
    expect((await readOverview(target.areas, NOW)).todayTotals.waterMl).toBe(800);
  });

  it('leaves a device’s days of a year to the archive that holds them', () => {
    const imported = new Map([
      ['devA1', new Map([['2025-03-02', { ...emptyDeviceDay(IMPORTED_REV), waterMl: 700 }]])],
    ]);
    const archived = readSyncItems({
      [archiveKey(2025)]: {
        v: 1,
        t: 5,
        g: 2000,
        s: 'AAAA'.repeat(60) + 'KAAA',
        from: ['devA1'],
      },
    });
    expect(archived.foreign).toEqual([]);
    expect(withOtherDays(archived, imported)['2025-03-02']).toEqual({
      archive: expect.objectContaining({ waterMl: 1000 }),
    });
    const otherDevice = { ...archived, archive: new Map() };
    expect(withOtherDays(otherDevice, imported)['2025-03-02']?.devA1?.waterMl).toBe(700);
  });

  it('lets a synced record of the same device win over an imported one, whichever is larger', () => {
    const synced = readSyncItems(
      ownItems('devA1', new Map([['2026-11-24', { ...emptyDeviceDay(9), waterMl: 100 }]]), {
        today: '2026-11-24',
        first: '2026-11-24',
        rev: 9,
        goalMl: 2000,
        level: { fullMonths: 2, years: 100 },
      }),
    );
    expect(Object.keys(synced.history)).toEqual(['2026-11-24']);
    expect(monthKey('devA1', '2026-11')).toBe('m.devA1.2026-11');
    const imported = new Map([
      ['devA1', new Map([['2026-11-24', { ...emptyDeviceDay(IMPORTED_REV), waterMl: 900 }]])],
    ]);
    expect(withOtherDays(synced, imported)['2026-11-24']?.devA1?.waterMl).toBe(100);
  });

  it('stores nothing for other devices while a month holds only this device’s entries', async () => {
    const browser = browserOf('devA1');
    await browser.writer.logEntries([water(250)]);
    expect([...browser.areas.local.data.keys()].some((key) => key.startsWith('others.'))).toBe(
      false,
    );
  });

  it('an export imported into an empty browser shows every figure the source showed', async () => {
    const newEntry = fc
      .record({
        ago: fc.integer({ min: 0, max: 120 * DAY_MS }),
        kind: fc.constantFrom('water', 'set', 'cardio', 'prompt', 'rest'),
        amount: fc.integer({ min: 1, max: 40 }),
      })
      .map(({ ago, kind, amount }): NewEntry => {
        const at = NOW - ago;
        switch (kind) {
          case 'water':
            return water(amount * 100, at);
          case 'set':
            return {
              kind: 'set',
              exercise: amount % 2 ? 'bentOverRow' : 'plank',
              reps: amount,
              weight: { amount: amount * 2.5, unit: 'kg' },
              at,
            };
          case 'cardio':
            return { kind: 'cardio', exercise: 'rowingMachine', seconds: amount * 60, at };
          case 'prompt':
            return {
              kind: 'prompt',
              prompt: (['posture', 'movement', 'breathing', 'water'] as const)[amount % 4]!,
              outcome: amount % 3 ? 'done' : 'skipped',
              firedAt: at,
              at,
            };
          default:
            return { kind: 'rest', reason: amount % 5 ? 'rest' : 'sick', at };
        }
      });
    await fc.assert(
      fc.asyncProperty(
        fc.array(newEntry, { minLength: 1, maxLength: 120 }),
        fc.boolean(),
        async (entries, synced) => {
          const source = browserOf('devA1');
          await saveSettings(source);
          await source.writer.logEntries(entries);
          if (synced) await flush(source);
          const target = await restoredInto(await exported(source));
          expect(await figuresOf(target)).toEqual(await figuresOf(source));
        },
      ),
      { numRuns: 40 },
    );
  });
});

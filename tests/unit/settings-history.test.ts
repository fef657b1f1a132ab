import { describe, expect, it, vi } from 'vitest';
import { readAllEntries, readOverview } from '../../lib/app/overview';
import { createWorker } from '../../lib/app/worker';
import { addDays, dayRange, isoWeekday } from '../../lib/model/days';
import type { NewEntry } from '../../lib/model/entries';
import { expectationsOf, periodOf } from '../../lib/model/expectations';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/model/settings';
import { createBackup, parseBackup, serializeBackup } from '../../lib/store/backup';
import { settingsFormat, SYNC_KEYS } from '../../lib/store/items';
import { MemoryArea } from './quota-area';
import { fakeWorkerDependencies } from './worker-deps';

// 2026-11-02 is a Monday; 2026-12-06 the Sunday five weeks on.
const FIRST = '2026-11-02';
const TODAY = '2026-12-06';
const noonOf = (day: string) => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year!, month! - 1, date!, 12).getTime();
};

const workdays = [{ from: 9 * 60, to: 18 * 60 }];
/** Active hours Monday to Saturday: Sundays expect no nudge habit. */
const SIX_DAYS: Settings = {
  ...DEFAULT_SETTINGS,
  nudges: { ...DEFAULT_SETTINGS.nudges, activeHours: [...Array(6).fill(workdays), []] },
};
const SEVEN_DAYS: Settings = {
  ...SIX_DAYS,
  nudges: { ...SIX_DAYS.nudges, activeHours: Array(7).fill(workdays) },
};

/** A breathing session done each day but Sundays, from the first day to yesterday. */
const breathingBeforeToday: NewEntry[] = dayRange(FIRST, addDays(TODAY, -1))
  .filter((day) => isoWeekday(day) !== 7)
  .map((day) => ({
    kind: 'prompt',
    prompt: 'breathing',
    outcome: 'done',
    firedAt: noonOf(day),
    at: noonOf(day) + 60_000,
  }));

function browser(device: string, sync = new MemoryArea(), at = noonOf(TODAY)) {
  let now = at;
  const local = new MemoryArea();
  const deps = fakeWorkerDependencies(() => now, { local, sync, randomId: () => device });
  return {
    worker: createWorker(deps),
    areas: { local, sync },
    setNow: (day: string) => (now = noonOf(day)),
    overview: () => readOverview({ local, sync }, now),
  };
}

/** Settings saved on the first day, then five weeks of breathing lived under them. */
async function livedFiveWeeks(device: ReturnType<typeof browser>) {
  device.setNow(FIRST);
  await device.worker.handlers.saveSettings({ settings: SIX_DAYS });
  device.setNow(TODAY);
  await device.worker.handlers.logEntries({ entries: breathingBeforeToday });
}

const breathing = async (of: ReturnType<typeof browser>) =>
  (await of.overview()).reports.find((report) => report.habit === 'breathing')!;

async function storedSettings(sync: MemoryArea): Promise<Settings> {
  return (await sync.get(SYNC_KEYS.settings))[SYNC_KEYS.settings] as Settings;
}

describe('the settings keep what earlier days expected', () => {
  it('records a change of expectations in the same write as the settings', async () => {
    const device = browser('devA1xyz');
    device.setNow(FIRST);
    await device.worker.handlers.saveSettings({ settings: SIX_DAYS });
    // Never saved before: the days before were judged by the defaults.
    const defaults = periodOf(addDays(FIRST, -1), expectationsOf(DEFAULT_SETTINGS));
    expect((await storedSettings(device.areas.sync)).pastExpectations).toEqual([defaults]);

    device.setNow(TODAY);
    const writes = vi.spyOn(device.areas.sync, 'set');
    const forged = [periodOf('2026-01-01', expectationsOf(DEFAULT_SETTINGS))];
    await device.worker.handlers.saveSettings({
      settings: { ...SEVEN_DAYS, pastExpectations: forged },
    });
    const recorded = [defaults, periodOf(addDays(TODAY, -1), expectationsOf(SIX_DAYS))];
    expect(writes).toHaveBeenCalledTimes(1);
    expect(writes.mock.calls[0]![0][SYNC_KEYS.settings]).toMatchObject({
      v: settingsFormat.version,
      nudges: SEVEN_DAYS.nudges,
      pastExpectations: recorded,
    });

    // A second change the same day: the days before keep what they expected.
    const goals = { ...SEVEN_DAYS.goals, breathingSessions: 2 };
    await device.worker.handlers.saveSettings({ settings: { ...SEVEN_DAYS, goals } });
    expect((await storedSettings(device.areas.sync)).pastExpectations).toEqual(recorded);
  });

  it('keeps the Sunday case: adding Sunday hours leaves the streak and the best as they were', async () => {
    const device = browser('devA1xyz');
    await livedFiveWeeks(device);
    const before = await breathing(device);
    expect(before).toMatchObject({ current: 30, best: 30, today: 'skipped' });

    await device.worker.handlers.saveSettings({ settings: SEVEN_DAYS });
    expect(await breathing(device)).toMatchObject({ current: 30, best: 30, today: 'open' });
  });

  it('takes settings of an older version as in force since the first day', async () => {
    const device = browser('devA1xyz');
    const { pastExpectations: _past, ...older } = SIX_DAYS;
    await device.areas.sync.set({ [SYNC_KEYS.settings]: { ...older, v: 3 } });
    await device.worker.handlers.logEntries({ entries: breathingBeforeToday });
    expect(await breathing(device)).toMatchObject({ current: 30, best: 30 });

    await device.worker.handlers.saveSettings({ settings: SEVEN_DAYS });
    expect((await storedSettings(device.areas.sync)).pastExpectations).toEqual([
      periodOf(addDays(TODAY, -1), expectationsOf(SIX_DAYS)),
    ]);
    expect(await breathing(device)).toMatchObject({ current: 30, best: 30 });
  });

  it('judges the days a second device synced as the device that lived them did', async () => {
    const sync = new MemoryArea();
    const lived = browser('devA1xyz', sync);
    await livedFiveWeeks(lived);
    await lived.worker.handlers.saveSettings({ settings: SEVEN_DAYS });
    await lived.worker.handlers.syncNow({});

    const other = browser('devB2xyz', sync);
    expect((await other.overview()).devices).toBe(2);
    expect(await breathing(other)).toEqual(await breathing(lived));
    expect(await breathing(other)).toMatchObject({ current: 30, best: 30 });

    // The second device changes a goal the next day: the first device's days stay as judged.
    other.setNow(addDays(TODAY, 1));
    const goals = { ...SEVEN_DAYS.goals, breathingSessions: 2 };
    await other.worker.handlers.saveSettings({
      settings: { ...(await storedSettings(sync)), goals },
    });
    expect((await storedSettings(sync)).pastExpectations.slice(1)).toEqual([
      periodOf(addDays(TODAY, -1), expectationsOf(SIX_DAYS)),
      periodOf(TODAY, expectationsOf(SEVEN_DAYS)),
    ]);
    // Sunday was expected, under the hours added that day, and missed; the best stays.
    expect(await breathing(other)).toMatchObject({ current: 0, best: 30, today: 'open' });
    lived.setNow(addDays(TODAY, 1));
    expect(await breathing(lived)).toEqual(await breathing(other));
  });

  it('gives a day logged later the water goal it expected then', async () => {
    const device = browser('devA1xyz');
    device.setNow(FIRST);
    const goals = { ...SIX_DAYS.goals, waterMl: 2000 };
    await device.worker.handlers.saveSettings({ settings: { ...SIX_DAYS, goals } });
    device.setNow(TODAY);
    await device.worker.handlers.saveSettings({
      settings: { ...SIX_DAYS, goals: { ...goals, waterMl: 3000 } },
    });
    const earlier = addDays(TODAY, -3);
    await device.worker.handlers.logEntries({
      entries: [
        { kind: 'water', ml: 2000, at: noonOf(earlier) },
        { kind: 'water', ml: 2000, at: noonOf(TODAY) },
      ],
    });
    const { history } = await device.overview();
    expect(history[earlier]!['devA1xyz']!.waterGoalMl).toBe(2000);
    expect(history[TODAY]!['devA1xyz']!.waterGoalMl).toBe(3000);
  });

  it('travels in the export and is put back, checked, by an import', async () => {
    const device = browser('devA1xyz');
    await livedFiveWeeks(device);
    await device.worker.handlers.saveSettings({ settings: SEVEN_DAYS });
    const settings = await storedSettings(device.areas.sync);
    const { v: _version, ...saved } = settings as Settings & { v: number };
    const file = serializeBackup(
      createBackup(saved, [], await readAllEntries(device.areas.local), noonOf(TODAY)),
    );

    const parsed = parseBackup(file, noonOf(TODAY));
    if (!parsed.ok) throw new Error(parsed.messageKey);
    expect(parsed.backup.settingsValue.pastExpectations).toEqual(saved.pastExpectations);

    const target = browser('devB2xyz');
    await target.worker.handlers.saveSettings({
      settings: parsed.backup.settingsValue,
      restore: true,
    });
    await target.worker.handlers.logEntries({ entries: breathingBeforeToday });
    expect((await storedSettings(target.areas.sync)).pastExpectations).toEqual(
      saved.pastExpectations,
    );
    expect(await breathing(target)).toMatchObject({ current: 30, best: 30, today: 'open' });

    const damaged = file.replace(
      JSON.stringify(saved.pastExpectations),
      JSON.stringify([...saved.pastExpectations, ...saved.pastExpectations]),
    );
    expect(damaged).not.toBe(file);
    expect(parseBackup(damaged, noonOf(TODAY))).toMatchObject({
      ok: false,
      messageKey: 'import.invalidSettings',
    });
  });
});

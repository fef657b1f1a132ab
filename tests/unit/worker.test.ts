import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { LOCAL_KEYS, readVersioned, settingsFormat, syncStateFormat } from '../../lib/store/items';
import { createWorker } from '../../lib/app/worker';
import { SYNC_ALARM, SYNC_DELAY_MS } from '../../lib/app/sync-schedule';
import { fakeWorkerDependencies } from './worker-deps';

const NOW = Date.UTC(2026, 10, 24, 12);

function worker(randomId = () => 'devA1xyz') {
  return createWorker(fakeWorkerDependencies(() => NOW, { randomId }));
}

describe('the background worker', () => {
  it('gives the browser a device id once and keeps it', async () => {
    expect((await worker().handlers.getStatus({})).device).toBe('devA1xyz');
    expect((await worker(() => 'other123').handlers.getStatus({})).device).toBe('devA1xyz');
  });

  it('schedules one sync flush after changes, not one per change', async () => {
    const { handlers } = worker();
    await handlers.logEntries({ entries: [{ kind: 'water', ml: 250, at: NOW }] });
    await handlers.logEntries({ entries: [{ kind: 'water', ml: 250, at: NOW }] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms).toEqual([
      expect.objectContaining({ name: SYNC_ALARM, scheduledTime: NOW + SYNC_DELAY_MS }),
    ]);
  });

  it('flushes when the alarm fires', async () => {
    const instance = worker();
    await instance.handlers.logEntries({ entries: [{ kind: 'water', ml: 250, at: NOW }] });
    await instance.onAlarm({ name: SYNC_ALARM, scheduledTime: NOW });
    await instance.onAlarm({ name: 'something else', scheduledTime: NOW });
    expect(Object.keys(await fakeBrowser.storage.sync.get(null)).sort()).toEqual([
      'dev.devA1xyz',
      'm.devA1xyz.2026-11',
    ]);
    const state = readVersioned(
      syncStateFormat,
      (await fakeBrowser.storage.local.get(LOCAL_KEYS.syncState)).syncState,
    ).value;
    expect(state.dirtyMonths).toEqual([]);
  });

  it('reschedules a flush on start when changes were left waiting', async () => {
    await fakeBrowser.storage.local.set({
      syncState: { v: 1, dirtyMonths: ['2026-11'], level: 0, flushes: 0, quotaErrors: 0 },
    });
    await worker().resume();
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeDefined();
  });

  it('sets the four nudge alarms on start, and no sync alarm when nothing waits', async () => {
    await worker().resume();
    const names = (await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name).sort();
    expect(names).toEqual(['nudge:breathing', 'nudge:movement', 'nudge:posture', 'nudge:water']);
  });

  it('saves settings to sync, stamped with the time', async () => {
    const saved = await worker().handlers.saveSettings({
      settings: { ...DEFAULT_SETTINGS, units: 'imperial' },
    });
    expect(saved.updatedAt).toBe(NOW);
    const stored = readVersioned(
      settingsFormat,
      (await fakeBrowser.storage.sync.get('settings')).settings,
    );
    expect(stored).toEqual({
      status: 'ok',
      value: { ...DEFAULT_SETTINGS, units: 'imperial', updatedAt: NOW },
    });
  });

  it('saves a custom exercise to sync, keeping the others, and refuses to overwrite a newer format', async () => {
    const { handlers } = worker();
    const towel = {
      id: 'custom-towel1',
      name: 'Towel row',
      region: 'middle' as const,
      measure: 'reps' as const,
      updatedAt: 0,
    };
    const wall = { ...towel, id: 'custom-wall01', name: 'Wall angel', region: 'upper' as const };
    await handlers.saveCustomExercise({ exercise: towel });
    const saved = await handlers.saveCustomExercise({ exercise: wall });
    expect(saved.map((exercise) => [exercise.name, exercise.updatedAt])).toEqual([
      ['Towel row', NOW],
      ['Wall angel', NOW],
    ]);
    const renamed = await handlers.saveCustomExercise({
      exercise: { ...towel, name: 'Towel row (slow)' },
    });
    expect(renamed.map((exercise) => exercise.name).sort()).toEqual([
      'Towel row (slow)',
      'Wall angel',
    ]);
    await fakeBrowser.storage.sync.set({ custom: { v: 5, exercises: 'future' } });
    await expect(handlers.saveCustomExercise({ exercise: wall })).rejects.toThrow(
      'storage.customExercisesUnreadable',
    );
    expect((await fakeBrowser.storage.sync.get('custom')).custom).toEqual({
      v: 5,
      exercises: 'future',
    });
  });
});

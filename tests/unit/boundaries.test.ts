import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { entryId } from '../../lib/store/codec';
import { localDayKey } from '../../lib/model/days';
import type { NewEntry } from '../../lib/model/entries';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { settingsFormat, SYNC_KEYS } from '../../lib/store/items';
import { createWorker } from '../../lib/app/worker';
import { fakeWorkerDependencies } from './worker-deps';

const NOW = Date.UTC(2026, 10, 24, 12);
const TODAY = localDayKey(NOW);

/** A started worker: its device id is stored before any test compares storage. */
async function worker() {
  const instance = createWorker(fakeWorkerDependencies(() => NOW));
  await instance.handlers.getStatus({});
  return instance;
}

async function everything() {
  return {
    local: await fakeBrowser.storage.local.get(null),
    sync: await fakeBrowser.storage.sync.get(null),
  };
}

/** Runs a handler that must refuse with the given message key and change nothing. */
async function refused(run: () => unknown, messageKey: string) {
  const before = await everything();
  await expect(Promise.resolve().then(run)).rejects.toThrow(messageKey);
  expect(await everything()).toEqual(before);
}

describe('the worker refuses what makes no sense, and changes nothing', () => {
  it.each<[string, NewEntry, string]>([
    [
      'a day of 9999-12-31 at today’s instant',
      { kind: 'water', ml: 250, at: NOW, day: '9999-12-31' },
      'invalid.dayMismatch',
    ],
    [
      'a day of 1970-01-01 at today’s instant',
      { kind: 'water', ml: 250, at: NOW, day: '1970-01-01' },
      'invalid.dayMismatch',
    ],
    [
      'an exercise zzzz',
      { kind: 'set', exercise: 'zzzz', reps: 5, at: NOW },
      'invalid.unknownExercise',
    ],
    [
      'an exercise constructor',
      { kind: 'cardio', exercise: 'constructor', seconds: 60, at: NOW },
      'invalid.unknownExercise',
    ],
    [
      'a rest until 2199',
      { kind: 'rest', reason: 'vacation', at: NOW, until: '2199-12-31' },
      'invalid.restRange',
    ],
    [
      'a rest of 61 days',
      { kind: 'rest', reason: 'vacation', at: NOW, until: '2027-01-23' },
      'invalid.restRange',
    ],
    [
      'an entry of next year',
      { kind: 'water', ml: 250, at: NOW + 365 * 86_400_000 },
      'invalid.future',
    ],
  ])('a new entry with %s', async (_, entry, messageKey) => {
    const { handlers } = await worker();
    await refused(() => handlers.logEntries({ entries: [entry] }), messageKey);
  });

  it('takes a rest of 60 days, a custom exercise of the user and a clock a little ahead', async () => {
    const { handlers } = await worker();
    await handlers.saveCustomExercise({
      exercise: {
        id: 'custom-towel1',
        name: 'Towel row',
        region: 'middle',
        measure: 'reps',
        updatedAt: 0,
      },
    });
    const logged = await handlers.logEntries({
      entries: [
        { kind: 'rest', reason: 'vacation', at: NOW, until: '2027-01-22' },
        { kind: 'set', exercise: 'custom-towel1', reps: 5, at: NOW + 60_000, day: TODAY },
      ],
    });
    expect(logged.entries).toHaveLength(61);
  });

  it('refuses an import whose entries’ ids are not their device and instant, and leaves out a day that is not their time', async () => {
    const { handlers } = await worker();
    const entry = { kind: 'water' as const, ml: 250, at: NOW, day: TODAY, device: 'devB2' };
    const importing = async (changes: { id: string; day?: string }) => {
      await handlers.stageImport({ id: 'import1', part: 0, entries: [{ ...entry, ...changes }] });
      return handlers.commitImport({
        id: 'import1',
        parts: 1,
        mode: 'replace',
        settings: DEFAULT_SETTINGS,
        customExercises: [],
      });
    };
    await refused(() => importing({ id: entryId('devC3', NOW) }), 'import.entryIdMismatch');
    expect(await importing({ id: entryId('devB2', NOW), day: '9999-12-31' })).toEqual({
      added: 0,
      skipped: [{ reason: 'invalid.dayMismatch', count: 1 }],
    });
    expect(await importing({ id: entryId('devB2', NOW) })).toEqual({ added: 1, skipped: [] });
  });

  it('refuses settings and custom exercises put back with a time still to come', async () => {
    const { handlers } = await worker();
    await refused(
      () =>
        handlers.saveSettings({
          settings: { ...DEFAULT_SETTINGS, updatedAt: 1e308 },
          restore: true,
        }),
      'invalid.future',
    );
    await refused(
      () =>
        handlers.saveCustomExercise({
          exercise: {
            id: 'custom-towel1',
            name: 'Towel row',
            region: 'middle',
            measure: 'reps',
            updatedAt: 1e308,
          },
          restore: true,
        }),
      'invalid.future',
    );
  });

  it('refuses to save settings over settings of a newer version', async () => {
    await fakeBrowser.storage.sync.set({
      [SYNC_KEYS.settings]: { v: settingsFormat.version + 1, units: 'cubits', updatedAt: 5 },
    });
    const { handlers } = await worker();
    await refused(
      () => handlers.saveSettings({ settings: DEFAULT_SETTINGS }),
      'storage.settingsUnreadable',
    );
  });
});

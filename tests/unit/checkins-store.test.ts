import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deleteCheckIn, importCheckIns, readCheckIns, saveCheckIn } from '../../lib/app/checkins';
import { createBackup, parseBackup, serializeBackup } from '../../lib/store/backup';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { FITS, POSES, type CheckIn } from '../../lib/model/checkin';
import { addDays } from '../../lib/model/days';
import {
  CHECKINS_SYNC_BUDGET,
  checkInsCsv,
  decodeSyncedCheckIns,
  encodeSyncedCheckIns,
  mergeCheckIns,
} from '../../lib/store/checkins';
import { CHECKINS_KEY, readVersioned, settingsFormat, SYNC_KEYS } from '../../lib/store/items';
import { itemBytes, SYNC_QUOTA } from '../../lib/sync/plan';
import { browserAreas } from '../../lib/adapters/storage-areas';

const at = Date.UTC(2026, 11, 2, 18, 30);
const checkIn = (week: string, more: Partial<CheckIn> = {}): CheckIn => ({
  week,
  updatedAt: at,
  lengthsCm: {},
  photos: [],
  ...more,
});

const week = fc.integer({ min: 0, max: 2000 }).map((offset) => addDays('2000-01-03', offset * 7));
const tenths = (min: number, max: number) =>
  fc.integer({ min: min * 10, max: max * 10 }).map((value) => value / 10);
const arbitraryCheckIn = fc.record({
  week,
  updatedAt: fc.constant(0),
  weightKg: fc.option(
    fc.integer({ min: 3000, max: 30000 }).map((dag) => dag / 100),
    {
      nil: undefined,
    },
  ),
  lengthsCm: fc.dictionary(fc.constantFrom('waist', 'chest', 'hips', 'upper arm'), tenths(10, 250)),
  fit: fc.option(fc.constantFrom(...FITS), { nil: undefined }),
  photos: fc.subarray([...POSES]),
});

describe('check-ins in sync', () => {
  it('come back from the compact item as they were saved, notes apart', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryCheckIn, { selector: (one) => one.week, maxLength: 40 }),
        (checkIns) => {
          const saved = checkIns.map((one) => ({
            ...one,
            updatedAt: Date.parse(`${one.week}T10:00:00Z`),
          }));
          const plain = saved.map((one) =>
            Object.fromEntries(Object.entries(one).filter(([, value]) => value !== undefined)),
          );
          const back = decodeSyncedCheckIns(encodeSyncedCheckIns(saved));
          expect(back.sort((a, b) => (a.week < b.week ? -1 : 1))).toEqual(
            plain.sort((a, b) => ((a.week as string) < (b.week as string) ? -1 : 1)),
          );
        },
      ),
    );
  });

  it('keep five years of weekly measurements in one item, the newest weeks when it is full', () => {
    const weeks = Array.from({ length: 260 }, (_, index) =>
      checkIn(addDays('2021-12-06', index * 7), {
        weightKg: 92.35 - index * 0.04,
        lengthsCm: { waist: 101.5 - index * 0.05, chest: 108.2, hips: 104.7 },
        fit: 'same',
        photos: ['front', 'side', 'back'],
      }),
    );
    const item = encodeSyncedCheckIns(weeks);
    const bytes = itemBytes(CHECKINS_KEY, { v: 1, ...item });
    expect(bytes).toBeLessThanOrEqual(CHECKINS_SYNC_BUDGET + 100);
    expect(bytes).toBeLessThan(SYNC_QUOTA.itemBytes);
    const back = decodeSyncedCheckIns(item);
    expect(back.length).toBe(260);
    const twice = [...weeks, ...weeks.map((one) => ({ ...one, week: addDays(one.week, 260 * 7) }))];
    const kept = decodeSyncedCheckIns(encodeSyncedCheckIns(twice));
    expect(kept.length).toBeLessThan(520);
    expect(kept[0]!.week).toBe(twice.at(-1)!.week);
  });

  it('skip a record another version wrote, keeping the rest', () => {
    const item = encodeSyncedCheckIns([checkIn('2026-11-23', { weightKg: 80 })]);
    const back = decodeSyncedCheckIns({ n: item.n, d: `${item.d};zz,1,?;1,2,3,q` });
    expect(back.map(({ week }) => week)).toEqual(['2026-11-23']);
  });

  it('show the newer of a week, keep this device’s note, and drop deleted weeks', () => {
    const own = [
      checkIn('2026-11-16', { weightKg: 81, note: 'mine' }),
      checkIn('2026-11-23', { weightKg: 80, updatedAt: at + 3_600_000 }),
      checkIn('2026-11-30', { weightKg: 79 }),
    ];
    const synced = [
      checkIn('2026-11-16', { weightKg: 81.5, updatedAt: at + 120_000 }),
      checkIn('2026-11-23', { weightKg: 85 }),
      { week: '2026-11-30', updatedAt: at + 60_000, deleted: true as const },
      checkIn('2026-11-09', { weightKg: 82 }),
    ];
    expect(
      mergeCheckIns(own, synced).map(({ week, weightKg, note }) => [week, weightKg, note]),
    ).toEqual([
      ['2026-11-09', 82, undefined],
      ['2026-11-16', 81.5, 'mine'],
      ['2026-11-23', 80, undefined],
    ]);
  });
});

describe('saving and deleting a check-in', () => {
  beforeEach(() => fakeBrowser.reset());
  const deps = () => ({ ...browserAreas(), now: () => at });

  it('keeps the note on this device, syncs the rest and updates the body weight', async () => {
    const { checkIn: saved, synced } = await saveCheckIn(
      deps(),
      checkIn('2026-11-30', { weightKg: 78.4, lengthsCm: { waist: 84 }, note: 'felt good' }),
    );
    expect(synced).toBe(true);
    expect(saved.updatedAt).toBe(at);
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(JSON.stringify(stored[CHECKINS_KEY])).not.toContain('felt good');
    const settings = readVersioned(settingsFormat, stored[SYNC_KEYS.settings]).value;
    expect(settings.bodyWeightKg).toBe(78.4);
    expect(await readCheckIns(browserAreas())).toEqual([saved]);
  });

  it('leaves the body weight alone for an older week', async () => {
    await saveCheckIn(deps(), checkIn('2026-11-30', { weightKg: 78 }));
    await saveCheckIn(deps(), checkIn('2026-11-23', { weightKg: 79 }));
    const stored = await fakeBrowser.storage.sync.get(SYNC_KEYS.settings);
    expect(readVersioned(settingsFormat, stored[SYNC_KEYS.settings]).value.bodyWeightKg).toBe(78);
  });

  it('deletes a week here and on every device', async () => {
    await saveCheckIn(deps(), checkIn('2026-11-30', { weightKg: 78 }));
    await saveCheckIn(deps(), checkIn('2026-11-23', { weightKg: 79 }));
    await deleteCheckIn({ ...deps(), now: () => at + 60_000 }, '2026-11-30');
    expect((await readCheckIns(browserAreas())).map(({ week }) => week)).toEqual(['2026-11-23']);
    const synced = await fakeBrowser.storage.sync.get(CHECKINS_KEY);
    expect(JSON.stringify(synced)).toContain(',x');
  });

  it('keeps a check-in on this device when sync refuses it', async () => {
    const areas = browserAreas();
    const refusing = {
      ...areas,
      sync: { ...areas.sync, set: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) },
      now: () => at,
    };
    const { synced } = await saveCheckIn(refusing, checkIn('2026-11-30', { fit: 'looser' }));
    expect(synced).toBe(false);
    expect((await readCheckIns(areas)).map(({ fit }) => fit)).toEqual(['looser']);
  });
});

describe('check-ins in files', () => {
  const settings = { ...DEFAULT_SETTINGS, updatedAt: at };
  const file = (checkIns: unknown[]) =>
    JSON.stringify({ ...createBackup(settings, [], [], at), checkIns });

  it('go into the export without photos and come back from it', () => {
    const checkIns = [
      checkIn('2026-11-23', {
        weightKg: 80,
        lengthsCm: { waist: 86 },
        note: 'ok',
        photos: ['front'],
      }),
    ];
    const text = serializeBackup(createBackup(settings, [], [], at, checkIns));
    expect(text).not.toMatch(/image\/|data:|\/9j\//);
    const parsed = parseBackup(text, at);
    expect(parsed.ok && parsed.backup.checkIns).toEqual(checkIns);
    // A file from before check-ins has none.
    const older = JSON.parse(text) as Record<string, unknown>;
    delete older.checkIns;
    const parsedOlder = parseBackup(JSON.stringify(older), at);
    expect(parsedOlder.ok && parsedOlder.backup.checkIns).toEqual([]);
  });

  it('are validated on import: a waist of 5 m or a weight of 0 is refused with a message', () => {
    expect(parseBackup(file([checkIn('2026-11-23', { lengthsCm: { waist: 500 } })]), at)).toEqual({
      ok: false,
      messageKey: 'checkin.invalid.length',
      where: 'check-in 1',
    });
    expect(
      parseBackup(file([checkIn('2026-11-16'), checkIn('2026-11-23', { weightKg: 0 })]), at),
    ).toEqual({ ok: false, messageKey: 'checkin.invalid.weight', where: 'check-in 2' });
    expect(parseBackup(file([{ week: '2026-11-23' }]), at)).toMatchObject({ ok: false });
  });

  it('export as CSV, a column per measurement, no formula', () => {
    const csv = checkInsCsv([
      checkIn('2026-11-30', { weightKg: 79.5, lengthsCm: { waist: 85 }, fit: 'looser' }),
      checkIn('2026-11-23', {
        lengthsCm: { waist: 86, chest: 101 },
        note: '=cmd()',
        photos: ['front', 'side'],
      }),
    ]);
    expect(csv).toBe(
      'week,weight_kg,waist_cm,chest_cm,fit,photos,note\r\n' +
        "2026-11-23,,86,101,,front side,'=cmd()\r\n" +
        '2026-11-30,79.5,85,,looser,,\r\n',
    );
  });

  it('are imported beside the ones here (the newer of a week), or in place of them', async () => {
    fakeBrowser.reset();
    const deps = { ...browserAreas(), now: () => at };
    await saveCheckIn(deps, checkIn('2026-11-23', { weightKg: 80, note: 'here' }));
    await saveCheckIn(deps, checkIn('2026-11-30', { weightKg: 79 }));
    const fromFile = [
      checkIn('2026-11-16', { weightKg: 81, updatedAt: at - 86_400_000 }),
      checkIn('2026-11-23', { weightKg: 82, updatedAt: at - 86_400_000 }),
    ];
    await importCheckIns(deps, fromFile, 'add');
    const added = await readCheckIns(browserAreas());
    expect(added.map(({ week, weightKg }) => [week, weightKg])).toEqual([
      ['2026-11-16', 81],
      ['2026-11-23', 80],
      ['2026-11-30', 79],
    ]);
    await importCheckIns(deps, fromFile, 'replace');
    expect((await readCheckIns(browserAreas())).map(({ weightKg }) => weightKg)).toEqual([81, 82]);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { decodeEntry } from '../../lib/store/codec';
import type { NewEntry } from '../../lib/model/entries';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import {
  bucketFormat,
  LOCAL_KEYS,
  readVersioned,
  syncStateFormat,
  type KeyValueArea,
} from '../../lib/store/items';
import { bucketKeys } from '../../lib/store/buckets';
import { readOwnDays } from '../../lib/store/items';
import { Writer } from '../../lib/store/writer';
import { RECENT_LIMIT } from '../../lib/store/commit';
import { WriteRefusedError } from '../../lib/store/month-cache';

const NOW = Date.UTC(2026, 10, 24, 12);
const local = () => fakeBrowser.storage.local as unknown as KeyValueArea;

function writer(overrides: Partial<ConstructorParameters<typeof Writer>[0]> = {}) {
  const onChanged = vi.fn();
  const instance = new Writer({
    local: local(),
    device: 'devA1',
    now: () => NOW,
    settings: async () => ({
      ...DEFAULT_SETTINGS,
      goals: { ...DEFAULT_SETTINGS.goals, waterMl: 2000 },
    }),
    onChanged,
    ...overrides,
  });
  return { writer: instance, onChanged };
}

const water = (ml: number, at = NOW): NewEntry => ({ kind: 'water', ml, at, day: '2026-11-24' });

async function storedEntries(month = '2026-11') {
  const raw = await local().get(bucketKeys(month));
  return bucketKeys(month).flatMap((key) => {
    const bucket = readVersioned(bucketFormat, raw[key]).value;
    return bucket.entries.map((tuple) => decodeEntry(tuple, month, bucket));
  });
}

describe('the writer', () => {
  it('stores an entry with its id, device and day, and updates the day’s record in one set call', async () => {
    const { writer: w, onChanged } = writer();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const {
      entries: [entry],
    } = await w.logEntries([water(250)]);
    expect(entry).toMatchObject({
      kind: 'water',
      ml: 250,
      device: 'devA1',
      day: '2026-11-24',
      id: `devA1-${NOW.toString(36)}`,
    });
    expect(set).toHaveBeenCalledTimes(1);
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(await storedEntries()).toEqual([entry]);
    const days = await readOwnDays(local(), ['2026-11']);
    expect(days.get('2026-11-24')).toMatchObject({ waterMl: 250, waterGoalMl: 2000 });
    const state = readVersioned(
      syncStateFormat,
      (await local().get(LOCAL_KEYS.syncState)).syncState,
    ).value;
    expect(state).toMatchObject({ dirtyMonths: ['2026-11'], first: '2026-11-24' });
  });

  it('computes the day from the start of day when the page does not give one', async () => {
    const { writer: w } = writer({
      settings: async () => ({ ...DEFAULT_SETTINGS, startOfDayHour: 4 }),
    });
    const oneAm = new Date(2026, 10, 24, 1).getTime();
    const {
      entries: [entry],
    } = await w.logEntries([{ kind: 'water', ml: 300, at: oneAm }]);
    expect(entry!.day).toBe('2026-11-23');
  });

  it('loses nothing when many changes arrive at once, and gives each its own id', async () => {
    const { writer: w } = writer();
    const results = await Promise.all(
      Array.from({ length: 200 }, () => w.logEntries([water(100)])),
    );
    const ids = results.flatMap((result) => result.entries).map((entry) => entry.id);
    expect(new Set(ids).size).toBe(200);
    expect(await storedEntries()).toHaveLength(200);
    expect((await readOwnDays(local(), ['2026-11'])).get('2026-11-24')?.waterMl).toBe(20_000);
  });

  it('stores a pause over several days as one entry a day, across months', async () => {
    const { writer: w } = writer();
    const stored = await w.logEntries([
      { kind: 'rest', reason: 'vacation', at: NOW, day: '2026-11-29', until: '2026-12-02' },
    ]);
    expect(stored.entries.map((entry) => entry.day)).toEqual([
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
    expect((await readOwnDays(local(), ['2026-12'])).get('2026-12-02')?.rest).toBe('vacation');
  });

  it('removes entries by id and day, and recomputes the day', async () => {
    const { writer: w } = writer();
    const {
      entries: [first, second],
    } = await w.logEntries([water(250), water(500)]);
    expect(
      await w.removeEntries([
        { id: first!.id, day: first!.day },
        { id: 'devA1-nope', day: first!.day },
      ]),
    ).toEqual([{ id: first!.id, day: first!.day }]);
    expect(await storedEntries()).toEqual([second]);
    expect((await readOwnDays(local(), ['2026-11'])).get('2026-11-24')?.waterMl).toBe(500);
  });

  it('refuses an invalid entry and changes nothing', async () => {
    const { writer: w, onChanged } = writer();
    await expect(w.logEntries([water(250), water(-1)])).rejects.toThrow('invalid.waterMl');
    expect(await local().get(null)).toEqual({});
    expect(onChanged).not.toHaveBeenCalled();
    // The queue goes on after a refusal.
    await expect(w.logEntries([water(250)])).resolves.toMatchObject({
      entries: [expect.anything()],
    });
  });

  it('will not rewrite a month written by a newer version', async () => {
    await local().set({ [LOCAL_KEYS.bucket('2026-11')]: { v: 9, future: true } });
    const { writer: w } = writer();
    await expect(w.logEntries([water(250)])).rejects.toThrow(WriteRefusedError);
    expect((await local().get(LOCAL_KEYS.bucket('2026-11')))[LOCAL_KEYS.bucket('2026-11')]).toEqual(
      { v: 9, future: true },
    );
  });

  it('keeps tuples it cannot read as they are', async () => {
    const odd = ['z', 0, 24, 0, 'from a newer version'];
    await local().set({
      [LOCAL_KEYS.bucket('2026-11')]: { v: 1, devices: ['devA1'], exercises: [], entries: [odd] },
    });
    const { writer: w } = writer();
    await w.logEntries([water(250)]);
    const raw = (await local().get(LOCAL_KEYS.bucket('2026-11')))[LOCAL_KEYS.bucket('2026-11')] as {
      entries: unknown[];
    };
    expect(raw.entries).toEqual([odd]);
    const recent = (await local().get(LOCAL_KEYS.recent('2026-11')))[
      LOCAL_KEYS.recent('2026-11')
    ] as { entries: unknown[] };
    expect(recent.entries).toHaveLength(1);
  });

  it('keeps the water goal a past day was judged by when the goal changes', async () => {
    let goal = 2000;
    const { writer: w } = writer({
      settings: async () => ({
        ...DEFAULT_SETTINGS,
        goals: { ...DEFAULT_SETTINGS.goals, waterMl: goal },
      }),
    });
    await w.logEntries([{ ...water(2000), day: '2026-11-20' }]);
    goal = 3000;
    await w.logEntries([water(250)]);
    const days = await readOwnDays(local(), ['2026-11']);
    expect(days.get('2026-11-20')?.waterGoalMl).toBe(2000);
    expect(days.get('2026-11-24')?.waterGoalMl).toBe(3000);
  });

  it('keeps personal records as sets come and go, and says which a set broke', async () => {
    const { writer: w } = writer();
    const set = (reps: number, kg: number, at = NOW): NewEntry => ({
      kind: 'set',
      exercise: 'deadlift',
      reps,
      weight: { amount: kg, unit: 'kg' },
      at,
      day: '2026-11-24',
    });
    expect((await w.logEntries([set(8, 60)])).records).toEqual([['heaviest', 'oneRepMax']]);
    expect((await w.logEntries([set(8, 60)])).records).toEqual([[]]);
    const { entries, records } = await w.logEntries([
      set(5, 70),
      { kind: 'water', ml: 250, at: NOW },
    ]);
    expect(records).toEqual([['heaviest', 'oneRepMax'], []]);
    // Undoing the record set brings the records back to what the other sets earned.
    await w.removeEntries([{ id: entries[0]!.id, day: entries[0]!.day }]);
    expect((await w.logEntries([set(3, 65)])).records).toEqual([['heaviest']]);
  });
});

describe('the writer’s groups', () => {
  it('commits the changes that arrive while a commit is in flight together, in one set call', async () => {
    const { writer: w, onChanged } = writer();
    const store = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    let rest: Promise<unknown>[] = [];
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation((items) => {
      // 50 changes arrive while the first commit is in flight.
      if (rest.length === 0)
        rest = Array.from({ length: 50 }, (_, index) => w.logEntries([water(2 + index)]));
      return store(items);
    });
    await w.logEntries([water(1)]);
    await Promise.all(rest);
    expect(set).toHaveBeenCalledTimes(2);
    expect(onChanged).toHaveBeenCalledTimes(2);
    expect(await storedEntries()).toHaveLength(51);
  });

  it('refuses a bad change alone and stores the others of its group', async () => {
    const { writer: w } = writer();
    const results = await Promise.allSettled([
      w.logEntries([water(100)]),
      w.logEntries([water(200), water(-1)]),
      w.logEntries([water(300)]),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await storedEntries()).map((entry) => (entry.kind === 'water' ? entry.ml : 0))).toEqual(
      [100, 300],
    );
    expect((await readOwnDays(local(), ['2026-11'])).get('2026-11-24')?.waterMl).toBe(400);
  });

  it('stores a change sent again with the same id once, and answers it again', async () => {
    const { writer: w } = writer();
    const first = await w.logEntries([water(250)], 'change-0001');
    // The worker stopped before answering: a new writer reads the change ids from storage.
    const again = await writer().writer.logEntries([water(250)], 'change-0001');
    expect(again.entries).toEqual(first.entries);
    const [twice, thrice] = await Promise.all([
      w.logEntries([water(500)], 'change-0002'),
      w.logEntries([water(500)], 'change-0002'),
    ]);
    expect(thrice.entries).toEqual(twice.entries);
    expect(await storedEntries()).toHaveLength(2);
    const removal = [{ id: first.entries[0]!.id, day: first.entries[0]!.day }];
    expect(await w.removeEntries(removal, 'change-0003')).toEqual(removal);
    expect(await writer().writer.removeEntries(removal, 'change-0003')).toEqual(removal);
    expect(await storedEntries()).toHaveLength(1);
  });

  it('keeps an entry id unique across months: an instant already used in the next month is moved on', async () => {
    const { writer: w } = writer();
    const midnight = Date.UTC(2026, 11, 1);
    const [december] = (
      await w.logEntries([{ kind: 'water', ml: 100, at: midnight, day: '2026-12-01' }])
    ).entries;
    const [november] = (
      await w.logEntries([{ kind: 'water', ml: 200, at: midnight, day: '2026-11-30' }])
    ).entries;
    expect(november!.id).not.toBe(december!.id);
  });

  it('reads a month once, then keeps it, and reads it again after someone else wrote', async () => {
    const { writer: w } = writer();
    await w.logEntries([water(100)]);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await w.logEntries([water(200)]);
    expect(get.mock.calls.flat()).toEqual([[LOCAL_KEYS.writer]]);
    // Another use case writes the month: the storage event makes the writer read it again.
    const raw = (await local().get(LOCAL_KEYS.recent('2026-11')))[LOCAL_KEYS.recent('2026-11')];
    await local().set({
      [LOCAL_KEYS.recent('2026-11')]: { ...(raw as object), entries: [] },
    });
    w.onStorageChanged({ [LOCAL_KEYS.recent('2026-11')]: { newValue: {} } });
    await w.logEntries([water(300)]);
    expect((await storedEntries()).map((entry) => (entry.kind === 'water' ? entry.ml : 0))).toEqual(
      [300],
    );
  });

  it('notices a cleared storage through its stamp, even before the storage event', async () => {
    const { writer: w } = writer();
    await w.logEntries([water(100)]);
    await fakeBrowser.storage.local.clear();
    await w.logEntries([water(300)]);
    expect(await storedEntries()).toHaveLength(1);
  });

  it('writes a log into the month’s small recent item, and moves those into the month when it is full', async () => {
    const { writer: w } = writer();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    for (let index = 0; index < RECENT_LIMIT + 1; index++) await w.logEntries([water(100)]);
    const written = set.mock.calls.map(([items]) => Object.keys(items));
    expect(written[0]).not.toContain(LOCAL_KEYS.bucket('2026-11'));
    expect(written[0]).toContain(LOCAL_KEYS.recent('2026-11'));
    expect(written.filter((keys) => keys.includes(LOCAL_KEYS.bucket('2026-11')))).toHaveLength(1);
    const raw = await local().get(bucketKeys('2026-11'));
    const sizes = bucketKeys('2026-11').map(
      (key) => (raw[key] as { entries: unknown[] }).entries.length,
    );
    expect(sizes).toEqual([RECENT_LIMIT, 1]);
    expect(await storedEntries()).toHaveLength(RECENT_LIMIT + 1);
    expect((await readOwnDays(local(), ['2026-11'])).get('2026-11-24')?.waterMl).toBe(
      100 * (RECENT_LIMIT + 1),
    );
  });
});

describe('what the writer keeps', () => {
  const inMonth = (month: number): NewEntry => {
    const at = Date.UTC(2026, month, 15, 12);
    return { kind: 'water', ml: 100, at, day: new Date(at).toISOString().slice(0, 10) };
  };

  it('keeps the months it used last: today’s month is not read again, one let go is', async () => {
    const { writer: w } = writer();
    for (let month = 0; month < 10; month++) await w.logEntries([inMonth(month)]);
    await w.logEntries([water(100)]);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await w.logEntries([water(200)]);
    expect(get.mock.calls.flat()).toEqual([[LOCAL_KEYS.writer]]);
    await w.logEntries([inMonth(0)]);
    expect(get.mock.calls.flat(2)).toContain(LOCAL_KEYS.bucket('2026-01'));
    expect(await storedEntries('2026-01')).toHaveLength(2);
    expect((await readOwnDays(local(), ['2026-01'])).get('2026-01-15')?.waterMl).toBe(200);
  });
});

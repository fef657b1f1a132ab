import { beforeEach, describe, expect, it } from 'vitest';
import type { NewEntry } from '../../lib/model/entries';
import { readAllEntries, readOverview } from '../../lib/app/overview';
import { LOCAL_KEYS, type KeyValueArea } from '../../lib/store/items';
import { monthOfBucketKey } from '../../lib/store/buckets';
import { createWorker, STORAGE_FULL_NOTIFICATION } from '../../lib/app/worker';
import { WAITING_LOGS_KEY } from '../../lib/store/waiting-logs';
import { MemoryArea, QuotaLocalArea } from './quota-area';
import { fakeWorkerDependencies } from './worker-deps';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const NOW = Date.UTC(2026, 10, 24, 12);
const DAY_MS = 86_400_000;
const QUOTA = 400_000;

/** Two years and more of a few entries a day, sets included, up to yesterday. */
function history(days: number): NewEntry[] {
  return Array.from({ length: days }, (_, index) => {
    const at = NOW - (days - index) * DAY_MS;
    return [
      { kind: 'water' as const, ml: 250, at },
      {
        kind: 'set' as const,
        exercise: 'deadlift',
        reps: 8,
        // The best set is in the oldest year: the record must survive its removal.
        weight: { amount: index < 30 ? 100 : 60, unit: 'kg' as const },
        at: at + 7_200_000,
      },
      {
        kind: 'prompt' as const,
        prompt: 'posture' as const,
        outcome: 'done' as const,
        firedAt: at,
        at: at + 60_000,
      },
    ];
  }).flat();
}

interface Browser {
  local: KeyValueArea & { data: Map<string, string> };
  sync: MemoryArea;
  /** storage.session: it outlives a stopped worker within the browser's session. */
  session: MemoryArea | undefined;
}

function browserWith(quota = QUOTA, withSession = true): Browser {
  const session = withSession ? new MemoryArea() : undefined;
  return { local: new QuotaLocalArea(quota), sync: new MemoryArea(), session };
}

/** A worker started on the browser's storage (again, after the one before was stopped). */
async function startWorker({ local, sync, session }: Browser) {
  const worker = createWorker(
    fakeWorkerDependencies(() => NOW, { local, sync, ...(session ? { session } : {}) }),
  );
  await worker.resume();
  return worker;
}

async function logAll(worker: ReturnType<typeof createWorker>, entries: NewEntry[]) {
  for (let start = 0; start < entries.length; start += 500)
    await worker.handlers.logEntries({ entries: entries.slice(start, start + 500) });
}

/** Something else fills storage.local to `room` bytes under its quota. */
async function fill({ local }: Browser, room: number) {
  const used = (local as QuotaLocalArea).bytesInUse();
  await local.set({ padding: 'x'.repeat(QUOTA - used - room - 'padding""'.length) });
}

/** What the pages show from the daily and personal records: streaks, totals, records. */
async function figures({ local, sync }: Browser) {
  const { reports, records, history: days, todayTotals } = await readOverview({ local, sync }, NOW);
  return { reports, records, days, todayTotals };
}

const glass = (ml: number): NewEntry => ({ kind: 'water', ml, at: NOW });

beforeEach(() => {
  fakeBrowser.reset();
});

describe('removing old history', () => {
  it('frees the entries of the years before one, and keeps streaks, records and sync', async () => {
    const browser = browserWith(4_000_000);
    const worker = await startWorker(browser);
    await logAll(worker, history(800));
    await worker.handlers.syncNow({});
    const before = await figures(browser);
    const synced = await browser.sync.get(null);

    const years = await worker.handlers.historyYears({});
    expect(years.currentYear).toBe(2026);
    expect(years.years.map(({ year }) => year)).toEqual([2024, 2025]);
    expect(years.years.every(({ bytes }) => bytes > 1_000)).toBe(true);

    const { freedBytes } = await worker.handlers.removeOldHistory({ before: 2025 });
    expect(freedBytes).toBe(years.years[0]!.bytes);
    const months = Object.keys(await browser.local.get(null)).flatMap(
      (key) => monthOfBucketKey(key) ?? [],
    );
    expect(months.length).toBeGreaterThan(0);
    expect(months.every((month) => month >= '2025-01')).toBe(true);
    expect((await readAllEntries(browser.local)).every((entry) => entry.day >= '2025')).toBe(true);
    expect(await figures(browser)).toEqual(before);
    expect(await browser.sync.get(null)).toEqual(synced);
    expect((await worker.handlers.historyYears({})).years.map(({ year }) => year)).toEqual([2025]);
  });

  it('is refused in words when it would take this year or remove nothing', async () => {
    const browser = browserWith(4_000_000);
    const worker = await startWorker(browser);
    await logAll(worker, history(400));
    const stored = await browser.local.get(null);
    await expect(worker.handlers.removeOldHistory({ before: 2027 })).rejects.toThrow(
      'history.currentYear',
    );
    await expect(worker.handlers.removeOldHistory({ before: 2025 })).rejects.toThrow(
      'history.nothingBefore',
    );
    expect(await browser.local.get(null)).toEqual(stored);
  });
});

describe('a log into a full storage', () => {
  it('waits for room, said in words, and is stored once there is, even across a restart', async () => {
    const browser = browserWith();
    const first = await startWorker(browser);
    await logAll(first, history(500));
    await fill(browser, 20);

    const reply = await first.handlers.logEntries({ entries: [glass(321)], changeId: 'page1abcd' });
    expect(reply).toEqual({ entries: [], records: [], pending: { key: 'storage.savedForLater' } });
    // The page sends it again (its answer was lost): it waits once.
    await first.handlers.logEntries({ entries: [glass(321)], changeId: 'page1abcd' });
    await expect(fakeBrowser.notifications.getAll()).resolves.toHaveProperty(
      STORAGE_FULL_NOTIFICATION,
    );
    const stored = async () =>
      (await readAllEntries(browser.local)).filter(
        (entry) => entry.kind === 'water' && entry.ml === 321,
      );
    expect(await stored()).toEqual([]);

    // The worker is stopped; the next one finds the log waiting, still without room.
    const second = await startWorker(browser);
    expect(await stored()).toEqual([]);
    expect(await browser.session!.get(WAITING_LOGS_KEY)).toHaveProperty(WAITING_LOGS_KEY);

    await second.handlers.removeOldHistory({ before: 2026 });
    expect(await stored()).toHaveLength(1);
    expect(await browser.session!.get(null)).toEqual({});
    expect(await fakeBrowser.notifications.getAll()).toEqual({});

    await startWorker(browser);
    expect(await stored()).toHaveLength(1);
  });

  it('is stored once when the worker stopped between storing it and letting it go', async () => {
    const browser = browserWith();
    const first = await startWorker(browser);
    await logAll(first, history(500));
    await fill(browser, 20);
    await first.handlers.logEntries({ entries: [glass(321)] });
    await browser.local.remove('padding');
    // The commit stores it; then the worker stops before storage.session lets it go.
    const session = browser.session!;
    const remove = session.remove.bind(session);
    session.remove = () => Promise.reject(new Error('the worker stopped'));
    await startWorker(browser);
    session.remove = remove;
    expect(await session.get(null)).toHaveProperty(WAITING_LOGS_KEY);

    await startWorker(browser);
    const glasses = (await readAllEntries(browser.local)).filter(
      (entry) => entry.kind === 'water' && entry.ml === 321,
    );
    expect(glasses).toHaveLength(1);
    expect(await session.get(null)).toEqual({});
  });

  it('is taken by the reset that makes room', async () => {
    const browser = browserWith(QUOTA);
    const worker = await startWorker(browser);
    await logAll(worker, history(60));
    await fill(browser, 20);
    expect((await worker.handlers.logEntries({ entries: [glass(321)] })).pending).toBeDefined();
    await browser.local.remove('padding');
    await worker.handlers.resetData({});
    const entries = await readAllEntries(browser.local);
    expect(entries.map((entry) => (entry.kind === 'water' ? entry.ml : 0))).toEqual([321]);
  });

  it('is refused in words, nothing changed, where the browser has no storage.session', async () => {
    const browser = browserWith(QUOTA, false);
    const worker = await startWorker(browser);
    await logAll(worker, history(60));
    await fill(browser, 20);
    const before = await browser.local.get(null);
    await expect(worker.handlers.logEntries({ entries: [glass(321)] })).rejects.toThrow(
      'storage.full',
    );
    expect(await browser.local.get(null)).toEqual(before);
  });

  it('a prompt answered into a full storage waits too, and is stored once with room', async () => {
    const browser = browserWith();
    const worker = await startWorker(browser);
    await logAll(worker, history(500));
    await fill(browser, 20);
    const answered = await worker.handlers.answerPrompt({ kind: 'posture', outcome: 'done' });
    expect(answered).toBeDefined();
    const doneNow = async () =>
      (await readAllEntries(browser.local)).filter(
        (entry) => entry.kind === 'prompt' && entry.at === NOW,
      );
    expect(await doneNow()).toEqual([]);
    await worker.handlers.removeOldHistory({ before: 2026 });
    expect(await doneNow()).toHaveLength(1);
    expect(LOCAL_KEYS.nudgeState in (await browser.local.get(null))).toBe(true);
  });
});

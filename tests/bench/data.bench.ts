/**
 * The data path in headless Chromium with the built extension, a year of history from three
 * devices (this one's in local storage, two others' in sync):
 * - burst_1000_logs_ms: 1,000 water logs sent at once (400 from the popup and 400 from the
 *   options page, each page's in one task, so on the wire as the pages' sender puts them: in
 *   batches; 200 from the worker itself) until the last is acknowledged; every one stored once;
 * - burst_1000_messages_floor_ms: 1,000 requests for the worker's status (nothing to store),
 *   each a message of its own: what the browser's messaging alone costs without batches;
 * - log_roundtrip_heavy_month_ms: one water log from the popup page to its acknowledgement,
 *   with 3,000 entries in the month and the popup and progress pages open, median;
 * - progress_ready_5y_ms, popup_ready_100k_ms (with five years of weekly check-ins and three
 *   photos a week kept here): the progress page and the popup, from navigation
 *   to their ready marks, with five heavy years (100,000 entries) in this browser, medians;
 * - progress_ready_5y_cold_ms: the same progress page opened first after the worker started
 *   (stopped before each opening, as Chromium stops an idle one), median;
 * - worker_heap_5y_mb: the worker's heap, garbage collected, after five heavy years were logged
 *   through it (a day's entries a message) and 1,000 more logs of today.
 */
import { randomUUID } from 'node:crypto';
import type { Worker } from 'playwright-core';
import { addDays, localDayKey, type DayKey } from '../../lib/model/days';
import type { Entry, NewEntry } from '../../lib/model/entries';
import { MAX_IMPORT_BATCH } from '../../lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { launchExtension, type LaunchedExtension } from '../e2e/launch';
import { storedEntries } from '../e2e/storage';
import { ExtensionPage } from '../e2e/pages';
import { callHandler, logWaterInWorker, stopWorkers } from '../e2e/worker';
import type { Benchmark, Figure } from './figures';
import { daysBack, heavyDay, writeOtherDevices } from './heavy-use';
import { median } from './timing';
import type { CheckIn } from '../../lib/model/checkin';
import { testJpeg } from '../e2e/checkin-pages';
import { checkInItems, fiveYearsOfCheckIns } from './checkins';
import { workerHeapMb } from './worker-heap';

const ROUNDTRIPS = 21;
const OPENINGS = 7;
const COLD_OPENINGS = 5;

async function deviceOf(worker: Worker): Promise<string> {
  return ((await callHandler(worker, 'getStatus')) as { device: string }).device;
}

/**
 * Stores entries through the worker's own import, as the options page does: staged in parts
 * (kept as compact as the months they go into), then added in one use case.
 */
async function importAll(worker: Worker, entries: Entry[]): Promise<void> {
  const id = 'bench';
  let parts = 0;
  for (let start = 0; start < entries.length; start += MAX_IMPORT_BATCH, parts++) {
    await callHandler(worker, 'stageImport', {
      id,
      part: parts,
      entries: entries.slice(start, start + MAX_IMPORT_BATCH),
    });
  }
  // An import that adds keeps the settings here: the ones it carries are not used.
  await callHandler(worker, 'commitImport', {
    id,
    parts,
    mode: 'add',
    settings: DEFAULT_SETTINGS,
    customExercises: [],
  });
  await callHandler(worker, 'syncNow');
}

/** An entry moved to another instant (and the day of that instant), its prompt times with it. */
function movedTo(entry: Entry, at: number, device: string): Entry {
  const place = { at, day: localDayKey(at), id: `${device}-${at.toString(36)}` };
  if (entry.kind !== 'prompt') return { ...entry, ...place };
  const shift = at - entry.at;
  return {
    ...entry,
    ...place,
    firedAt: entry.firedAt + shift,
    ...(entry.answeredAt !== undefined && { answeredAt: entry.answeredAt + shift }),
  };
}

/**
 * `count` entries of a heavy user's kind, spread evenly over this month up to a minute ago
 * (whatever the day and hour the benchmark runs at, none is in the future).
 */
function crowdedMonth(today: DayKey, device: string, count: number): Entry[] {
  const kinds = heavyDay(today, device);
  const start = new Date(`${today.slice(0, 7)}-01T00:00:00`).getTime();
  const step = (Date.now() - 60_000 - start) / count;
  return Array.from({ length: count }, (_, index) =>
    movedTo(kinds[index % kinds.length]!, Math.floor(start + index * step), device),
  );
}

/** The worker's status asked for `count` times at once inside the worker, as its callers do. */
function statusInWorker(worker: Worker, count: number): Promise<unknown> {
  return worker.evaluate(
    (times) =>
      Promise.all(
        Array.from({ length: times }, () =>
          (
            globalThis as unknown as {
              backbone: { handlers: Record<string, (data: unknown) => Promise<unknown>> };
            }
          ).backbone.handlers.getStatus!({}),
        ),
      ),
    count,
  );
}

/** One water log per amount, as a page sends it (with its change id). */
const water = (ml: number) => ({
  type: 'logEntries',
  data: {
    entries: [{ kind: 'water', ml, at: Date.now() }],
    changeId: randomUUID().replace(/-/g, ''),
  },
});

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => from + index);

async function heavyMonth(extension: LaunchedExtension): Promise<Figure[]> {
  const worker = await extension.worker();
  const device = await deviceOf(worker);
  const today = localDayKey(Date.now());
  const earlier = daysBack(addDays(today, -1), 365).filter(
    (day) => !day.startsWith(today.slice(0, 7)),
  );
  const month = crowdedMonth(today, device, 3000);
  await importAll(worker, [...earlier.flatMap((day) => heavyDay(day, device)), ...month]);
  await writeOtherDevices(worker, today);

  const popup = await extension.context.newPage();
  await popup.goto(extension.url('popup.html'));
  await popup.waitForFunction(() => performance.getEntriesByName('popup-ready').length > 0);
  const progress = await extension.context.newPage();
  await progress.goto(extension.url('progress.html'));
  await progress.waitForFunction(
    () => performance.getEntriesByName('progress-ready').length > 0,
    undefined,
    { timeout: 120_000 },
  );
  const roundtrips = await popup.evaluate(async (count) => {
    const times: number[] = [];
    for (let index = 0; index < count; index++) {
      // Each log after the pages have taken in the last one, as a user's clicks are.
      await new Promise((resolve) => setTimeout(resolve, 250));
      const start = performance.now();
      const reply = await chrome.runtime.sendMessage({
        type: 'logEntries',
        data: { entries: [{ kind: 'water', ml: 250, at: Date.now() }] },
      });
      if (!reply?.ok) throw new Error(JSON.stringify(reply));
      times.push(performance.now() - start);
    }
    return times;
  }, ROUNDTRIPS);
  await progress.close();

  const options = await extension.context.newPage();
  await options.goto(extension.url('options.html'));
  const before = (await storedEntries(worker)).length;
  const started = Date.now();
  const replies = await Promise.all([
    new ExtensionPage(popup).sendTogether(range(1, 400).map(water)),
    new ExtensionPage(options).sendTogether(range(401, 800).map(water)),
    logWaterInWorker(worker, range(801, 1000)),
  ]);
  const burstMs = Date.now() - started;
  const stored = await storedEntries(worker);
  const ids = new Set(stored.map((entry) => entry.id));
  if (
    replies.flat().length !== 1000 ||
    stored.length !== before + 1000 ||
    ids.size !== stored.length
  )
    throw new Error(`burst: ${stored.length - before} stored of 1000, ${ids.size} distinct ids`);
  const status = { type: 'getStatus', data: {} };
  const floorStarted = Date.now();
  await Promise.all([
    new ExtensionPage(popup).send(range(1, 400).map(() => status)),
    new ExtensionPage(options).send(range(401, 800).map(() => status)),
    statusInWorker(worker, 200),
  ]);
  const floorMs = Date.now() - floorStarted;
  await popup.close();
  await options.close();
  return [
    { name: 'log_roundtrip_heavy_month_ms', value: median(roundtrips), unit: 'ms', target: 20 },
    { name: 'burst_1000_logs_ms', value: burstMs, unit: 'ms', target: 1000 },
    { name: 'burst_1000_messages_floor_ms', value: floorMs, unit: 'ms' },
  ];
}

/** When a newly opened page set its ready mark, from its navigation. */
async function openedReadyAt(
  extension: LaunchedExtension,
  path: string,
  mark: string,
): Promise<number> {
  const page = await extension.context.newPage();
  await page.goto(extension.url(path));
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, {
    timeout: 120_000,
  });
  const at = await page.evaluate((name) => performance.getEntriesByName(name)[0]!.startTime, mark);
  await page.close();
  return at;
}

/** Medians of a page's ready mark over several openings (the first warms the caches). */
async function readyMs(extension: LaunchedExtension, path: string, mark: string): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index <= OPENINGS; index++) {
    const at = await openedReadyAt(extension, path, mark);
    if (index > 0) times.push(at);
  }
  return median(times);
}

/** Five years of weekly check-ins in both items, and their photos (three a week) in IndexedDB. */
async function writeCheckIns(extension: LaunchedExtension, checkIns: CheckIn[]): Promise<void> {
  const items = checkInItems(checkIns);
  const worker = await extension.worker();
  await worker.evaluate(async ({ local, sync }) => {
    await chrome.storage.local.set(local);
    await chrome.storage.sync.set(sync);
  }, items);
  const page = await extension.context.newPage();
  await page.goto(extension.url('checkin.html'));
  await page.getByRole('heading', { name: 'Weekly check-in' }).waitFor();
  const photo = [...(await testJpeg(page, 1200, 1600))];
  const thumb = [...(await testJpeg(page, 300, 400))];
  await page.evaluate(
    async ({ weeks, photo, thumb }) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('backbone-photos', 1);
        request.onsuccess = () => resolve(request.result);
      });
      const writing = db.transaction(['photos', 'thumbs'], 'readwrite');
      const full = new Blob([new Uint8Array(photo)], { type: 'image/jpeg' });
      const small = new Blob([new Uint8Array(thumb)], { type: 'image/jpeg' });
      for (const week of weeks)
        for (const pose of ['front', 'side', 'back']) {
          const id = `${week}.${pose}`;
          writing.objectStore('photos').put({ id, week, pose, bytes: full.size, blob: full });
          writing.objectStore('thumbs').put({ id, week, pose, bytes: small.size, blob: small });
        }
      await new Promise((resolve) => (writing.oncomplete = resolve));
      db.close();
    },
    { weeks: checkIns.map(({ week }) => week), photo, thumb },
  );
  await page.close();
}

/** When the running worker started. */
async function workerStartedAt(extension: LaunchedExtension): Promise<number> {
  return ((await callHandler(await extension.worker(), 'getStatus')) as { startedAt: number })
    .startedAt;
}

/**
 * The median of a page's ready mark when it is the first thing the worker does after starting;
 * the run fails if the worker was not started anew.
 */
async function coldReadyMs(
  extension: LaunchedExtension,
  path: string,
  mark: string,
): Promise<number> {
  const blank = await extension.context.newPage();
  const times: number[] = [];
  for (let index = 0; index < COLD_OPENINGS; index++) {
    const before = await workerStartedAt(extension);
    await stopWorkers(extension, blank);
    times.push(await openedReadyAt(extension, path, mark));
    if ((await workerStartedAt(extension)) === before)
      throw new Error(`${path}: the worker was not stopped before opening ${index + 1}`);
  }
  await blank.close();
  return median(times);
}

async function fiveYears(extension: LaunchedExtension): Promise<Figure[]> {
  const worker = await extension.worker();
  const device = await deviceOf(worker);
  const today = localDayKey(Date.now());
  // 55 entries a day for five years: 100,000 entries.
  const days = daysBack(addDays(today, -1), 1819);
  await importAll(
    worker,
    days.flatMap((day) => heavyDay(day, device, 12)),
  );
  await writeOtherDevices(worker, today);
  await writeCheckIns(extension, fiveYearsOfCheckIns(today));
  const coldMs = await coldReadyMs(extension, 'progress.html', 'progress-ready');
  return [
    { name: 'progress_ready_5y_cold_ms', value: coldMs, unit: 'ms', target: 600 },
    {
      name: 'progress_ready_5y_ms',
      value: await readyMs(extension, 'progress.html', 'progress-ready'),
      unit: 'ms',
      target: 500,
    },
    {
      name: 'popup_ready_100k_ms',
      value: await readyMs(extension, 'popup.html', 'popup-ready'),
      unit: 'ms',
      target: 150,
    },
  ];
}

/** Logs each list of entries as one message inside the worker, all lists at once. */
function logInWorker(worker: Worker, messages: NewEntry[][]): Promise<unknown> {
  return worker.evaluate(
    (lists) =>
      Promise.all(
        lists.map((entries) =>
          (
            globalThis as unknown as {
              backbone: { handlers: Record<string, (data: unknown) => Promise<unknown>> };
            }
          ).backbone.handlers.logEntries!({ entries }),
        ),
      ),
    messages,
  );
}

/** An entry as a page logs it: the worker gives it its id, device and day. */
function asLogged({ id: _id, device: _device, day: _day, ...entry }: Entry): NewEntry {
  return entry as NewEntry;
}

async function loggedHistory(extension: LaunchedExtension): Promise<Figure[]> {
  const worker = await extension.worker();
  const { device, startedAt } = (await callHandler(worker, 'getStatus')) as {
    device: string;
    startedAt: number;
  };
  const today = localDayKey(Date.now());
  const days = daysBack(addDays(today, -1), 1819);
  // A month's days at a time, each day's entries as one message.
  for (let start = 0; start < days.length; start += 30) {
    await logInWorker(
      worker,
      days.slice(start, start + 30).map((day) => heavyDay(day, device, 12).map(asLogged)),
    );
  }
  await logWaterInWorker(worker, range(1, 1000));
  const heapMb = await workerHeapMb(extension);
  // A worker Chromium stopped and started again would hold nothing of the history.
  if (((await callHandler(worker, 'getStatus')) as { startedAt: number }).startedAt !== startedAt)
    throw new Error('worker_heap_5y_mb: the worker was restarted while the history was logged');
  return [{ name: 'worker_heap_5y_mb', value: heapMb, unit: 'MB', target: 10 }];
}

async function inFreshBrowser(run: (extension: LaunchedExtension) => Promise<Figure[]>) {
  const extension = await launchExtension();
  try {
    return await run(extension);
  } finally {
    await extension.close();
  }
}

const benchmark: Benchmark = {
  title: 'data path in Chromium',
  async run() {
    return [
      ...(await inFreshBrowser(heavyMonth)),
      ...(await inFreshBrowser(fiveYears)),
      ...(await inFreshBrowser(loggedHistory)),
    ];
  },
};

export default benchmark;

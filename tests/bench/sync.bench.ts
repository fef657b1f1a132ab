/**
 * Sync within its quotas, through the real encoding and planner:
 * - five years of heavy use on three devices, each planning its items beside the others', the
 *   settings with the most periods of what earlier days expected and five years of weekly
 *   check-ins (weight, three lengths, fit and photos taken);
 * - a burst of 300 logs in 60 seconds through the real writer and worker, with the flush alarm
 *   fired when its time comes, counting sync write operations;
 * - ten years of heavy use in one device's local storage.
 */
import { encodeEntry } from '../../lib/store/codec';
import {
  LOCAL_KEYS,
  encodeOwnDays,
  settingsFormat,
  SYNC_KEYS,
  writeVersioned,
} from '../../lib/store/items';
import { addDays } from '../../lib/model/days';
import { periodOf, type Expectations } from '../../lib/model/expectations';
import { DEFAULT_SETTINGS, MAX_EXPECTATION_PERIODS, type Settings } from '../../lib/model/settings';
import { summarizeEntries } from '../../lib/stats/summary';
import { itemBytes, planSync, SYNC_QUOTA } from '../../lib/sync/plan';
import { QuotaSyncArea } from '../unit/quota-area';
import { simulatedWorker } from './simulated-worker';
import type { Benchmark, Figure } from './figures';
import { daysBack, heavyDay } from './heavy-use';
import { checkInItems, fiveYearsOfCheckIns } from './checkins';

const TODAY = '2026-11-24';
const DEVICES = ['k3j9x2aa01', 'p8d0w4bb02', 'z1m7c6cc03'];

/** The settings after a change of what days expect on each of the most days kept. */
function settingsWithLongestPast(): Settings {
  const changed: Expectations = {
    goals: {
      waterMl: 2750,
      postureChecks: 12,
      movementBreaks: 12,
      breathingSessions: 6,
      workoutsPerWeek: 7,
    },
    nudgeFreeWeekdays: [6, 7],
  };
  return {
    ...DEFAULT_SETTINGS,
    updatedAt: Date.now(),
    pastExpectations: Array.from({ length: MAX_EXPECTATION_PERIODS }, (_, index) =>
      periodOf(addDays(TODAY, (index - MAX_EXPECTATION_PERIODS) * 20), changed),
    ),
  };
}

async function fiveYearsThreeDevices(): Promise<Figure[]> {
  const sync = new QuotaSyncArea();
  await sync.set({
    [SYNC_KEYS.settings]: writeVersioned(settingsFormat, settingsWithLongestPast()),
    ...checkInItems(fiveYearsOfCheckIns(TODAY)).sync,
  });
  const days = daysBack(TODAY, 5 * 365);
  for (const device of DEVICES) {
    const records = summarizeEntries(
      days.flatMap((day) => heavyDay(day, device)),
      Date.now(),
      2500,
    );
    const plan = planSync(device, records, await sync.get(null), {
      today: TODAY,
      first: days[0]!,
      rev: Date.now(),
      goalMl: 2500,
    });
    await sync.set(plan.set);
  }
  const all = await sync.get(null);
  return [
    {
      name: 'sync_bytes_5y_3dev',
      value: sync.bytesInUse(),
      unit: 'bytes',
      target: SYNC_QUOTA.bytes * 0.4,
    },
    {
      name: 'sync_bytes_5y_3dev_share',
      value: sync.bytesInUse() / SYNC_QUOTA.bytes,
      unit: 'of quota',
      target: 0.4,
    },
    {
      name: 'sync_max_item_bytes',
      value: Math.max(...Object.entries(all).map(([key, value]) => itemBytes(key, value))),
      unit: 'bytes',
      target: SYNC_QUOTA.itemBytes,
    },
    { name: 'sync_items', value: Object.keys(all).length, unit: 'items', target: SYNC_QUOTA.items },
    { name: 'sync_quota_errors_5y', value: sync.quotaErrors, unit: 'errors', target: 0 },
  ];
}

async function burst(): Promise<Figure[]> {
  // A Saturday: no nudges, so every sync write counted comes from the burst.
  const start = new Date(2026, 10, 28, 9).getTime();
  const simulation = simulatedWorker(start);
  await simulation.worker.resume();
  for (let index = 0; index < 300; index++) {
    await simulation.advanceTo(start + index * 200);
    await simulation.worker.handlers.logEntries({
      entries: [{ kind: 'water', ml: 250, at: start + index * 200 }],
    });
  }
  await simulation.advanceTo(start + 180_000);
  return [
    {
      name: 'burst_sync_writes',
      value: simulation.sync.writeTimes.length,
      unit: 'writes',
      target: 30,
    },
    { name: 'burst_quota_errors', value: simulation.sync.quotaErrors, unit: 'errors', target: 0 },
  ];
}

async function tenYearsLocal(): Promise<Figure[]> {
  const device = 'k3j9x2aa01';
  const byMonth = new Map<string, ReturnType<typeof heavyDay>>();
  for (const day of daysBack(TODAY, 3653)) {
    const month = day.slice(0, 7);
    if (!byMonth.has(month)) byMonth.set(month, []);
    byMonth.get(month)!.push(...heavyDay(day, device));
  }
  let bytes = 0;
  for (const [month, entries] of byMonth) {
    const tables = { devices: [] as string[], exercises: [] as string[] };
    const encoded = entries.map((entry) => encodeEntry(entry, month, tables));
    const bucket = { v: 1, ...tables, entries: encoded };
    bytes += itemBytes(LOCAL_KEYS.bucket(month), bucket);
    bytes += itemBytes(
      LOCAL_KEYS.days(month),
      encodeOwnDays(summarizeEntries(entries, 1, 2500), 1, 2500),
    );
  }
  const localQuota = 10 * 1024 * 1024;
  return [
    { name: 'local_bytes_10y', value: bytes, unit: 'bytes' },
    { name: 'local_share_10y', value: bytes / localQuota, unit: 'of 10 MiB', target: 0.6 },
  ];
}

const benchmark: Benchmark = {
  title: 'sync and storage size',
  async run() {
    return [...(await fiveYearsThreeDevices()), ...(await burst()), ...(await tenYearsLocal())];
  },
};

export default benchmark;

/**
 * Streaks across devices through the browser's own sync storage, within its quotas.
 *
 * Every device writes only keys that carry its own id, so two devices never overwrite each
 * other; every reader merges all devices' records (lib/stats/summary.ts).
 *
 *   dev.<device>            { v, seen, first }        when the device was last and first seen
 *   m.<device>.<YYYY-MM>    { v, t, g?, d }           a recent month, full detail
 *   y.<device>.<YYYY>       { v, t, g, s }            the rest of a year, coarse
 *   arch.<YYYY>             { v, t, g, s, from }      devices long gone, summed (shared)
 *   fold.<device>           { on }                    when a device was folded into arch
 *
 * Budget: all of sync stays under 80 % of its 102,400 bytes, each item under 8,192 bytes and
 * the item count under 512. A device plans its own items at the most detailed level that fits
 * beside everyone else's, stepping down (fewer full months, then fewer years) when it must.
 *
 * Devices long gone are folded into the shared archive (lib/sync/fold.ts); readers skip devices
 * the archive holds.
 *
 * Items carry the version of the daily records they hold (lib/store/day-codec.ts): an item of an
 * older version is upgraded as it is read, one of a newer version is skipped and reported.
 *
 * Imported history. An import (a restore on a new computer) brings entries logged by other
 * device ids. They count here through records kept per device of origin (local `others.*`,
 * revision IMPORTED_REV = 0), merged into the history by `withOtherDays` under that device's
 * own id, so each day counts exactly once:
 *   - a day for which sync holds that device's own record (it still syncs, or its items are
 *     still there): the synced record counts, the imported one does not (any device-written
 *     revision is above 0, and merging keeps one record per device and day);
 *   - a day of a year whose archive item lists that device in `from`: the archive counts;
 *   - otherwise the record computed from the imported entries counts.
 * This device never writes another device's records into sync: other devices see imported
 * history only when they import the file too.
 */
import * as v from 'valibot';
import {
  decodeCoarseYear,
  decodeFullDays,
  encodeCoarseYear,
  encodeFullDays,
  RECORD_VERSION,
  RecordFormatError,
  upgradeCoarseYear,
  upgradeFullDays,
} from '../store/day-codec';
import { SHARED_SYNC_KEYS } from '../store/items';
import { isDayKey, type DayKey } from '../model/days';
import { dayKeySchema, deviceIdSchema, isSaneYear } from '../model/entries';
import { HABIT_KINDS, type Habits } from '../model/habits';
import {
  DAY_GOAL_BOUNDS,
  isHumanDay,
  mergeDay,
  type DeviceDay,
  type History,
} from '../stats/summary';

export const SYNC_QUOTA = {
  bytes: 102_400,
  itemBytes: 8_192,
  items: 512,
  writesPerMinute: 120,
  writesPerHour: 1_800,
} as const;
export const SYNC_BUDGET_BYTES = Math.floor(SYNC_QUOTA.bytes * 0.8);
export const SYNC_BUDGET_ITEMS = Math.floor(SYNC_QUOTA.items * 0.8);
/** Sync's items hold daily records: a new format of the records is a new format of sync. */
export const SYNC_FORMAT_VERSION = RECORD_VERSION;

/** Bytes an item costs against the quota, as Chromium counts them: key plus JSON value. */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

const versionSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(1),
  v.maxValue(SYNC_FORMAT_VERSION),
);
const revSchema = v.pipe(v.number(), v.integer(), v.minValue(0));
const goalSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(DAY_GOAL_BOUNDS.min),
  v.maxValue(DAY_GOAL_BOUNDS.max),
);

const deviceItemSchema = v.object({ v: versionSchema, seen: dayKeySchema, first: dayKeySchema });
const monthItemSchema = v.object({
  v: versionSchema,
  t: revSchema,
  g: v.optional(goalSchema),
  d: v.pipe(v.string(), v.maxLength(SYNC_QUOTA.itemBytes)),
});
const yearItemSchema = v.object({
  v: versionSchema,
  t: revSchema,
  g: goalSchema,
  s: v.pipe(v.string(), v.maxLength(SYNC_QUOTA.itemBytes)),
});
const archiveItemSchema = v.object({
  ...yearItemSchema.entries,
  from: v.array(deviceIdSchema),
});

export type DeviceItem = v.InferOutput<typeof deviceItemSchema>;
export type ArchiveItem = v.InferOutput<typeof archiveItemSchema>;

const KEY_PATTERNS = {
  device: /^dev\.([A-Za-z0-9]{4,16})$/,
  month: /^m\.([A-Za-z0-9]{4,16})\.(\d{4}-\d{2})$/,
  year: /^y\.([A-Za-z0-9]{4,16})\.(\d{4})$/,
  archive: /^arch\.(\d{4})$/,
  fold: /^fold\.([A-Za-z0-9]{4,16})$/,
};
const foldItemSchema = v.object({ on: dayKeySchema });

export const deviceKey = (device: string) => `dev.${device}`;
export const monthKey = (device: string, month: string) => `m.${device}.${month}`;
export const yearKey = (device: string, year: number) => `y.${device}.${year}`;
export const archiveKey = (year: number) => `arch.${year}`;

export function isOwnKey(key: string, device: string): boolean {
  return (
    key === deviceKey(device) || key.startsWith(`m.${device}.`) || key.startsWith(`y.${device}.`)
  );
}

export interface ForeignItem {
  key: string;
  /** `implausible`: valid in form, but beyond what a person logs in a day (isHumanDay). */
  reason: 'unknownKey' | 'newerVersion' | 'invalid' | 'implausible';
}

export interface SyncView {
  /** Every device's records merged with the archive's, by day. */
  history: History;
  devices: Map<string, DeviceItem>;
  archive: Map<number, ArchiveItem>;
  /** Items that failed validation: skipped, left as they are, and reported. */
  foreign: ForeignItem[];
}

export function foreignReason(value: unknown): ForeignItem['reason'] {
  const version = (value as { v?: unknown } | null)?.v;
  return typeof version === 'number' && version > SYNC_FORMAT_VERSION ? 'newerVersion' : 'invalid';
}

const monthOk = (month: string) => isDayKey(`${month}-01`) && isSaneYear(Number(month.slice(0, 4)));

class ImplausibleItemError extends Error {
  override name = 'ImplausibleItemError';
}

/** An item's days, refused whole when one of them is beyond what a person logs. */
function human(days: Map<DayKey, DeviceDay>, key: string, kinds: Habits): Map<DayKey, DeviceDay> {
  for (const record of days.values())
    if (!isHumanDay(record, kinds)) throw new ImplausibleItemError(key);
  return days;
}

/** A coarse item's days, upgraded from the version it was written in. */
export function coarseDays(
  item: { v: number; t: number; g: number; s: string },
  year: number,
  kinds: Habits = HABIT_KINDS,
): Map<DayKey, DeviceDay> {
  return decodeCoarseYear(upgradeCoarseYear(item.s, item.v), year, item.t, item.g, kinds);
}

function sanelyYear(text: string, key: string): number {
  const year = Number(text);
  if (!isSaneYear(year)) throw new RecordFormatError(key);
  return year;
}

/**
 * Reads every item of sync. Nothing here throws on bad data: an item that does not validate
 * is skipped and listed in `foreign`, whoever wrote it.
 */
export function readSyncItems(
  items: Readonly<Record<string, unknown>>,
  kinds: Habits = HABIT_KINDS,
): SyncView {
  const foreign: ForeignItem[] = [];
  const devices = new Map<string, DeviceItem>();
  const archive = new Map<number, ArchiveItem>();
  const coarse = new Map<string, Map<DayKey, DeviceDay>>();
  const full = new Map<string, Map<DayKey, DeviceDay>>();
  const into = (
    map: Map<string, Map<DayKey, DeviceDay>>,
    device: string,
    days: Map<DayKey, DeviceDay>,
  ) => {
    const existing = map.get(device);
    if (existing) for (const [day, record] of days) existing.set(day, record);
    else map.set(device, days);
  };

  for (const [key, value] of Object.entries(items)) {
    if (SHARED_SYNC_KEYS.includes(key)) continue;
    try {
      let match: RegExpExecArray | null;
      if ((match = KEY_PATTERNS.device.exec(key))) {
        const item = v.safeParse(deviceItemSchema, value);
        if (!item.success) throw new RecordFormatError(key);
        devices.set(match[1]!, item.output);
      } else if ((match = KEY_PATTERNS.month.exec(key))) {
        if (!monthOk(match[2]!)) throw new RecordFormatError(key);
        const item = v.safeParse(monthItemSchema, value);
        if (!item.success) throw new RecordFormatError(key);
        const { v: version, t, g, d } = item.output;
        const days = decodeFullDays(upgradeFullDays(d, version), match[2]!, t, g, kinds);
        into(full, match[1]!, human(days, key, kinds));
      } else if ((match = KEY_PATTERNS.year.exec(key))) {
        const year = sanelyYear(match[2]!, key);
        const item = v.safeParse(yearItemSchema, value);
        if (!item.success) throw new RecordFormatError(key);
        into(coarse, match[1]!, coarseDays(item.output, year, kinds));
      } else if (KEY_PATTERNS.fold.test(key)) {
        if (!v.is(foldItemSchema, value)) throw new RecordFormatError(key);
      } else if ((match = KEY_PATTERNS.archive.exec(key))) {
        const year = sanelyYear(match[1]!, key);
        const item = v.safeParse(archiveItemSchema, value);
        if (!item.success) throw new RecordFormatError(key);
        coarseDays(item.output, year, kinds);
        archive.set(year, item.output);
      } else {
        foreign.push({ key, reason: 'unknownKey' });
      }
    } catch (error) {
      if (error instanceof ImplausibleItemError) foreign.push({ key, reason: 'implausible' });
      // A day that is no day (`00`) fails in day arithmetic, as a RangeError.
      else if (error instanceof RecordFormatError || error instanceof RangeError)
        foreign.push({ key, reason: foreignReason(value) });
      else throw error;
    }
  }

  const archived = new Set([...archive.values()].flatMap((item) => item.from));
  const history: History = {};
  for (const device of new Set([...coarse.keys(), ...full.keys()])) {
    if (archived.has(device)) continue;
    // A day in a full month replaces the same day of the coarse year.
    const days = new Map([...(coarse.get(device) ?? []), ...(full.get(device) ?? [])]);
    for (const [day, record] of days) {
      history[day] = mergeDay(history[day] ?? {}, { [device]: record });
    }
  }
  for (const [year, item] of archive) {
    for (const [day, record] of coarseDays(item, year, kinds)) {
      history[day] = mergeDay(history[day] ?? {}, { archive: record });
    }
  }
  return { history, devices, archive, foreign };
}

/**
 * Adds the records of other devices' imported entries to a merged history, under the rule at
 * the top of this file: a device's synced record or an archive holding it wins.
 */
export function withOtherDays(
  view: Pick<SyncView, 'history' | 'archive'>,
  others: ReadonlyMap<string, ReadonlyMap<DayKey, DeviceDay>>,
): History {
  const merged: History = { ...view.history };
  for (const [device, days] of others) {
    for (const [day, record] of days) {
      if (view.archive.get(Number(day.slice(0, 4)))?.from.includes(device)) continue;
      merged[day] = mergeDay(merged[day] ?? {}, { [device]: record });
    }
  }
  return merged;
}

/** Replaces one device's records in a merged history with the given ones, day by day. */
export function withOwnDays(
  history: History,
  device: string,
  own: ReadonlyMap<DayKey, DeviceDay>,
): History {
  const merged: History = { ...history };
  for (const [day, record] of own) merged[day] = { ...merged[day], [device]: record };
  return merged;
}

// Planning this device's items -----------------------------------------------------------------

export interface DetailLevel {
  /** Months (counting the current one) kept at full detail. */
  fullMonths: number;
  /** Years kept at all, counting the current one. */
  years: number;
}

/** From most to least detailed; a device uses the first that fits. */
export const DETAIL_LEVELS: readonly DetailLevel[] = [
  { fullMonths: 2, years: 100 },
  { fullMonths: 1, years: 100 },
  { fullMonths: 0, years: 100 },
  { fullMonths: 0, years: 5 },
  { fullMonths: 0, years: 3 },
  { fullMonths: 0, years: 2 },
  { fullMonths: 0, years: 1 },
];

export function monthsBack(today: DayKey, count: number): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const total = year * 12 + (month - 1) - index;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
}

/** This device's items at a level of detail, from all of its days. */
export function ownItems(
  device: string,
  days: ReadonlyMap<DayKey, DeviceDay>,
  options: { today: DayKey; first: DayKey; rev: number; goalMl: number; level: DetailLevel },
  kinds: Habits = HABIT_KINDS,
): Record<string, unknown> {
  const { today, rev, goalMl, level } = options;
  const fullMonths = new Set(monthsBack(today, level.fullMonths));
  const oldestYear = Number(today.slice(0, 4)) - level.years + 1;
  const byMonth = new Map<string, Map<DayKey, DeviceDay>>();
  const byYear = new Map<number, Map<DayKey, DeviceDay>>();
  for (const [day, record] of days) {
    const month = day.slice(0, 7);
    const year = Number(day.slice(0, 4));
    if (day > today || year < oldestYear) continue;
    const group = fullMonths.has(month) ? byMonth : byYear;
    const groupKey = fullMonths.has(month) ? month : year;
    let bucket = (group as Map<string | number, Map<DayKey, DeviceDay>>).get(groupKey);
    if (!bucket)
      (group as Map<string | number, Map<DayKey, DeviceDay>>).set(groupKey, (bucket = new Map()));
    bucket.set(day, record);
  }
  const items: Record<string, unknown> = {
    [deviceKey(device)]: { v: SYNC_FORMAT_VERSION, seen: today, first: options.first },
  };
  for (const [month, monthDays] of byMonth) {
    items[monthKey(device, month)] = {
      v: SYNC_FORMAT_VERSION,
      t: rev,
      g: goalMl,
      d: encodeFullDays(monthDays, goalMl, kinds),
    };
  }
  for (const [year, yearDays] of byYear) {
    const s = encodeCoarseYear(year, yearDays, goalMl, kinds);
    if (s !== '') items[yearKey(device, year)] = { v: SYNC_FORMAT_VERSION, t: rev, g: goalMl, s };
  }
  return items;
}

export function totalBytes(items: Readonly<Record<string, unknown>>): number {
  let total = 0;
  for (const [key, value] of Object.entries(items)) total += itemBytes(key, value);
  return total;
}

export interface SyncPlan {
  /** Own items to write (only those that changed). */
  set: Record<string, unknown>;
  /** Own keys to remove (aged out, or coarsened away). */
  remove: string[];
  level: number;
  /** What all of sync will hold once the plan is applied. */
  bytes: number;
  items: number;
}

export class SyncBudgetError extends Error {
  override name = 'SyncBudgetError';
}

/**
 * The items this device should hold, at the most detailed level from `minLevel` on that keeps
 * all of sync within budget beside what the other devices hold now.
 */
export function planSync(
  device: string,
  days: ReadonlyMap<DayKey, DeviceDay>,
  current: Readonly<Record<string, unknown>>,
  options: { today: DayKey; first: DayKey; rev: number; goalMl: number; minLevel?: number },
  kinds: Habits = HABIT_KINDS,
): SyncPlan {
  const others = Object.fromEntries(
    Object.entries(current).filter(([key]) => !isOwnKey(key, device)),
  );
  const otherBytes = totalBytes(others);
  const otherCount = Object.keys(others).length;
  for (let level = options.minLevel ?? 0; level < DETAIL_LEVELS.length; level++) {
    const wanted = ownItems(device, days, { ...options, level: DETAIL_LEVELS[level]! }, kinds);
    const bytes = otherBytes + totalBytes(wanted);
    const count = otherCount + Object.keys(wanted).length;
    const oversized = Object.entries(wanted).some(
      ([key, value]) => itemBytes(key, value) > SYNC_QUOTA.itemBytes,
    );
    if (bytes > SYNC_BUDGET_BYTES || count > SYNC_BUDGET_ITEMS || oversized) continue;
    const set: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(wanted)) {
      if (JSON.stringify(current[key]) !== JSON.stringify(sameRev(value, current[key])))
        set[key] = value;
    }
    const remove = Object.keys(current).filter((key) => isOwnKey(key, device) && !(key in wanted));
    return { set, remove, level, bytes, items: count };
  }
  throw new SyncBudgetError('Sync is full even at the coarsest level');
}

/** An item whose content did not change keeps its old revision, so it is not rewritten. */
function sameRev(wanted: unknown, existing: unknown): unknown {
  if (
    typeof wanted !== 'object' ||
    wanted === null ||
    typeof existing !== 'object' ||
    existing === null
  )
    return wanted;
  if (!('t' in wanted) || !('t' in existing)) return wanted;
  return { ...wanted, t: existing.t };
}

/**
 * Daily summaries: the compact per-day record every streak is computed from, and the unit that
 * syncs across devices.
 *
 * A day's summary holds one record per device. A device only ever writes its own record, and
 * each record carries a revision (the time of its last change), so merging two copies of a day
 * takes, per device, the newer record. That makes merge commutative, associative and
 * idempotent: summaries can arrive from any number of devices, in any order, any number of
 * times, and the totals come out the same. Totals are sums over devices (a workout or a rest
 * day on any device counts for the day).
 */
import { addDays, type DayKey } from '../model/days';
import type { Entry, RestReason } from '../model/entries';
import { toKg } from '../model/units';

export interface DeviceDay {
  /** Time of this record's last change; the newer record of a device wins a merge. */
  rev: number;
  waterMl: number;
  sets: number;
  /** Weight × reps over the day's working sets, in whole kg. */
  volumeKg: number;
  /** A set or cardio was logged. */
  workout: boolean;
  posture: number;
  movement: number;
  breathing: number;
  rest?: RestReason;
  /** The water goal in force when this record was written; streaks judge a day by it. */
  waterGoalMl?: number;
}

export type DaySummary = Record<string, DeviceDay>;
export type History = Record<DayKey, DaySummary>;

/** A day's records of every device, added up. */
export type DayTotals = Omit<DeviceDay, 'rev'>;

/**
 * The most one device can log in a day, generously: a record beyond these is not a person's
 * day but a damaged or hostile item, and is skipped wherever it comes from another device.
 */
export const DAY_BOUNDS = {
  waterMl: 50_000,
  sets: 2_000,
  volumeKg: 5_000_000,
  prompts: 1_000,
  waterGoalMl: { min: 100, max: 20_000 },
} as const;

export function isHumanDay(record: DeviceDay): boolean {
  const goal = record.waterGoalMl;
  return (
    record.waterMl <= DAY_BOUNDS.waterMl &&
    record.sets <= DAY_BOUNDS.sets &&
    record.volumeKg <= DAY_BOUNDS.volumeKg &&
    Math.max(record.posture, record.movement, record.breathing) <= DAY_BOUNDS.prompts &&
    (goal === undefined ||
      (goal >= DAY_BOUNDS.waterGoalMl.min && goal <= DAY_BOUNDS.waterGoalMl.max))
  );
}

export function emptyDayTotals(): DayTotals {
  return {
    waterMl: 0,
    sets: 0,
    volumeKg: 0,
    workout: false,
    posture: 0,
    movement: 0,
    breathing: 0,
  };
}

export function emptyDeviceDay(rev: number): DeviceDay {
  return { rev, ...emptyDayTotals() };
}

/** Stronger reasons win when devices disagree: a sick day pauses more than a rest day. */
const REST_PRIORITY: readonly RestReason[] = ['sick', 'vacation', 'rest'];

function strongerRest(
  a: RestReason | undefined,
  b: RestReason | undefined,
): RestReason | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return REST_PRIORITY.indexOf(a) <= REST_PRIORITY.indexOf(b) ? a : b;
}

/**
 * One device's records for every day its entries touch. A rest entry with a range marks each
 * of its days. `rev` is stamped on every record produced.
 */
export function summarizeEntries(
  entries: Iterable<Entry>,
  rev: number,
  waterGoalMl?: number,
): Map<DayKey, DeviceDay> {
  const days = new Map<DayKey, DeviceDay>();
  const dayRecord = (day: DayKey) => {
    let record = days.get(day);
    if (!record) {
      record = emptyDeviceDay(rev);
      if (waterGoalMl !== undefined) record.waterGoalMl = waterGoalMl;
      days.set(day, record);
    }
    return record;
  };
  for (const entry of entries) {
    switch (entry.kind) {
      case 'water':
        dayRecord(entry.day).waterMl += entry.ml;
        break;
      case 'set': {
        const record = dayRecord(entry.day);
        record.workout = true;
        if (entry.warmup) break;
        record.sets += 1;
        if (entry.weight && entry.reps) {
          const sides = entry.side === 'both' ? 2 : 1;
          record.volumeKg += toKg(entry.weight) * entry.reps * sides;
        }
        break;
      }
      case 'cardio':
        dayRecord(entry.day).workout = true;
        break;
      case 'prompt':
        if (entry.outcome === 'done' && entry.prompt !== 'water')
          dayRecord(entry.day)[entry.prompt] += 1;
        break;
      case 'rest':
        for (let day = entry.day; day <= (entry.until ?? entry.day); day = addDays(day, 1)) {
          const record = dayRecord(day);
          record.rest = strongerRest(record.rest, entry.reason);
        }
        break;
    }
  }
  for (const record of days.values()) record.volumeKg = Math.round(record.volumeKg);
  return days;
}

/**
 * Records kept for entries another device logged and an import brought here. They carry this
 * revision, below any revision a device writes, so that the device's own record of a day, when
 * sync still holds one, always wins the merge (see lib/sync/plan.ts, "Imported history").
 */
export const IMPORTED_REV = 0;

/** Per other device, the records of the days its entries touch (entries of `own` left out). */
export function otherDevicesDays(
  entries: Iterable<Entry>,
  own: string,
  waterGoalMl?: number,
): Map<string, Map<DayKey, DeviceDay>> {
  const byDevice = new Map<string, Entry[]>();
  for (const entry of entries) {
    if (entry.device === own) continue;
    const list = byDevice.get(entry.device);
    if (list) list.push(entry);
    else byDevice.set(entry.device, [entry]);
  }
  return new Map(
    [...byDevice].map(([device, list]) => [
      device,
      summarizeEntries(list, IMPORTED_REV, waterGoalMl),
    ]),
  );
}

function canonical(record: DeviceDay): string {
  return JSON.stringify(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The newer of two records of one device; equal revisions fall back to a fixed order. */
export function newerRecord(a: DeviceDay, b: DeviceDay): DeviceDay {
  if (a.rev !== b.rev) return a.rev > b.rev ? a : b;
  return canonical(a) >= canonical(b) ? a : b;
}

export function mergeDay(a: DaySummary, b: DaySummary): DaySummary {
  const merged: DaySummary = { ...a };
  for (const [device, record] of Object.entries(b)) {
    const mine = merged[device];
    merged[device] = mine ? newerRecord(mine, record) : record;
  }
  return merged;
}

export function mergeHistory(a: History, b: History): History {
  const merged: History = { ...a };
  for (const [day, summary] of Object.entries(b)) {
    const mine = merged[day];
    merged[day] = mine ? mergeDay(mine, summary) : summary;
  }
  return merged;
}

export function dayTotals(summary: DaySummary): DayTotals {
  let waterMl = 0;
  let sets = 0;
  let volumeKg = 0;
  let workout = false;
  let posture = 0;
  let movement = 0;
  let breathing = 0;
  let rest: RestReason | undefined;
  let waterGoalMl: number | undefined;
  let goalRev = -1;
  // Every count is a whole number (volume too, see summarizeEntries), so the sums are exact and
  // do not depend on the order in which devices arrived.
  for (const device in summary) {
    const record = summary[device]!;
    waterMl += record.waterMl;
    sets += record.sets;
    volumeKg += record.volumeKg;
    workout ||= record.workout;
    posture += record.posture;
    movement += record.movement;
    breathing += record.breathing;
    if (record.rest !== undefined) rest = strongerRest(rest, record.rest);
    // On equal revisions the larger goal wins, whatever the order.
    if (
      record.waterGoalMl !== undefined &&
      (record.rev > goalRev || (record.rev === goalRev && record.waterGoalMl > waterGoalMl!))
    ) {
      waterGoalMl = record.waterGoalMl;
      goalRev = record.rev;
    }
  }
  // Every field always present, so all totals share one shape and streak loops stay fast.
  return { waterMl, sets, volumeKg, workout, posture, movement, breathing, rest, waterGoalMl };
}

export function historyTotals(history: History): Map<DayKey, DayTotals> {
  const totals = new Map<DayKey, DayTotals>();
  for (const day of Object.keys(history)) totals.set(day, dayTotals(history[day]!));
  return totals;
}

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
import { HABIT_KINDS, storedFields, type HabitFields, type Habits } from '../model/habits';

/** A device's day: what each habit kind stores (lib/model/habits.ts), and the day's own fields. */
export type DeviceDay = HabitFields & {
  /** Time of this record's last change; the newer record of a device wins a merge. */
  rev: number;
  rest?: RestReason;
  /** The water goal in force when this record was written; streaks judge a day by it. */
  waterGoalMl?: number;
};

export type DaySummary = Record<string, DeviceDay>;
export type History = Record<DayKey, DaySummary>;

/** A day's records of every device, added up. */
export type DayTotals = Omit<DeviceDay, 'rev'>;

/**
 * A record's or totals' fields by name, for what reads the kinds' declarations: a stored field is
 * a number, or a boolean for a flag.
 */
export type FieldValues = Record<string, number | boolean | RestReason | undefined>;

/** The goals a day's record may carry; beyond them an item is damaged or hostile. */
export const DAY_GOAL_BOUNDS = { min: 100, max: 20_000 } as const;

/**
 * Whether a record is a person's day: every stored field within the most one device logs in a
 * day (lib/model/habits.ts), and its goal within bounds. Another device's record beyond them is
 * skipped.
 */
export function isHumanDay(record: DeviceDay, kinds: Habits = HABIT_KINDS): boolean {
  const values: FieldValues = record;
  const goal = record.waterGoalMl;
  return (
    storedFields(kinds).every(
      (field) => field.max === undefined || (values[field.name] as number) <= field.max,
    ) &&
    (goal === undefined || (goal >= DAY_GOAL_BOUNDS.min && goal <= DAY_GOAL_BOUNDS.max))
  );
}

export function emptyDayTotals(kinds: Habits = HABIT_KINDS): DayTotals {
  const totals: FieldValues = {};
  for (const field of storedFields(kinds)) totals[field.name] = field.type === 'flag' ? false : 0;
  return totals as DayTotals;
}

const emptyRecords = new WeakMap<Habits, DeviceDay>();

export function emptyDeviceDay(rev: number, kinds: Habits = HABIT_KINDS): DeviceDay {
  let empty = emptyRecords.get(kinds);
  if (!empty) emptyRecords.set(kinds, (empty = { rev: 0, ...emptyDayTotals(kinds) }));
  // Copies of one record share its shape: years of records stay fast to read. (Object.assign
  // copies several times faster than a spread.)
  const record = Object.assign({}, empty);
  record.rev = rev;
  return record;
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

/** The water goal a day's record carries: one for every day, or each day's own. */
export type DayWaterGoal = number | ((day: DayKey) => number);

/**
 * One device's records for every day its entries touch: each stored field adds what each entry
 * tallies for it (lib/model/habits.ts). A rest entry with a range marks each of its days. `rev`
 * is stamped on every record produced.
 */
export function summarizeEntries(
  entries: Iterable<Entry>,
  rev: number,
  waterGoalMl?: DayWaterGoal,
  kinds: Habits = HABIT_KINDS,
): Map<DayKey, DeviceDay> {
  const fields = storedFields(kinds);
  const days = new Map<DayKey, DeviceDay>();
  const dayRecord = (day: DayKey) => {
    let record = days.get(day);
    if (!record) {
      record = emptyDeviceDay(rev, kinds);
      const goal = typeof waterGoalMl === 'function' ? waterGoalMl(day) : waterGoalMl;
      if (goal !== undefined) record.waterGoalMl = goal;
      days.set(day, record);
    }
    return record;
  };
  for (const entry of entries) {
    if (entry.kind === 'rest') {
      for (let day = entry.day; day <= (entry.until ?? entry.day); day = addDays(day, 1)) {
        const record = dayRecord(day);
        record.rest = strongerRest(record.rest, entry.reason);
      }
      continue;
    }
    for (const field of fields) {
      const amount = field.tally(entry);
      if (amount === 0) continue;
      const values: FieldValues = dayRecord(entry.day);
      values[field.name] = field.type === 'flag' ? true : (values[field.name] as number) + amount;
    }
  }
  // Counts are kept whole (volume is summed in fractions of a kg), so sums are exact.
  for (const record of days.values()) {
    const values: FieldValues = record;
    for (const field of fields)
      if (field.type === 'count') values[field.name] = Math.round(values[field.name] as number);
  }
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
  waterGoalMl?: DayWaterGoal,
  kinds: Habits = HABIT_KINDS,
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
      summarizeEntries(list, IMPORTED_REV, waterGoalMl, kinds),
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

const totalsShapes = new WeakMap<Habits, DayTotals>();

/**
 * The totals a day starts from, with every field present in one order: totals copied from it
 * share one shape, so streak loops over years of them stay fast.
 */
function totalsShape(kinds: Habits): DayTotals {
  let shape = totalsShapes.get(kinds);
  if (!shape) {
    shape = emptyDayTotals(kinds);
    shape.rest = undefined;
    shape.waterGoalMl = undefined;
    totalsShapes.set(kinds, shape);
  }
  return shape;
}

export function dayTotals(summary: DaySummary, kinds: Habits = HABIT_KINDS): DayTotals {
  const fields = storedFields(kinds);
  const dayTotals = Object.assign({}, totalsShape(kinds));
  const totals: FieldValues = dayTotals;
  let rest: RestReason | undefined;
  let waterGoalMl: number | undefined;
  let goalRev = -1;
  // Every count is a whole number (volume too, see summarizeEntries), so the sums are exact and
  // do not depend on the order in which devices arrived.
  for (const device in summary) {
    const record = summary[device]!;
    const values: FieldValues = record;
    for (const field of fields) {
      const value = values[field.name];
      if (field.type === 'flag') totals[field.name] ||= value as boolean;
      else totals[field.name] = (totals[field.name] as number) + (value as number);
    }
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
  dayTotals.rest = rest;
  dayTotals.waterGoalMl = waterGoalMl;
  return dayTotals;
}

export function historyTotals(
  history: History,
  kinds: Habits = HABIT_KINDS,
): Map<DayKey, DayTotals> {
  const totals = new Map<DayKey, DayTotals>();
  for (const day of Object.keys(history)) totals.set(day, dayTotals(history[day]!, kinds));
  return totals;
}

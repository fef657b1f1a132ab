/**
 * Folding devices long gone into the shared archive of sync (`arch.<YYYY>`, lib/sync/plan.ts).
 *
 * Devices not seen for STALE_DAYS are folded into the archive by the device with the smallest
 * id among those seen recently, so that one device does it. The archive always grows by union
 * (a device listed in `from` is never added twice); the stale device's own keys are removed
 * only FOLD_GRACE_DAYS after its fold, once every device has had time to see the archive that
 * holds its days. A device with any item written by a newer version is neither folded nor
 * removed by this one.
 */
import { daysBetween, isDayKey, type DayKey } from '../model/days';
import { HABIT_KINDS, storedFields, type Habits } from '../model/habits';
import { encodeCoarseYear } from '../store/day-codec';
import { emptyDeviceDay, type DeviceDay, type FieldValues } from '../stats/summary';
import {
  archiveKey,
  coarseDays,
  foreignReason,
  isOwnKey,
  readSyncItems,
  SYNC_FORMAT_VERSION,
} from './plan';
import type { ArchiveItem, SyncView } from './plan';

/** Days unseen after which a device is folded into the archive. */
export const STALE_DAYS = 180;
/** Days within which a device counts as seen lately: the one with the smallest id folds. */
export const RECENT_DAYS = 30;
/** Days after its fold until a folded device's own keys are removed. */
export const FOLD_GRACE_DAYS = 14;

export interface FoldPlan {
  set: Record<string, unknown>;
  remove: string[];
}

/**
 * Housekeeping for devices not seen for STALE_DAYS, done only by the device with the smallest
 * id among those seen in the last RECENT_DAYS (this one included).
 */
export function planFold(
  device: string,
  current: Readonly<Record<string, unknown>>,
  view: SyncView,
  today: DayKey,
  rev: number,
  kinds: Habits = HABIT_KINDS,
): FoldPlan {
  const plan: FoldPlan = { set: {}, remove: [] };
  const recent = [...view.devices]
    .filter(([id, item]) => id === device || daysBetween(item.seen, today) <= RECENT_DAYS)
    .map(([id]) => id);
  if (recent.length === 0 || [...recent, device].sort()[0] !== device) return plan;

  const archived = new Set([...view.archive.values()].flatMap((item) => item.from));
  for (const [stale, item] of view.devices) {
    if (stale === device || daysBetween(item.seen, today) <= STALE_DAYS) continue;
    const staleKeys = Object.keys(current).filter((key) => isOwnKey(key, stale));
    // A newer version wrote some of its items: their days cannot be read here, so neither
    // folded nor removed; that version will fold the device.
    if (staleKeys.some((key) => foreignReason(current[key]) === 'newerVersion')) continue;
    if (archived.has(stale)) {
      // Its days are in the archive: its keys go once everyone has had time to see that.
      const foldedOn = (current[`fold.${stale}`] as { on?: DayKey } | undefined)?.on;
      if (foldedOn && isDayKey(foldedOn) && daysBetween(foldedOn, today) >= FOLD_GRACE_DAYS) {
        plan.remove.push(...staleKeys, `fold.${stale}`);
      }
      continue;
    }
    const staleDays = readSyncItems(
      Object.fromEntries(staleKeys.map((key) => [key, current[key]])),
      kinds,
    ).history;
    const byYear = new Map<number, Map<DayKey, DeviceDay>>();
    for (const [day, summary] of Object.entries(staleDays)) {
      const year = Number(day.slice(0, 4));
      if (!byYear.has(year)) byYear.set(year, new Map());
      byYear.get(year)!.set(day, summary[stale]!);
    }
    for (const [year, days] of byYear) {
      const key = archiveKey(year);
      const existing = (plan.set[key] ?? view.archive.get(year)) as ArchiveItem | undefined;
      const goal =
        existing?.g ?? [...days.values()].find((record) => record.waterGoalMl)?.waterGoalMl ?? 2000;
      const combined = new Map<DayKey, DeviceDay>();
      const add = (day: DayKey, record: DeviceDay) => {
        const before = combined.get(day);
        combined.set(day, before ? sumRecords(before, record, kinds) : record);
      };
      if (existing) for (const [day, record] of coarseDays(existing, year, kinds)) add(day, record);
      for (const [day, record] of days)
        add(day, { ...record, waterGoalMl: record.waterGoalMl ?? goal });
      plan.set[key] = {
        v: SYNC_FORMAT_VERSION,
        t: rev,
        g: goal,
        s: encodeCoarseYear(year, combined, goal, kinds),
        from: [...new Set([...(existing?.from ?? []), stale])].sort(),
      } satisfies ArchiveItem;
    }
    plan.set[`fold.${stale}`] = { on: today };
  }
  return plan;
}

/** Two devices' records of a day as one: counts added, flags set by either. */
function sumRecords(a: DeviceDay, b: DeviceDay, kinds: Habits): DeviceDay {
  // A count kept against the day's goal (water) is summed as a share of each record's own goal,
  // expressed against the first's goal.
  const goal = a.waterGoalMl ?? 2000;
  const record = emptyDeviceDay(Math.max(a.rev, b.rev), kinds);
  record.waterGoalMl = goal;
  const sum: FieldValues = record;
  const valuesOfA: FieldValues = a;
  const valuesOfB: FieldValues = b;
  for (const field of storedFields(kinds)) {
    const [first, second] = [valuesOfA[field.name], valuesOfB[field.name]];
    if (field.type === 'flag') sum[field.name] = first === true || second === true;
    else if (field.ofDayGoal)
      sum[field.name] =
        (first as number) + Math.round(((second as number) / (b.waterGoalMl ?? goal)) * goal);
    else sum[field.name] = (first as number) + (second as number);
  }
  const rest = a.rest ?? b.rest;
  if (rest) record.rest = rest;
  // Archived days keep at most one rest reason; which one matters little that long ago.
  return record;
}

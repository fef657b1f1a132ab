/**
 * What the popup reads for its first paint, before (and without) loading lib/store/items.ts and
 * everything lib/app/overview.ts needs: the worker's snapshot of today, kept after every change.
 * lib/store/items.ts declares these two items from here.
 */
import { localDayKey } from '../model/days';
import type { TodaySnapshot } from '../stats/today';
import type { KeyValueArea } from './area';

export const FIRST_PAINT_KEYS = {
  /** When each nudge is due: the popup reads the next one again when it changes. */
  nudgeState: 'nudgeState',
  todaySnapshot: 'todaySnapshot',
} as const;

/** The snapshot's format version; it has no migrations: any other version is not read. */
export const TODAY_SNAPSHOT_VERSION = 1;

/** The worker's snapshot, if it is of today; otherwise the page must read everything. */
export async function readSnapshot(
  local: KeyValueArea,
  now: number,
): Promise<TodaySnapshot | undefined> {
  const key = FIRST_PAINT_KEYS.todaySnapshot;
  const raw = (await local.get(key))[key] as { v?: unknown } | undefined;
  if (typeof raw !== 'object' || raw === null || raw.v !== TODAY_SNAPSHOT_VERSION) return undefined;
  const { v: _version, ...snapshot } = raw as TodaySnapshot & { v: number };
  if (snapshot.today !== localDayKey(now, snapshot.settings.startOfDayHour)) return undefined;
  return snapshot;
}

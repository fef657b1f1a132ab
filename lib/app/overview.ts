/**
 * What the pages show, read straight from storage: every device's records from sync, this
 * device's own records from local storage (fresher than its copy in sync until the next flush),
 * merged, with today's totals and every habit's streaks.
 */
import type { CustomExercise } from '../model/catalogue';
import { localDayKey, type DayKey } from '../model/days';
import type { Entry } from '../model/entries';
import type { StoredRecords } from '../stats/strength';
import { effectiveGoals } from '../model/settings';
import {
  LOCAL_KEYS,
  SHARED_SYNC_KEYS,
  SYNC_KEYS,
  customExercisesFormat,
  decodeOtherDays,
  decodeOwnDays,
  deviceFormat,
  monthsFormat,
  recordsFormat,
  readVersioned,
  settingsFormat,
  type Format,
  type Read,
  syncStateFormat,
  type KeyValueArea,
  type SyncState,
} from '../store/items';
import { bucketKeys, decodeBucket, monthOfBucketKey, readEntries } from '../store/buckets';
import { habitReports, habitRules } from '../stats/streaks';
import { dayTotals, historyTotals, type DeviceDay, type History } from '../stats/summary';
import {
  monthsBack,
  readSyncItems,
  withOtherDays,
  withOwnDays,
  type ForeignItem,
  type SyncView,
} from '../sync/plan';
import type { TodaySnapshot } from '../stats/today';

export interface Overview extends TodaySnapshot {
  /**
   * Entries of this month and the last, oldest first: today's list, recent exercises, prefill;
   * empty when the overview was read without them.
   */
  recentEntries: Entry[];
  /** Personal records per exercise. */
  records: Record<string, StoredRecords>;
  customExercises: CustomExercise[];
  device: string;
  history: History;
  devices: number;
  foreign: ForeignItem[];
  syncState: SyncState;
}

/** A storage change as the browser reports it. */
export type StorageChanges = Record<string, { newValue?: unknown }>;

/**
 * One stored item as last read, read again only when a change brought a new value: what the
 * pages compute from it (names of custom exercises in a list) is kept while it is the same.
 */
class KeptRead<T> {
  #raw: unknown = KeptRead;
  #read: Read<T> | undefined;
  constructor(private readonly format: Format<T>) {}

  read(raw: unknown): Read<T> {
    if (raw !== this.#raw || !this.#read) {
      this.#raw = raw;
      this.#read = readVersioned(this.format, raw);
    }
    return this.#read;
  }
}

/**
 * A month item decoded again, its unchanged entries the same objects as before: a page's list
 * draws again only the entries that changed.
 */
function sameEntriesKept(before: readonly Entry[], after: Entry[]): Entry[] {
  if (before.length === 0) return after;
  const kept = new Map(before.map((entry) => [entry.id, entry]));
  return after.map((entry) => {
    const earlier = kept.get(entry.id);
    return earlier && JSON.stringify(earlier) === JSON.stringify(entry) ? earlier : entry;
  });
}

/**
 * The overview's sources, kept in memory and brought up to date from what each storage change
 * carries: a log rewrites one month and its daily records, so only that month is decoded
 * again, and nothing else is read. The whole read happens once (and again on a new month).
 */
export class OverviewSource {
  #device = '';
  #syncState: SyncState = syncStateFormat.fallback();
  #records: Record<string, StoredRecords> = {};
  #sync: Record<string, unknown> = {};
  #view: SyncView | undefined;
  /** This device's daily records per month, for the recent and unsynced months. */
  readonly #ownDays = new Map<string, Map<DayKey, DeviceDay>>();
  /** Per month, the daily records of other devices' entries an import brought here. */
  readonly #otherDays = new Map<string, Map<string, Map<DayKey, DeviceDay>>>();
  /** Entries of the recent months, per item. */
  readonly #recent = new Map<string, Entry[]>();
  #recentMonths: string[] = [];
  readonly #settingsRead = new KeptRead(settingsFormat);
  readonly #customRead = new KeptRead(customExercisesFormat);

  constructor(
    private readonly areas: { local: KeyValueArea; sync: KeyValueArea },
    /** Whether the recent entries are wanted (the badge needs only totals). */
    private readonly withEntries = true,
  ) {}

  async load(now: number): Promise<void> {
    const [local, sync] = await Promise.all([
      this.areas.local.get([
        LOCAL_KEYS.device,
        LOCAL_KEYS.syncState,
        LOCAL_KEYS.records,
        LOCAL_KEYS.months,
      ]),
      this.areas.sync.get(null),
    ]);
    this.#sync = sync;
    this.#view = undefined;
    for (const key of [LOCAL_KEYS.device, LOCAL_KEYS.syncState, LOCAL_KEYS.records])
      this.#takeLocal(key, local[key]);
    const today = localDayKey(now, this.#settings().value.startOfDayHour);
    this.#recentMonths = monthsBack(today, 2);
    const ownMonths = [...new Set([...this.#recentMonths, ...this.#syncState.dirtyMonths])];
    const allMonths = readVersioned(monthsFormat, local[LOCAL_KEYS.months]).value.months;
    const wanted = [
      ...ownMonths.map(LOCAL_KEYS.days),
      ...allMonths.map(LOCAL_KEYS.others),
      ...(this.withEntries ? this.#recentMonths.flatMap(bucketKeys) : []),
    ];
    const raw = await this.areas.local.get(wanted);
    this.#ownDays.clear();
    this.#recent.clear();
    this.#otherDays.clear();
    for (const month of allMonths)
      this.#takeLocal(LOCAL_KEYS.others(month), raw[LOCAL_KEYS.others(month)]);
    for (const month of ownMonths)
      this.#takeLocal(LOCAL_KEYS.days(month), raw[LOCAL_KEYS.days(month)]);
    if (this.withEntries)
      for (const key of this.#recentMonths.flatMap(bucketKeys)) this.#takeLocal(key, raw[key]);
  }

  /** Whether a change touches anything the overview shows. */
  concerns(changes: StorageChanges, area: string): boolean {
    if (area === 'sync') return true;
    if (area !== 'local') return false;
    return Object.keys(changes).some(
      (key) =>
        key === LOCAL_KEYS.device ||
        key === LOCAL_KEYS.syncState ||
        key === LOCAL_KEYS.records ||
        key.startsWith('days.') ||
        key.startsWith('others.') ||
        (this.withEntries && this.#recentMonths.includes(monthOfBucketKey(key) ?? '')),
    );
  }

  /** Takes in a change from the values it carries. */
  apply(changes: StorageChanges, area: string): void {
    for (const [key, { newValue }] of Object.entries(changes)) {
      if (area === 'local') this.#takeLocal(key, newValue);
      else if (area === 'sync') {
        if (newValue === undefined) delete this.#sync[key];
        else this.#sync[key] = newValue;
        if (!SHARED_SYNC_KEYS.includes(key)) this.#view = undefined;
      }
    }
  }

  #takeLocal(key: string, value: unknown): void {
    if (key === LOCAL_KEYS.device) this.#device = readVersioned(deviceFormat, value).value.id;
    else if (key === LOCAL_KEYS.syncState)
      this.#syncState = readVersioned(syncStateFormat, value).value;
    else if (key === LOCAL_KEYS.records)
      this.#records = readVersioned(recordsFormat, value).value.exercises;
    else if (key.startsWith('days.')) {
      const month = key.slice('days.'.length);
      this.#ownDays.set(month, decodeOwnDays(month, value));
    } else if (key.startsWith('others.')) {
      const month = key.slice('others.'.length);
      this.#otherDays.set(month, decodeOtherDays(month, value));
    } else if (this.withEntries) {
      const month = monthOfBucketKey(key);
      if (month && this.#recentMonths.includes(month))
        this.#recent.set(
          key,
          // Both items of the month: entries move from its recent item into the month item.
          sameEntriesKept(
            bucketKeys(month).flatMap((item) => this.#recent.get(item) ?? []),
            decodeBucket(month, value)?.entries ?? [],
          ),
        );
    }
  }

  #settings() {
    return this.#settingsRead.read(this.#sync[SYNC_KEYS.settings]);
  }

  /** The overview now; undefined when a new month began since the load (load again). */
  overview(now: number): Overview | undefined {
    const settingsRead = this.#settings();
    const settings = settingsRead.value;
    const today = localDayKey(now, settings.startOfDayHour);
    if (monthsBack(today, 2).join() !== this.#recentMonths.join()) return undefined;
    const view = (this.#view ??= readSyncItems(this.#sync));
    const ownDays = new Map<DayKey, DeviceDay>();
    for (const days of this.#ownDays.values())
      for (const [day, record] of days) ownDays.set(day, record);
    const otherDays = new Map<string, Map<DayKey, DeviceDay>>();
    for (const devices of this.#otherDays.values()) {
      for (const [device, days] of devices) {
        const all = otherDays.get(device) ?? new Map<DayKey, DeviceDay>();
        for (const [day, record] of days) all.set(day, record);
        otherDays.set(device, all);
      }
    }
    const history = withOwnDays(withOtherDays(view, otherDays), this.#device, ownDays);
    const todayTotals = dayTotals(history[today] ?? {});
    const goals = effectiveGoals(settings, todayTotals.workout);
    const foreign = [...view.foreign];
    if (settingsRead.status === 'newer' || settingsRead.status === 'invalid') {
      foreign.push({
        key: SYNC_KEYS.settings,
        reason: settingsRead.status === 'newer' ? 'newerVersion' : 'invalid',
      });
    }
    const recentEntries = [...this.#recentMonths]
      .reverse()
      .flatMap((month) => bucketKeys(month).flatMap((key) => this.#recent.get(key) ?? []))
      .sort((a, b) => a.at - b.at);
    return {
      recentEntries,
      records: this.#records,
      customExercises: this.#customRead.read(this.#sync[SYNC_KEYS.custom]).value.exercises,
      device: this.#device,
      today,
      settings,
      goals,
      todayTotals,
      reports: habitReports(historyTotals(history), habitRules(settings, goals), today),
      history,
      devices: new Set([...view.devices.keys(), this.#device]).size,
      foreign,
      syncState: this.#syncState,
    };
  }
}

/** Reads everything the pages show, once. */
export async function readOverview(
  areas: { local: KeyValueArea; sync: KeyValueArea },
  now: number,
  withEntries = true,
): Promise<Overview> {
  const source = new OverviewSource(areas, withEntries);
  await source.load(now);
  return source.overview(now)!;
}

/** Today's water goal: the one the day was logged against, else the current one. */
export function todayWaterGoal(overview: Overview): number {
  return overview.todayTotals.waterGoalMl ?? overview.goals.waterMl;
}

export function snapshotOf(overview: Overview): TodaySnapshot {
  const { today, settings, goals, todayTotals, reports } = overview;
  return { today, settings, goals, todayTotals, reports };
}

/** Every entry in this browser, oldest first: exports read them all. */
export async function readAllEntries(local: KeyValueArea): Promise<Entry[]> {
  const raw = (await local.get(LOCAL_KEYS.months))[LOCAL_KEYS.months];
  const entries = await readEntries(local, readVersioned(monthsFormat, raw).value.months);
  return entries.sort((a, b) => a.at - b.at);
}

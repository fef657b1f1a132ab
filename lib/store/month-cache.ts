/**
 * The months the writer keeps decoded between commits, in step with what it stored: a log
 * appends one tuple and recomputes one day, so it costs the same at the end of a heavy month
 * as at its start. Only the months used last are kept (KEPT_MONTHS): what the worker holds does
 * not grow with the history it has touched, and a month let go is read again when next needed.
 *
 * Instants are kept unique per device (an entry logged in the same millisecond as another is
 * moved one millisecond on), because an entry's id is derived from its device and instant; the
 * months around an instant are checked too, so an id stays unique across months.
 */
import { dayKeyFromNumber, type DayKey } from '../model/days';
import type { Entry } from '../model/entries';
import { ProblemError } from '../model/problem';
import type { DeviceDay } from '../stats/summary';
import { encodeEntry } from './codec';
import { decodeOwnDays, LOCAL_KEYS, type KeyValueArea } from './items';
import { bucketKeys, decodeMonth, type DecodedBucket } from './buckets';

/** A change refused because it would overwrite what this version cannot read. */
export class WriteRefusedError extends ProblemError {
  override name = 'WriteRefusedError';
}

/**
 * Months kept decoded: the month of today and those around it, which every log and the logs
 * of the last days touch, with room for one more (an entry of some weeks ago).
 */
export const KEPT_MONTHS = 4;

/** A month as the writer keeps it between commits. */
export interface MonthState {
  /** The month's item and its recent item. */
  month: DecodedBucket;
  recent: DecodedBucket;
  /** This device's daily records of the month. */
  ownDays: Map<DayKey, DeviceDay>;
  /** This device's instants in the month, which new entries must not reuse. */
  instants: Set<number>;
}

/** The months whose buckets may hold an entry of this instant, whatever day it was given. */
export function monthsAround(at: number): [before: string, of: string, after: string] {
  const day = Math.floor(at / 86_400_000);
  let months = monthsAroundDay.get(day);
  if (!months) {
    const month = (offset: number) => dayKeyFromNumber(day + offset).slice(0, 7);
    months = [month(-2), month(0), month(2)];
    if (monthsAroundDay.size > 1_000) monthsAroundDay.clear();
    monthsAroundDay.set(day, months);
  }
  return months;
}
const monthsAroundDay = new Map<number, [string, string, string]>();

/** A burst asks for the same millisecond many times: where to search on from, per instant. */
const SEARCH_FROM_KEPT = 1_000;

export class MonthCache {
  /** Least recently used first. */
  readonly #months = new Map<string, MonthState | 'refused'>();
  readonly #searchFrom = new Map<number, number>();

  constructor(
    private readonly local: KeyValueArea,
    private readonly device: string,
    private readonly limit = KEPT_MONTHS,
  ) {}

  /** The months kept, least recently used first. */
  get months(): string[] {
    return [...this.#months.keys()];
  }

  /**
   * Makes sure the given months are kept, as the most recently used, reading those that are
   * not in one call.
   */
  async load(months: Iterable<string>): Promise<void> {
    const wanted = new Set(months);
    const missing: string[] = [];
    for (const month of wanted) {
      const state = this.#months.get(month);
      if (state === undefined) missing.push(month);
      else {
        this.#months.delete(month);
        this.#months.set(month, state);
      }
    }
    if (missing.length === 0) return;
    const raw = await this.local.get([
      ...missing.flatMap(bucketKeys),
      ...missing.map(LOCAL_KEYS.days),
    ]);
    for (const month of missing) {
      const { month: bucket, recent } = decodeMonth(month, raw);
      if (!bucket || !recent) {
        this.#months.set(month, 'refused');
        continue;
      }
      const instants = new Set<number>();
      for (const entry of [...bucket.entries, ...recent.entries])
        if (entry.device === this.device) instants.add(entry.at);
      this.#months.set(month, {
        month: bucket,
        recent,
        ownDays: decodeOwnDays(month, raw[LOCAL_KEYS.days(month)]),
        instants,
      });
    }
  }

  /** A month loaded before; refused when this version cannot write it. */
  get(month: string): MonthState {
    const state = this.#months.get(month);
    if (state === undefined) throw new Error(`Month not loaded: ${month}`);
    if (state === 'refused') throw new WriteRefusedError('storage.unreadableMonth', [month]);
    return state;
  }

  /** Every entry of the months kept (those this version can read). */
  entries(): Entry[] {
    return [...this.#months.values()].flatMap((state) =>
      state === 'refused' ? [] : [...state.month.entries, ...state.recent.entries],
    );
  }

  /** Lets go of the months used least recently, beyond the limit. */
  trim(): void {
    for (const month of this.#months.keys()) {
      if (this.#months.size <= this.limit) return;
      this.#months.delete(month);
    }
  }

  clear(): void {
    this.#months.clear();
    this.#searchFrom.clear();
  }

  /** An instant of this device no entry of the months around it has, from `at` on. */
  uniqueInstant(at: number): number {
    // The months two days either side are searched, so moving on by a few ms stays inside them.
    const states = monthsAround(at).map((month) => this.get(month));
    let instant = Math.max(at, this.#searchFrom.get(at) ?? at);
    while (states.some((state) => state.instants.has(instant))) instant++;
    states[1]!.instants.add(instant);
    if (this.#searchFrom.size >= SEARCH_FROM_KEPT) this.#searchFrom.clear();
    this.#searchFrom.set(at, instant + 1);
    return instant;
  }
}

/**
 * Moves the recent item's entries into the month's item, in the month item's tables. Both
 * items are then to be written.
 */
export function moveRecentIntoMonth(state: MonthState, month: string): void {
  for (const entry of state.recent.entries) {
    state.month.entries.push(entry);
    state.month.tuples.push(encodeEntry(entry, month, state.month.tables));
  }
  state.recent = emptyPart(state.recent);
}

/** An item emptied of its entries; tuples it could not read stay, with the tables they index. */
function emptyPart(bucket: DecodedBucket): DecodedBucket {
  const tables = bucket.unreadable.length > 0 ? bucket.tables : { devices: [], exercises: [] };
  return { tables, entries: [], tuples: [], unreadable: bucket.unreadable };
}

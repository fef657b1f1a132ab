import type { PageStorage } from '../../lib/adapters/page-storage';
import { sendMessage } from '../../lib/adapters/send-message';
import { bucketKeys, decodeBucket, monthOfBucketKey } from '../../lib/store/buckets';
import type { StorageChanges } from '../../lib/app/overview';
import { SerialQueue } from '../../lib/model/async';
import {
  DIGESTED_KINDS,
  digestEntries,
  mergeDigests,
  type EntriesDigest,
} from '../../lib/stats/progress';
import { drawSoon } from '../draw-soon';

/** The digest of a stored entry item as a storage change carries it. */
function digestOf(key: string, value: unknown): EntriesDigest {
  return digestEntries(decodeBucket(monthOfBucketKey(key)!, value, DIGESTED_KINDS)?.entries ?? []);
}

/**
 * What the page draws from each month's entries, as digests. The worker reads and digests the
 * months (on its own thread, while this page reads its overview and draws), and sends digests a
 * few hundred times smaller than the months; afterwards a change to a month's item is digested
 * here from the change itself, so a log reads nothing. A month's digest is replaced, never
 * changed in place, so what was computed from an unchanged month can be kept.
 */
export class MonthDigests {
  /** Oldest month first, months without entries left out. */
  months = $state.raw<[month: string, digest: EntriesDigest][]>();
  // Kept privately; what the page sees is `months`, replaced whole.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #items = new Map<string, EntriesDigest>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #byMonth = new Map<string, EntriesDigest>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #changedDuringRead = new Map<string, EntriesDigest>();
  #reading = true;
  /** Items changed since they were last shown, as stored (digested when drawn). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #changed = new Map<string, unknown>();
  readonly #showSoon = drawSoon(() => {
    const months: string[] = [];
    for (const [key, value] of this.#changed) {
      this.#items.set(key, digestOf(key, value));
      const month = monthOfBucketKey(key)!;
      if (!months.includes(month)) months.push(month);
    }
    this.#changed.clear();
    this.#show(months);
  });

  /** Follows the entry items for as long as the component that made this lives. */
  constructor(storage: PageStorage) {
    const keys = (key: string) => monthOfBucketKey(key) !== undefined;
    $effect(() => storage.follow({ area: 'local', keys }, (changes) => this.#take(changes)));
  }

  #take(changes: StorageChanges): void {
    for (const [key, { newValue }] of Object.entries(changes)) {
      if (this.#reading) this.#changedDuringRead.set(key, digestOf(key, newValue));
      else {
        this.#changed.set(key, newValue);
        this.#showSoon();
      }
    }
  }

  // The first read, and the later reads of older months -----------------------------------------
  /** The oldest month read: every month from it on has been read. */
  #readFrom: string | undefined;
  /** One read at a time, each after the last has ended (well or not). */
  readonly #reads = new SerialQueue();

  /**
   * Reads the months from `from` on (every month without it) that are not read yet: the page
   * reads its recent months first and older ones only when they are asked for.
   */
  read(from = ''): Promise<void> {
    return this.#reads.run(() => this.#readOlder(from));
  }

  async #readOlder(from: string): Promise<void> {
    const until = this.#readFrom;
    if (until !== undefined && until <= from) return;
    this.#reading = true;
    const read = await sendMessage('entryDigests', { from, ...(until && { until }) });
    // Changes announced while reading are newer than, or the same as, what was read.
    const items = { ...read, ...Object.fromEntries(this.#changedDuringRead) };
    this.#changedDuringRead.clear();
    for (const [key, digest] of Object.entries(items)) this.#items.set(key, digest);
    this.#readFrom = from;
    this.#reading = false;
    this.#show(Object.keys(items).map((key) => monthOfBucketKey(key)!));
  }

  #show(changed: readonly string[]): void {
    for (const month of changed) {
      const parts = bucketKeys(month).flatMap((key) => this.#items.get(key) ?? []);
      this.#byMonth.set(month, mergeDigests(parts));
    }
    this.months = [...this.#byMonth]
      .filter(([, digest]) => Object.keys(digest.weightedSets).length + digest.nudges.length > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1));
  }
}

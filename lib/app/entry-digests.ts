/**
 * The progress page's view of entries, kept by the worker: the digest of each entry item (see
 * `EntriesDigest`), computed once and sent instead of the months, so a page opening neither
 * reads nor decodes months the worker has digested.
 */
import { DIGESTED_KINDS, digestEntries, type EntriesDigest } from '../stats/progress';
import { LOCAL_KEYS, monthsFormat, readVersioned, type KeyValueArea } from '../store/items';
import { bucketKeys, decodeBucket, monthOfBucketKey } from '../store/buckets';

/**
 * Months whose digests are kept: two years, more than the page's first read (its year view).
 * Older months, read when the page shows all years, are digested again on each such read, so
 * what the worker keeps does not grow with the history.
 */
export const KEPT_DIGEST_MONTHS = 24;

/**
 * Digests are kept until their item is written, those of the months read last
 * (KEPT_DIGEST_MONTHS). The worker writes local storage only through
 * `area`, whose every write drops the digests of the items it touches, both when it starts and
 * when it is stored, so no digest outlives its item and no read that overlapped a write keeps
 * what it read; a write from elsewhere drops them through `forget` (from `storage.onChanged`).
 */
export class EntryDigests {
  /** By item key, the least recently read first. */
  readonly #kept = new Map<string, EntriesDigest>();
  /** Counts the writes of entry items: a read that overlapped one keeps nothing. */
  #writes = 0;
  /** The local area to write through. */
  readonly area: KeyValueArea;

  constructor(private readonly local: KeyValueArea) {
    const writing = async (keys: string[], write: () => Promise<void>) => {
      this.forget(keys);
      try {
        await write();
      } finally {
        this.forget(keys);
      }
    };
    this.area = {
      get: (keys) => local.get(keys),
      set: (items) => writing(Object.keys(items), () => local.set(items)),
      remove: (keys) => writing([keys].flat(), () => local.remove(keys)),
      ...(local.getBytesInUse && { getBytesInUse: (keys) => local.getBytesInUse!(keys) }),
      ...(local.getKeys && { getKeys: () => local.getKeys!() }),
    };
  }

  /** Drops the digests of the items among `keys`. */
  forget(keys: Iterable<string>): void {
    for (const key of keys) {
      if (!monthOfBucketKey(key)) continue;
      this.#kept.delete(key);
      this.#writes++;
    }
  }

  /**
   * The digest of each entry item of the months from `from` (every month when empty) up to,
   * not including, `until`, by key; the months not kept are read, one read a month, all at once
   * (Chromium answers a dozen month reads in less than half the time of one read of them all).
   */
  async read(from: string, until?: string): Promise<Record<string, EntriesDigest>> {
    const index = (await this.local.get(LOCAL_KEYS.months))[LOCAL_KEYS.months];
    const months = readVersioned(monthsFormat, index).value.months.filter(
      (month) => month >= from && (until === undefined || month < until),
    );
    const writes = this.#writes;
    const digests = await Promise.all(
      months.map(async (month) => {
        const keys = bucketKeys(month);
        if (keys.every((key) => this.#kept.has(key)))
          return keys.map((key) => [key, this.#kept.get(key)!] as const);
        const raw = await this.local.get(keys);
        return keys.map((key) => {
          const entries = decodeBucket(month, raw[key], DIGESTED_KINDS)?.entries ?? [];
          return [key, digestEntries(entries)] as const;
        });
      }),
    );
    const read = digests.flat();
    if (writes === this.#writes) this.#keep(read);
    return Object.fromEntries(read);
  }

  /** Keeps digests just read as the most recent, letting go of the least recently read. */
  #keep(read: readonly (readonly [string, EntriesDigest])[]): void {
    for (const [key, digest] of read) {
      this.#kept.delete(key);
      this.#kept.set(key, digest);
    }
    // A month has two items (its own and its recent one).
    const limit = KEPT_DIGEST_MONTHS * 2;
    for (const key of this.#kept.keys()) {
      if (this.#kept.size <= limit) return;
      this.#kept.delete(key);
    }
  }
}

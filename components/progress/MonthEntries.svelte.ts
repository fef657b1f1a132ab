import { browser } from 'wxt/browser';
import type { Entry } from '../../lib/model/entries';
import { readEntryItems } from '../../lib/app/overview';
import { browserAreas } from '../../lib/adapters/storage-areas';
import { bucketKeys, decodeBucket, monthOfBucketKey } from '../../lib/store/items';
import { SerialQueue } from '../../lib/model/async';
import { drawSoon } from '../draw-soon';

/**
 * The kinds the page draws from entries (strength from sets, nudge weeks from prompts); water,
 * nearly half of a heavy day's entries, comes from the daily records and is not decoded.
 */
const SHOWN_KINDS: ReadonlySet<Entry['kind']> = new Set(['set', 'prompt']);

/**
 * Every month's entries of the kinds the page shows, read once; afterwards a change to a month
 * is taken from the change itself, so a log decodes that month's changed item again and reads
 * nothing. A month's list is replaced, never changed in place, so what was computed from an
 * unchanged month can be kept.
 */
export class MonthEntries {
  /** Oldest month first. */
  months = $state.raw<[month: string, entries: Entry[]][]>();
  // Kept privately; what the page sees is `months`, replaced whole.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #items = new Map<string, Entry[]>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #byMonth = new Map<string, Entry[]>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #changedDuringRead = new Map<string, Entry[]>();
  #reading = true;
  /** Items changed since they were last shown, as stored (decoded when drawn). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #changed = new Map<string, unknown>();
  readonly #showSoon = drawSoon(() => {
    const months: string[] = [];
    for (const [key, value] of this.#changed) {
      const month = monthOfBucketKey(key)!;
      this.#items.set(key, decodeBucket(month, value, SHOWN_KINDS)?.entries ?? []);
      if (!months.includes(month)) months.push(month);
    }
    this.#changed.clear();
    this.#show(months);
  });

  constructor() {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local') return;
      for (const [key, { newValue }] of Object.entries(changes)) {
        const month = monthOfBucketKey(key);
        if (!month) continue;
        if (this.#reading)
          this.#changedDuringRead.set(
            key,
            decodeBucket(month, newValue, SHOWN_KINDS)?.entries ?? [],
          );
        else {
          this.#changed.set(key, newValue);
          this.#showSoon();
        }
      }
    });
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
    const items = await readEntryItems(browserAreas().local, from, until, SHOWN_KINDS);
    // Changes announced while reading are newer than, or the same as, what was read.
    for (const [key, entries] of this.#changedDuringRead) items.set(key, entries);
    this.#changedDuringRead.clear();
    for (const [key, entries] of items) this.#items.set(key, entries);
    this.#readFrom = from;
    this.#reading = false;
    this.#show([...items.keys()].map((key) => monthOfBucketKey(key)!));
  }

  #show(changed: readonly string[]): void {
    for (const month of changed) {
      this.#byMonth.set(
        month,
        bucketKeys(month).flatMap((key) => this.#items.get(key) ?? []),
      );
    }
    this.months = [...this.#byMonth]
      .filter(([, entries]) => entries.length > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1));
  }
}

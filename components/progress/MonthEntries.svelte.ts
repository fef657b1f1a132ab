import { browser } from 'wxt/browser';
import type { Entry } from '../../lib/entries';
import { readMonthEntries } from '../../lib/overview';
import { browserAreas, decodeBucket } from '../../lib/storage';

/**
 * Every month's entries, read once; afterwards a change to a month is taken from the change
 * itself, so a log decodes that one month again and reads nothing. A month's list is replaced,
 * never changed in place, so what was computed from an unchanged month can be kept.
 */
export class MonthEntries {
  /** Oldest month first. */
  months = $state.raw<[month: string, entries: Entry[]][]>();
  // Kept privately; what the page sees is `months`, replaced whole.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #byMonth = new Map<string, Entry[]>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #changedDuringRead = new Map<string, Entry[]>();
  #reading = true;

  constructor() {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local') return;
      for (const [key, { newValue }] of Object.entries(changes)) {
        if (!key.startsWith('entries.')) continue;
        const month = key.slice('entries.'.length);
        const entries = decodeBucket(month, newValue)?.entries ?? [];
        (this.#reading ? this.#changedDuringRead : this.#byMonth).set(month, entries);
        if (!this.#reading) this.#show();
      }
    });
  }

  async read(): Promise<void> {
    this.#byMonth = await readMonthEntries(browserAreas().local);
    // Changes announced while reading are newer than, or the same as, what was read.
    for (const [month, entries] of this.#changedDuringRead) this.#byMonth.set(month, entries);
    this.#reading = false;
    this.#show();
  }

  #show(): void {
    this.months = [...this.#byMonth]
      .filter(([, entries]) => entries.length > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1));
  }
}

import { browser } from 'wxt/browser';
import type { Overview, OverviewSource, StorageChanges } from '../lib/app/overview';
import type { TodaySnapshot } from '../lib/stats/today';
import { coalescing } from '../lib/model/async';
import { readSnapshot } from '../lib/store/first-paint';
import { describeError } from './errors';

/**
 * Today's data as the pages show it, read from storage once, then kept up to date from each
 * storage change that concerns it (a log from the background, a notification button, another
 * device's sync): the change carries the new values, so open pages stay live without polling
 * and without reading their history again.
 */
export class OverviewState {
  overview = $state.raw<Overview>();
  /** The worker's snapshot of today, shown until the full read is done. */
  snapshot = $state.raw<TodaySnapshot>();
  error = $state<string>();
  #source: OverviewSource | undefined;
  #loaded = false;
  readonly #reads = coalescing(() => this.#read());

  constructor() {
    browser.storage.onChanged.addListener((changes, area) => {
      // Before the first read there is nothing to bring up to date: that read sees the change.
      const source = this.#source;
      if (!source?.concerns(changes as StorageChanges, area)) return;
      source.apply(changes as StorageChanges, area);
      // A change during a read may be older than what the read found: read once more after it.
      if (this.#reads.busy) void this.#reads.run();
      else if (this.#loaded) this.#show(source);
    });
  }

  /** Reads the worker's snapshot of today: one small key, for a first paint without waiting. */
  async readSnapshot(): Promise<TodaySnapshot | undefined> {
    this.snapshot = await readSnapshot(browser.storage.local, Date.now());
    return this.snapshot;
  }

  #show(source: OverviewSource): void {
    const overview = source.overview(Date.now());
    // A new month began: its entries and records are read afresh.
    if (overview) this.overview = overview;
    else void this.refresh();
  }

  /** Reads everything; changes arriving during a read cause exactly one more read after it. */
  async refresh(): Promise<void> {
    const first = !this.#reads.busy;
    await this.#reads.run();
    if (first && this.#loaded) this.#show(this.#source!);
  }

  async #read(): Promise<void> {
    // Loaded on first use: the popup paints the snapshot before it needs any of this.
    const [{ OverviewSource }, { browserAreas }] = await Promise.all([
      import('../lib/app/overview'),
      import('../lib/adapters/storage-areas'),
    ]);
    const source = (this.#source ??= new OverviewSource(browserAreas()));
    try {
      await source.load(Date.now());
      this.#loaded = true;
      this.error = undefined;
    } catch (error) {
      this.error = describeError(error);
    }
  }
}

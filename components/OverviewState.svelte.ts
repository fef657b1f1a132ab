import { browser } from 'wxt/browser';
import type { Overview, TodaySnapshot } from '../lib/overview';
import { readSnapshot } from '../lib/snapshot';

/**
 * Today's data as the pages show it, read from storage and read again whenever storage changes
 * (a log from the background, a notification button, another device's sync), so open pages
 * stay live without polling.
 */
export class OverviewState {
  overview = $state<Overview>();
  /** The worker's snapshot of today, shown until the full read is done. */
  snapshot = $state<TodaySnapshot>();
  error = $state<string>();
  #reading: Promise<void> | undefined;
  #again = false;

  constructor() {
    browser.storage.onChanged.addListener(() => void this.refresh());
  }

  /** Reads the worker's snapshot of today: one small key, for a first paint without waiting. */
  async readSnapshot(): Promise<TodaySnapshot | undefined> {
    this.snapshot = await readSnapshot(browser.storage.local, Date.now());
    return this.snapshot;
  }

  /** Reads again; changes arriving during a read cause exactly one more read after it. */
  refresh(): Promise<void> {
    if (this.#reading) {
      this.#again = true;
      return this.#reading;
    }
    this.#reading = (async () => {
      // Loaded on first use: the popup paints the snapshot before it needs any of this.
      const [{ readOverview }, { browserAreas }] = await Promise.all([
        import('../lib/overview'),
        import('../lib/storage'),
      ]);
      do {
        this.#again = false;
        try {
          this.overview = await readOverview(browserAreas(), Date.now());
          this.error = undefined;
        } catch (error) {
          this.error = error instanceof Error ? error.message : String(error);
        }
      } while (this.#again);
      this.#reading = undefined;
    })();
    return this.#reading;
  }
}

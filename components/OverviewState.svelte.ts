import { browser } from 'wxt/browser';
import { readOverview, type Overview } from '../lib/overview';
import { browserAreas } from '../lib/storage';

/**
 * Today's data as the pages show it, read from storage and read again whenever storage changes
 * (a log from the background, a notification button, another device's sync), so open pages
 * stay live without polling.
 */
export class OverviewState {
  overview = $state<Overview>();
  error = $state<string>();
  #reading: Promise<void> | undefined;
  #again = false;

  constructor() {
    browser.storage.onChanged.addListener(() => void this.refresh());
  }

  /** Reads again; changes arriving during a read cause exactly one more read after it. */
  refresh(): Promise<void> {
    if (this.#reading) {
      this.#again = true;
      return this.#reading;
    }
    this.#reading = (async () => {
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

import type { Overview, OverviewSource, StorageChanges } from '../lib/app/overview';
import type { PageStorage } from '../lib/adapters/page-storage';
import type { TodaySnapshot } from '../lib/stats/today';
import { coalescing } from '../lib/model/async';
import { drawSoon } from './draw-soon';
import { describeError } from './errors';

/**
 * Today's data as the pages show it, read from storage once, then kept up to date from each
 * storage change that concerns it (a log from the background, a notification button, another
 * device's sync): the change carries the new values, so open pages stay live without polling
 * and without reading their history again. It follows storage for as long as the component that
 * made it lives.
 */
export class OverviewState {
  overview = $state.raw<Overview>();
  /** The worker's snapshot of today, shown until the full read is done. */
  snapshot = $state.raw<TodaySnapshot>();
  error = $state<string>();
  #source: OverviewSource | undefined;
  #loaded = false;
  readonly #reads = coalescing(() => this.#read());
  /** Changes not taken in yet, per area, the newest value of each key. */
  #pending: Record<string, StorageChanges> = {};
  readonly #showSoon = drawSoon(() => {
    const source = this.#source;
    if (!source || this.#reads.busy) return;
    for (const [area, changes] of Object.entries(this.#pending)) source.apply(changes, area);
    this.#pending = {};
    this.#show(source);
  });

  /**
   * `recentEntries`: whether the overview carries this month's and last month's entries (the
   * popup lists and prefills from them); the other pages show totals and records only, and do
   * not read or decode two heavy months of entries for nothing.
   */
  constructor(
    private readonly pageStorage: PageStorage,
    private readonly options: { recentEntries?: boolean } = {},
  ) {
    $effect(() => {
      const stops = (['local', 'sync'] as const).map((area) =>
        pageStorage.follow({ area }, (changes) => this.#take(changes, area)),
      );
      return () => stops.forEach((stop) => stop());
    });
  }

  #take(changes: StorageChanges, area: string): void {
    // Before the first read there is nothing to bring up to date: that read sees the change.
    const source = this.#source;
    if (!source?.concerns(changes, area)) return;
    // A change during a read may be older than what the read found: read once more after it.
    if (this.#reads.busy) void this.#reads.run();
    else if (this.#loaded) {
      // Taken in and drawn together with any that follow it at once.
      Object.assign((this.#pending[area] ??= {}), changes);
      this.#showSoon();
    }
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
    const { OverviewSource } = await import('../lib/app/overview');
    const source = (this.#source ??= new OverviewSource(
      this.pageStorage,
      this.options.recentEntries ?? false,
    ));
    // The read finds these changes or newer values.
    this.#pending = {};
    try {
      await source.load(Date.now());
      this.#loaded = true;
      this.error = undefined;
    } catch (error) {
      this.error = describeError(error);
    }
  }
}

/**
 * The worker's own view of today (for the badge, its title, the popup's snapshot and the water
 * reminder), read once and then kept up to date from what each storage change carries, as the
 * pages keep theirs: a log costs the worker no read of every device's history.
 */
import { coalescing } from '../model/async';
import type { KeyValueArea } from '../store/items';
import { OverviewSource, type Overview, type StorageChanges } from './overview';

export class KeptOverview {
  readonly #source: OverviewSource;
  #loaded = false;
  /** The moment the last read was asked for. */
  #readAt = 0;
  /** A change arriving during a read asks for one more: what the read found may be older. */
  readonly #reads = coalescing(async () => {
    this.#loaded = false;
    await this.#source.load(this.#readAt);
    this.#loaded = true;
  });

  constructor(areas: { local: KeyValueArea; sync: KeyValueArea }) {
    this.#source = new OverviewSource(areas, false);
  }

  /** Takes in a storage change; call it for every change, before asking for the overview. */
  onChanged(changes: StorageChanges, area: string): void {
    if (!this.#source.concerns(changes, area)) return;
    // A failed read is reported to whoever waits for the overview.
    if (this.#reads.busy) this.#reads.run().catch(() => undefined);
    else if (this.#loaded) this.#source.apply(changes, area);
  }

  async overview(now: number): Promise<Overview> {
    for (;;) {
      if (this.#reads.busy) await this.#reads.settled();
      else if (this.#loaded) {
        // Undefined when a new month began since the read: read again.
        const overview = this.#source.overview(now);
        if (overview) return overview;
        this.#loaded = false;
      } else {
        this.#readAt = now;
        await this.#reads.run();
      }
    }
  }
}

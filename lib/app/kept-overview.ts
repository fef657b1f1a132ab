/**
 * The worker's own view of today (for the badge, its title, the popup's snapshot and the water
 * reminder), read once and then kept up to date from what each storage change carries, as the
 * pages keep theirs: a log costs the worker no read of every device's history.
 */
import type { KeyValueArea } from '../store/items';
import { OverviewSource, type Overview, type StorageChanges } from './overview';

export class KeptOverview {
  readonly #source: OverviewSource;
  #loading: Promise<void> | undefined;
  #loaded = false;
  /** A change arrived during a read: what the read found may be older, so it reads again. */
  #stale = false;

  constructor(areas: { local: KeyValueArea; sync: KeyValueArea }) {
    this.#source = new OverviewSource(areas, false);
  }

  /** Takes in a storage change; call it for every change, before asking for the overview. */
  onChanged(changes: StorageChanges, area: string): void {
    if (!this.#source.concerns(changes, area)) return;
    if (this.#loading) this.#stale = true;
    if (this.#loaded) this.#source.apply(changes, area);
  }

  async overview(now: number): Promise<Overview> {
    for (;;) {
      if (this.#loading) await this.#loading;
      else if (this.#loaded) {
        // Undefined when a new month began since the read: read again.
        const overview = this.#source.overview(now);
        if (overview) return overview;
        this.#loaded = false;
      } else await this.#load(now);
    }
  }

  #load(now: number): Promise<void> {
    this.#loading = (async () => {
      try {
        do {
          this.#stale = false;
          await this.#source.load(now);
        } while (this.#stale);
        this.#loaded = true;
      } finally {
        this.#loading = undefined;
      }
    })();
    return this.#loading;
  }
}

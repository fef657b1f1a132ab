import type { Settings } from '../lib/model/settings';
import type { PageStorage } from '../lib/adapters/page-storage';
import { readVersioned, settingsFormat, SYNC_KEYS } from '../lib/store/items';

/**
 * The settings as stored in sync, read again whenever they change (here or on another device),
 * for as long as the component that made this lives.
 */
export class SettingsState {
  settings = $state<Settings>();

  constructor(private readonly pageStorage: PageStorage) {
    $effect(() =>
      pageStorage.follow({ area: 'sync', keys: [SYNC_KEYS.settings] }, () => void this.load()),
    );
  }

  async load(): Promise<void> {
    const raw = (await this.pageStorage.sync.get(SYNC_KEYS.settings))[SYNC_KEYS.settings];
    this.settings = readVersioned(settingsFormat, raw).value;
  }
}

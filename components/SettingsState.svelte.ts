import { browser } from 'wxt/browser';
import type { Settings } from '../lib/model/settings';
import { browserAreas } from '../lib/adapters/storage-areas';
import { readVersioned, settingsFormat, SYNC_KEYS } from '../lib/store/items';

/** The settings as stored in sync, read again whenever they change (here or on another device). */
export class SettingsState {
  settings = $state<Settings>();

  constructor() {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'sync' && SYNC_KEYS.settings in changes) void this.load();
    });
  }

  async load(): Promise<void> {
    const raw = (await browserAreas().sync.get(SYNC_KEYS.settings))[SYNC_KEYS.settings];
    this.settings = readVersioned(settingsFormat, raw).value;
  }
}

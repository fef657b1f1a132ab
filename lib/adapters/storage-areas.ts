/** The browser's storage areas, as the domain's KeyValueArea, for the entrypoints and pages. */
import { browser } from 'wxt/browser';
import type { KeyValueArea } from '../store/items';

export function browserAreas(): { local: KeyValueArea; sync: KeyValueArea } {
  return {
    local: browser.storage.local as unknown as KeyValueArea,
    sync: browser.storage.sync as unknown as KeyValueArea,
  };
}

export function sessionArea(): KeyValueArea {
  return browser.storage.session as unknown as KeyValueArea;
}

import { browser } from 'wxt/browser';
import { listenForMessages } from '../lib/messaging';

export default defineBackground(() => {
  const startedAt = Date.now();
  listenForMessages({
    getStatus: () => ({ version: browser.runtime.getManifest().version, startedAt }),
  });
});

import { browser } from 'wxt/browser';
import { listenForMessages } from '../lib/messaging';
import { browserAreas } from '../lib/storage';
import { createWorker } from '../lib/worker';

export default defineBackground(() => {
  const worker = createWorker({
    ...browserAreas(),
    alarms: browser.alarms,
    now: Date.now,
    version: browser.runtime.getManifest().version,
    randomId: () => crypto.randomUUID().replace(/-/g, '').slice(0, 10),
  });
  listenForMessages(worker.handlers);
  browser.alarms.onAlarm.addListener((alarm) => void worker.onAlarm(alarm));
  // The end-to-end tests and the demo drive the worker's own code paths through this handle.
  Object.assign(globalThis, { backbone: worker });
  void worker.resume();
});

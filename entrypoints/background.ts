import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { translate } from '../lib/adapters/translate';
import { listenForMessages } from '../lib/adapters/listen-for-messages';
import { browserAreas, sessionArea } from '../lib/adapters/storage-areas';
import { CHECKIN_REMINDER_KEY, SESSION_KEYS, SYNC_KEYS } from '../lib/store/items';
import { openInReusedTab } from '../lib/nudge/reused-tab';
import { createWorker } from '../lib/app/worker';
import { drawFirstPaint } from '../components/popup/first-paint-html';
import { firstPaintBuild } from '../lib/store/first-paint';

export default defineBackground(() => {
  const firefox = import.meta.env.BROWSER === 'firefox';
  const version = browser.runtime.getManifest().version;
  const openGuidePage = (query: string) =>
    openInReusedTab(
      {
        tabs: browser.tabs,
        focusWindow: (windowId) => browser.windows.update(windowId, { focused: true }),
        session: sessionArea(),
      },
      SESSION_KEYS.guideTab,
      browser.runtime.getURL(`/guide.html?${query}`),
    );
  const worker = createWorker({
    ...browserAreas(),
    session: sessionArea(),
    alarms: browser.alarms,
    action: browser.action,
    notifications: browser.notifications,
    queryIdle: (seconds) => browser.idle.queryState(seconds),
    setIdleThreshold: (seconds) => browser.idle.setDetectionInterval(seconds),
    isFullscreen: async () => (await browser.windows.getLastFocused()).state === 'fullscreen',
    // Needs no `tabs` permission: only a tab's url, title and icon are withheld without it.
    isAudible: async () => (await browser.tabs.query({ audible: true })).length > 0,
    openGuide: (kind) => openGuidePage(`prompt=${kind}`),
    openSession: () => openGuidePage('session'),
    openPage: async (path) => {
      await browser.tabs.create({ url: browser.runtime.getURL(path as '/checkin.html') });
    },
    t: translate,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    // Firefox notifications have no buttons: clicking one opens the guide page instead.
    buttons: !firefox,
    closedByUser: firefox ? 'unknown' : 'reported',
    now: Date.now,
    version,
    firstPaint: {
      draw: drawFirstPaint,
      build: firstPaintBuild(version, browser.i18n.getUILanguage()),
    },
    randomId: () => crypto.randomUUID().replace(/-/g, '').slice(0, 10),
  });

  listenForMessages(worker.handlers);
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install')
      void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  browser.alarms.onAlarm.addListener((alarm) => void worker.onAlarm(alarm));
  browser.idle.onStateChanged.addListener((state) => void worker.engine.onIdleStateChanged(state));
  // Firefox has this event, unimplemented: adding a listener logs a warning on every start.
  if (!firefox) {
    browser.notifications.onButtonClicked.addListener(
      (id, index) => void worker.onButtonClicked(id, index),
    );
  }
  browser.notifications.onClicked.addListener((id) => void worker.onNotificationClicked(id));
  browser.notifications.onClosed.addListener(
    (id, byUser) => void worker.engine.onNotificationClosed(id, byUser),
  );
  browser.commands.onCommand.addListener((command) => void worker.onCommand(command));
  const onStorageChanged = (
    changes: Record<string, Browser.storage.StorageChange>,
    area: string,
  ) => {
    worker.onStorageChanged(changes, area);
    if (area === 'local') void worker.onLocalChanged(changes);
    if (area === 'sync' && SYNC_KEYS.settings in changes) void worker.onSettingsChanged();
    if (area === 'sync' && CHECKIN_REMINDER_KEY in changes) void worker.onCheckInReminderChanged();
    // The snapshot is the badge's own output: updating on it would loop.
    const keys = Object.keys(changes);
    if (!(keys.length === 1 && keys[0] === SESSION_KEYS.todaySnapshot)) void worker.updateBadge();
  };
  browser.storage.onChanged.addListener(onStorageChanged);
  // Firefox removes the storage listener of an event page it stops only after closing the page's
  // connection, and logs "sendRemoveListener on closed conduit": the page lets go of it first
  // (which leaves the listener that wakes the page in place), and takes it again if the stop is
  // called off.
  if (firefox) {
    browser.runtime.onSuspend.addListener(() =>
      browser.storage.onChanged.removeListener(onStorageChanged),
    );
    browser.runtime.onSuspendCanceled.addListener(() =>
      browser.storage.onChanged.addListener(onStorageChanged),
    );
  }
  // The end-to-end tests, the benchmarks and the demo drive the worker's own code paths through
  // this handle; only a build made for them (`--mode e2e`) has it.
  if (import.meta.env.MODE === 'e2e') Object.assign(globalThis, { backbone: worker });
  void worker.resume().then(() => worker.updateBadge());
});

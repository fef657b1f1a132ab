/** Driving the background worker's own code paths from a test, as the browser's events would. */
import type { Page, Worker } from 'playwright-core';
import type { LaunchedExtension } from './launch';
import { expect } from 'vitest';
import type { Settings } from '../../lib/model/settings';

/** Where the suites run code inside the background: Chromium's worker, Firefox's event page. */
export type Background = Pick<Worker, 'evaluate'>;

/** The alarms the worker set on its first start, once it has set them. */
export async function alarmsAfterInstall(worker: Background): Promise<string[]> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const names = await worker.evaluate(async () =>
      (await chrome.alarms.getAll()).map((alarm) => alarm.name),
    );
    if (names.length >= 4) return names.sort();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return [];
}

/** Every test starts from empty storage, as after a fresh install (the device id stays). */
export async function cleanSlate(worker: Background): Promise<void> {
  await worker.evaluate(async () => {
    const { device } = await chrome.storage.local.get('device');
    // Session storage too, as a browser's restart clears it: an earlier test's guide tab, kept
    // there for reuse, is not sent to this test's page while it may still be closing.
    await Promise.all([
      chrome.storage.local.clear(),
      chrome.storage.sync.clear(),
      chrome.storage.session.clear(),
      chrome.alarms.clearAll(),
    ]);
    await chrome.storage.local.set({ device });
    // As on a fresh start: the worker sets its alarms again.
    await (globalThis as unknown as { backbone: { resume(): Promise<void> } }).backbone.resume();
  });
}

export async function clearNotifications(worker: Background): Promise<void> {
  await worker.evaluate(async () => {
    const showing = await chrome.notifications.getAll();
    await Promise.all(Object.keys(showing).map((id) => chrome.notifications.clear(id)));
  });
}

type Backbone = {
  handlers: Record<string, (data: unknown) => Promise<unknown>>;
  engine: Record<string, (...args: unknown[]) => Promise<unknown>>;
};

/** Calls a message handler inside the worker, as if a page had sent the message. */
export function callHandler(
  worker: Background,
  type: string,
  data: unknown = {},
): Promise<unknown> {
  return worker.evaluate(
    ([name, payload]) =>
      (globalThis as unknown as { backbone: Backbone }).backbone.handlers[name as string]!(payload),
    [type, data] as const,
  );
}

/** Logs a glass of each amount inside the worker, all at once, as its own callers do. */
export function logWaterInWorker(worker: Worker, amounts: number[]): Promise<unknown[]> {
  return worker.evaluate(
    (list) =>
      Promise.all(
        list.map((ml) =>
          (globalThis as unknown as { backbone: Backbone }).backbone.handlers.logEntries!({
            entries: [{ kind: 'water', ml, at: Date.now() }],
          }),
        ),
      ),
    amounts,
  );
}

/** Calls the nudge engine as the notification and idle listeners do. */
export function callEngine(
  worker: Background,
  method: string,
  ...args: unknown[]
): Promise<unknown> {
  return worker.evaluate(
    ([name, values]) =>
      (globalThis as unknown as { backbone: Backbone }).backbone.engine[name as string]!(
        ...(values as unknown[]),
      ),
    [method, args] as const,
  );
}

/**
 * Records every notification the worker creates, with its options, passing it on to Chromium.
 * Chromium has both `chrome` and a native `browser` namespace (which the polyfill then uses).
 */
export function recordNotifications(worker: Background): Promise<void> {
  return worker.evaluate(() => {
    const record = globalThis as unknown as { shown?: { id: string; options: unknown }[] };
    if (record.shown) {
      record.shown = [];
      return;
    }
    record.shown = [];
    const namespaces = new Set([
      chrome.notifications,
      (globalThis as unknown as { browser?: typeof chrome }).browser?.notifications,
    ]);
    for (const notifications of namespaces) {
      if (!notifications) continue;
      const create = notifications.create.bind(notifications) as (...args: unknown[]) => unknown;
      (notifications as unknown as { create: unknown }).create = (
        id: string,
        options: unknown,
        ...rest: unknown[]
      ) => {
        record.shown!.push({ id, options });
        return create(id, options, ...rest);
      };
    }
  });
}

export function shownNotifications(
  worker: Background,
): Promise<
  { id: string; options: { title: string; message: string; buttons?: { title: string }[] } }[]
> {
  return worker.evaluate(() => (globalThis as unknown as { shown?: never[] }).shown ?? []);
}

export async function alarms(worker: Background): Promise<Record<string, number>> {
  const list = await worker.evaluate(() => chrome.alarms.getAll());
  return Object.fromEntries(list.map((alarm) => [alarm.name, alarm.scheduledTime]));
}

/** Makes an alarm fire in a moment, as Chromium would when its time comes. */
export async function fireSoon(worker: Background, name: string): Promise<void> {
  await worker.evaluate((alarm) => chrome.alarms.create(alarm, { when: Date.now() + 300 }), name);
}

/**
 * Saves settings through the worker and waits until the nudge schedule has followed them: the
 * state is stored first and the alarms are set after it, so an alarm a test sets before then
 * would be replaced by the schedule's.
 */
export async function saveSettings(worker: Background, settings: Settings): Promise<void> {
  await callHandler(worker, 'saveSettings', { settings });
  const basis = JSON.stringify(settings.nudges);
  await expect
    .poll(() =>
      worker.evaluate(
        async (nudges) => {
          const { nudgeState } = (await chrome.storage.local.get('nudgeState')) as {
            nudgeState?: {
              basis?: string;
              pausedIndefinitely?: boolean;
              awaySince?: number;
              kinds: Record<string, { dueAt?: number }>;
            };
          };
          if (!nudgeState) return undefined;
          const alarms = await chrome.alarms.getAll();
          const alarmsFollow = Object.entries(nudgeState.kinds).every(([kind, { dueAt }]) => {
            const wanted =
              nudges[kind]?.enabled && !nudgeState.pausedIndefinitely && !nudgeState.awaySince
                ? dueAt
                : undefined;
            const alarm = alarms.find(({ name }) => name === `nudge:${kind}`);
            return wanted === undefined
              ? !alarm
              : !!alarm && Math.abs(alarm.scheduledTime - wanted) <= 1000;
          });
          return alarmsFollow ? nudgeState.basis : 'alarms not set yet';
        },
        settings.nudges as unknown as Record<string, { enabled: boolean }>,
      ),
    )
    .toBe(basis);
}

/** Stops the extension's worker, as Chromium does when it is idle; the next event starts it. */
export async function stopWorkers(extension: LaunchedExtension, page: Page): Promise<void> {
  const session = await extension.context.newCDPSession(page);
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
}

/** A backup of one glass (777 ml) kept by a reset, and another glass (10 ml) logged since. */
export async function backupOfOneGlass(worker: Background): Promise<void> {
  await callHandler(worker, 'logEntries', {
    entries: [{ kind: 'water', ml: 777, at: Date.now() }],
  });
  await callHandler(worker, 'resetData');
  await callHandler(worker, 'logEntries', {
    entries: [{ kind: 'water', ml: 10, at: Date.now() - 40 * 86_400_000 }],
  });
}

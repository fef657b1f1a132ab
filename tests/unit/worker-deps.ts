/** The worker's dependencies for unit tests: fakeBrowser where it has the API, small fakes elsewhere. */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Translate } from '../../lib/model/formatting';
import type { KeyValueArea } from '../../lib/store/items';
import type { AlarmsApi, WorkerDependencies } from '../../lib/app/dependencies';
import { fakeIdle } from './fakes';

/** Messages as their key and substitutions, so tests can read what would be shown. */
export const keyTranslate: Translate = Object.assign(
  (key: string, substitutions?: (string | number)[]) =>
    substitutions?.length ? `${key}(${substitutions.join(',')})` : key,
  { locale: 'en' },
);

export function fakeWorkerDependencies(
  now: () => number,
  overrides: Partial<WorkerDependencies> = {},
) {
  const deps: WorkerDependencies = {
    local: fakeBrowser.storage.local as unknown as KeyValueArea,
    sync: fakeBrowser.storage.sync as unknown as KeyValueArea,
    alarms: fakeBrowser.alarms as unknown as AlarmsApi,
    action: fakeBrowser.action,
    notifications: fakeBrowser.notifications as unknown as WorkerDependencies['notifications'],
    queryIdle: (seconds) => fakeIdle.queryState(seconds),
    setIdleThreshold: (seconds) => fakeIdle.setDetectionInterval(seconds),
    isFullscreen: vi.fn(async () => false),
    isAudible: vi.fn(async () => false),
    openGuide: vi.fn(async () => {}),
    t: keyTranslate,
    iconUrl: 'icon/128.png',
    buttons: true,
    closedByUser: 'reported',
    now,
    version: '1.0.0',
    randomId: () => 'devA1xyz',
    ...overrides,
  };
  return deps;
}

import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PageStorage, type ChangeEvent } from '../../lib/adapters/page-storage';
import type { KeyValueArea } from '../../lib/store/area';

const changes = fakeBrowser.storage.onChanged as ChangeEvent;

function page() {
  const areas = {
    local: fakeBrowser.storage.local as unknown as KeyValueArea,
    sync: fakeBrowser.storage.sync as unknown as KeyValueArea,
  };
  return new PageStorage(areas, changes);
}

describe('a page following storage', () => {
  it('listens once however many follow, and stops when the last one leaves', () => {
    const added = vi.spyOn(changes, 'addListener');
    const storage = page();
    const stops = [
      storage.follow({ area: 'local' }, () => {}),
      storage.follow({ area: 'sync', keys: ['settings'] }, () => {}),
    ];
    expect(added).toHaveBeenCalledTimes(1);
    stops[0]!();
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(true);
    stops[1]!();
    stops[1]!();
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(false);
    // Followed again, it listens again.
    storage.follow({ area: 'local' }, () => {});
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(true);
  });

  it('lets go of the browser’s event when the page closes, not when it is only cached', () => {
    const storage = page();
    const window = new EventTarget();
    storage.closeWith(window);
    storage.follow({ area: 'local' }, () => {});
    const hide = (persisted: boolean) =>
      window.dispatchEvent(Object.assign(new Event('pagehide'), { persisted }));
    hide(true);
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(true);
    hide(false);
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(false);
    // A component torn down after that, or a late follower, does not listen again.
    const stop = storage.follow({ area: 'sync' }, () => {});
    stop();
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(false);
  });

  it('gives each the changes in its area to the keys it follows, and no call without one', async () => {
    const storage = page();
    const listed = vi.fn();
    const matched = vi.fn();
    const everyKey = vi.fn();
    const inSync = vi.fn();
    storage.follow({ area: 'local', keys: ['notice', 'nudgeState'] }, listed);
    storage.follow({ area: 'local', keys: (key) => key.startsWith('entries.') }, matched);
    storage.follow({ area: 'local' }, everyKey);
    storage.follow({ area: 'sync', keys: ['notice'] }, inSync);

    await storage.local.set({ notice: 1, 'entries.2026-11': 2, device: 3 });
    await storage.local.set({ device: 4 });

    expect(listed.mock.calls).toEqual([[{ notice: { oldValue: null, newValue: 1 } }]]);
    expect(matched.mock.calls).toEqual([[{ 'entries.2026-11': { oldValue: null, newValue: 2 } }]]);
    expect(everyKey).toHaveBeenCalledTimes(2);
    expect(everyKey.mock.calls[1]).toEqual([{ device: { oldValue: 3, newValue: 4 } }]);
    expect(inSync).not.toHaveBeenCalled();
  });

  it('does not call one that an earlier one stopped during the same change', async () => {
    const storage = page();
    const later = vi.fn();
    storage.follow({ area: 'sync' }, () => stopLater());
    const stopLater = storage.follow({ area: 'sync' }, later);
    await storage.sync.set({ settings: {} });
    expect(later).not.toHaveBeenCalled();
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(true);
  });
});

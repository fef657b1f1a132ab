import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CHROMIUM_SHORTCUTS_URL,
  closeThisTab,
  openExtensionPage,
  openShortcutSettings,
} from '../../lib/adapters/pages';
import { fakeCommands } from './fakes';

const GUIDE = 'chrome-extension://test-extension-id/guide.html?prompt=movement';

describe('what a page asks of the browser’s tabs', () => {
  it('opens another of the extension’s pages in a tab, and closes the tab it is in', async () => {
    // fakeBrowser's own tabs.remove fails on a tab's last window: the call itself is what counts.
    const remove = vi.spyOn(fakeBrowser.tabs, 'remove').mockResolvedValue();
    // A page that is not in a tab (the popup) closes nothing.
    await closeThisTab();
    expect(remove).not.toHaveBeenCalled();

    await openExtensionPage('/guide.html?prompt=movement');
    const guide = (await fakeBrowser.tabs.query({})).find((tab) => tab.url === GUIDE);
    expect(guide).toBeDefined();
    await fakeBrowser.tabs.update(guide!.id, { active: true });
    await closeThisTab();
    expect(remove).toHaveBeenCalledWith(guide!.id);
  });

  it('opens Chromium’s shortcuts page in a tab, where there is no shortcut dialog', async () => {
    await openShortcutSettings();
    expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(
      CHROMIUM_SHORTCUTS_URL,
    );
  });

  it('opens Firefox’s shortcut dialog, and no tab, where the browser has one', async () => {
    const openDialog = vi.fn(async () => undefined);
    Object.assign(fakeCommands, { openShortcutSettings: openDialog });
    try {
      await openShortcutSettings();
    } finally {
      delete (fakeCommands as { openShortcutSettings?: unknown }).openShortcutSettings;
    }
    expect(openDialog).toHaveBeenCalledOnce();
    expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).not.toContain(
      CHROMIUM_SHORTCUTS_URL,
    );
  });
});

import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeThisTab, openExtensionPage } from '../../lib/adapters/pages';

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
});

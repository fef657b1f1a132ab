/** What a page asks of the browser beside storage, messages and translation. */
import { browser } from './browser-api';

type ExtensionPath = Parameters<typeof browser.runtime.getURL>[0];

/** Opens one of the extension's pages in a new tab: `/guide.html?prompt=movement`. */
export async function openExtensionPage(path: ExtensionPath): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path) });
}

/** Closes the tab this page is shown in (a page not in a tab stays). */
export async function closeThisTab(): Promise<void> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
}

/** The extension's keyboard shortcuts, each with its description and keys (empty when unset). */
export async function keyboardShortcuts(): Promise<
  { name?: string; description?: string; shortcut?: string }[]
> {
  return await browser.commands.getAll();
}

/** Firefox's own call (its types are Chromium's, which lacks it). */
type FirefoxCommands = typeof browser.commands & { openShortcutSettings?: () => Promise<void> };

/** Chromium's page of every extension's shortcuts, which extensions may open in a tab. */
export const CHROMIUM_SHORTCUTS_URL = 'chrome://extensions/shortcuts';

/**
 * Opens where the user sets the extension's shortcuts: Firefox's own dialog, or Chromium's
 * shortcuts page in a new tab. Firefox has the call and Chromium not, which is what decides.
 */
export async function openShortcutSettings(): Promise<void> {
  const commands: FirefoxCommands = browser.commands;
  if (commands.openShortcutSettings) await commands.openShortcutSettings();
  else await browser.tabs.create({ url: CHROMIUM_SHORTCUTS_URL });
}

/** The list of shortcuts the welcome page (and any page) shows, with the way to fix an unset one. */
import { flushSync, mount, unmount } from 'svelte';
import { beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import Shortcuts from '../../components/Shortcuts.svelte';
import { CHROMIUM_SHORTCUTS_URL } from '../../lib/adapters/pages';
import { fakeCommands } from './fakes';

beforeEach(() => {
  Object.assign(fakeBrowser.i18n, {
    getMessage: (key: string, substitutions?: unknown) =>
      `${key}${substitutions ? `(${String(substitutions)})` : ''}`,
  });
  Object.assign(fakeCommands, {
    getAll: async () => [
      { name: 'log-water', description: 'Log a cup of water', shortcut: 'Alt+Shift+W' },
      { name: 'repeat-last-set', description: 'Repeat your last set', shortcut: '' },
      { name: '_execute_action', shortcut: '' },
    ],
  });
  return () => delete (fakeCommands as { getAll?: unknown }).getAll;
});

it('says which shortcut is not set and opens the browser’s shortcut settings', async () => {
  const target = document.body.appendChild(document.createElement('div'));
  const shown = mount(Shortcuts, { target });
  flushSync();
  await vi.waitFor(() => expect(target.querySelectorAll('dt')).toHaveLength(2));
  const terms = [...target.querySelectorAll('dt')].map((term) => term.textContent?.trim());
  expect(terms).toEqual(['Alt+Shift+W', expect.stringContaining('shortcuts_unset')]);
  // The browser's own command (the toolbar button) has no description and is not listed.
  expect(target.querySelector('[data-testid="shortcuts-hint"]')?.textContent).toContain(
    'shortcuts_unsetHint',
  );
  const button = target.querySelector('button')!;
  // With a shortcut to fix, the way to fix it is the page's main action here.
  expect(button.classList.contains('secondary')).toBe(false);
  button.click();
  await vi.waitFor(async () =>
    expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(
      CHROMIUM_SHORTCUTS_URL,
    ),
  );
  await unmount(shown);
  target.remove();
});

/**
 * Each page's root component, mounted as its entrypoint mounts it and answered by the real worker
 * on fakeBrowser: while open, the page follows storage through one listener; once closed, it
 * leaves no listener behind.
 */
import { flushSync, mount, unmount, type Component } from 'svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import Guide from '../../components/guide/Guide.svelte';
import Options from '../../components/options/Options.svelte';
import Popup from '../../components/popup/Popup.svelte';
import Progress from '../../components/progress/Progress.svelte';
import Welcome from '../../components/welcome/Welcome.svelte';

/**
 * Each page, and what it shows once it has read what it needs (the popup: today's log, the last
 * of the parts it loads after its first paint, so none is still loading when it closes).
 */
const PAGES: [name: string, root: Component, loaded: string][] = [
  ['popup', Popup, 'details.card > summary'],
  ['options', Options, '[data-testid="device-id"]'],
  ['progress', Progress, '[data-testid="habit-water"]'],
  ['guide', Guide, '[data-testid="guide-water"]'],
  ['welcome', Welcome, '[data-testid="water-goal"]'],
];

beforeEach(async () => {
  Object.assign(fakeBrowser.runtime, { getManifest: () => ({ version: '1.0.0' }) });
  Object.assign(fakeBrowser.i18n, { getMessage: (key: string) => key });
  vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockResolvedValue({ state: 'normal' } as never);
  background.main();
  await vi.waitFor(async () => expect(await fakeBrowser.alarms.getAll()).not.toHaveLength(0));
  // The guide for the water reminder: it reads today's overview, as the other pages do.
  history.replaceState(null, '', '/page.html?prompt=water');
});

describe('a page', () => {
  it.each(PAGES)(
    '%s follows storage with one listener and leaves none',
    async (_, root, loaded) => {
      const storageListeners = vi.spyOn(fakeBrowser.storage.onChanged, 'addListener');
      const messageListeners = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
      const target = document.body.appendChild(document.createElement('div'));

      const page = mount(root, { target });
      flushSync();
      // The popup's later parts are modules Vitest transforms on first import: slow on a busy
      // machine, so wait for the page's state as long as the test may take.
      await vi.waitFor(() => expect(target.querySelector(loaded)).not.toBeNull(), {
        timeout: 30_000,
      });
      expect(storageListeners).toHaveBeenCalledTimes(1);
      const [listener] = storageListeners.mock.calls[0]!;
      expect(fakeBrowser.storage.onChanged.hasListener(listener)).toBe(true);

      await unmount(page);
      target.remove();
      // Whatever the page still had under way when it closed has ended too.
      await new Promise((settled) => setTimeout(settled, 50));
      expect(fakeBrowser.storage.onChanged.hasListener(listener)).toBe(false);
      expect(messageListeners).not.toHaveBeenCalled();
    },
  );
});

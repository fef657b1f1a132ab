/**
 * The popup's first paint as the worker draws it (components/popup/first-paint-html.ts, server
 * copies of the popup's components) is what the popup's own components draw: they take it over
 * without a mismatch and without drawing it again.
 */
import { flushSync, hydrate, unmount } from 'svelte';
import { beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import Popup from '../../components/popup/Popup.svelte';
import { firstPaintBuild, readFirstPaint } from '../../lib/store/first-paint';

beforeEach(() => {
  Object.assign(fakeBrowser.runtime, { getManifest: () => ({ version: '1.0.0' }) });
  Object.assign(fakeBrowser.i18n, {
    getMessage: (key: string) => key,
    getUILanguage: () => 'en-US',
  });
  vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockResolvedValue({ state: 'normal' } as never);
});

it('the worker stores the popup as it draws today, and the popup takes it over', async () => {
  background.main();
  const found = await vi.waitFor(async () => {
    const read = await readFirstPaint(
      fakeBrowser.storage.session,
      Date.now(),
      firstPaintBuild('1.0.0', 'en-US'),
    );
    expect(read?.drawn?.html).toContain('<main');
    return read!;
  });
  const older = firstPaintBuild('0.9.0', 'en-US');
  expect(await readFirstPaint(fakeBrowser.storage.session, Date.now(), older)).toEqual({
    snapshot: found.snapshot,
  });

  document.body.innerHTML = found.drawn!.html;
  const drawn = document.querySelector('main');
  expect(drawn?.textContent).toContain('habit_water');
  const warnings = vi.spyOn(console, 'warn');
  const page = hydrate(Popup, { target: document.body, props: { snapshot: found.snapshot } });
  flushSync();

  expect(document.querySelector('main')).toBe(drawn);
  expect(document.querySelectorAll('main')).toHaveLength(1);
  expect(warnings).not.toHaveBeenCalled();
  // Taken over, it goes on as the popup does: the full read and the parts loaded after it.
  await vi.waitFor(() => expect(document.querySelector('details.card > summary')).not.toBeNull(), {
    timeout: 30_000,
  });
  await unmount(page);
});

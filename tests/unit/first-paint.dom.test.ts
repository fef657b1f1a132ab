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
import { holdUntilLive } from '../../components/popup/first-paint-page';
import { monthOfBucketKey, readEntries } from '../../lib/store/buckets';
import { firstPaintBuild, readFirstPaint, type FirstPaint } from '../../lib/store/first-paint';

beforeEach(() => {
  Object.assign(fakeBrowser.runtime, { getManifest: () => ({ version: '1.0.0' }) });
  Object.assign(fakeBrowser.i18n, {
    getMessage: (key: string) => key,
    getUILanguage: () => 'en-US',
  });
  vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockResolvedValue({ state: 'normal' } as never);
});

/** The worker started, and its drawing of today as the popup's first script reads it. */
async function drawnToday(): Promise<FirstPaint> {
  background.main();
  return vi.waitFor(async () => {
    const read = await readFirstPaint(
      fakeBrowser.storage.session,
      Date.now(),
      firstPaintBuild('1.0.0', 'en-US'),
    );
    expect(read?.drawn?.html).toContain('<main');
    return read!;
  });
}

async function waterLogged(): Promise<number[]> {
  const keys = Object.keys(await fakeBrowser.storage.local.get(null));
  const months = [...new Set(keys.flatMap((key) => monthOfBucketKey(key) ?? []))];
  return (await readEntries(fakeBrowser.storage.local as never, months))
    .flatMap((entry) => (entry.kind === 'water' ? [entry.ml] : []))
    .sort((a, b) => a - b);
}

it('the worker stores the popup as it draws today, and the popup takes it over', async () => {
  const found = await drawnToday();
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

it('what is pressed on the first paint before the popup takes it over happens once it has', async () => {
  const found = await drawnToday();
  document.body.innerHTML = found.drawn!.html;
  const goLive = holdUntilLive(document);
  const form = document.querySelector('form')!;
  const firstCup = form.querySelector<HTMLButtonElement>('button[type="button"]')!;
  const amount = form.querySelector('input')!;
  // A cup clicked, then an amount typed and sent with Enter (a submission without a click).
  firstCup.click();
  amount.value = '330';
  amount.dispatchEvent(new Event('input', { bubbles: true }));
  form.requestSubmit();
  expect(document.querySelector('form')).toBe(form);
  expect(await waterLogged()).toEqual([]);
  // Taken over as entrypoints/popup/main.ts does: let go at once, before any effect has run.
  const page = hydrate(Popup, { target: document.body, props: { snapshot: found.snapshot } });
  goLive();
  flushSync();
  await vi.waitFor(async () => expect(await waterLogged()).toEqual([250, 330]));
  // Let go, the page is the components' own: a press now is theirs alone.
  firstCup.click();
  await vi.waitFor(async () => expect(await waterLogged()).toEqual([250, 250, 330]));
  await unmount(page);
});

it('an amount half typed on the first paint is still there once the popup takes it over', async () => {
  const found = await drawnToday();
  document.body.innerHTML = found.drawn!.html;
  const goLive = holdUntilLive(document);
  const amount = document.querySelector('form input') as HTMLInputElement;
  amount.value = '4';
  amount.dispatchEvent(new Event('input', { bubbles: true }));
  const page = hydrate(Popup, { target: document.body, props: { snapshot: found.snapshot } });
  goLive();
  flushSync();
  // The full read and what the field starts on come later: the typing outlives them.
  await vi.waitFor(() => expect(document.querySelector('details.card > summary')).not.toBeNull(), {
    timeout: 30_000,
  });
  expect(amount.value).toBe('4');
  await unmount(page);
});

import type { FirstPaint } from '../../lib/store/first-paint';

/**
 * Where the popup's first script (entrypoints/first-paint.ts) leaves its read for the popup's
 * module: the snapshot, and (`drawn`) the HTML it put on the page, for the components to take
 * over. It never fails: what could not be read or shown is undefined.
 */
export const FIRST_PAINT_GLOBAL = 'backboneFirstPaint';
/** Where the first script leaves the way to let go of what it held (`holdUntilLive`). */
export const GO_LIVE_GLOBAL = 'backboneGoLive';

export type FirstPaintPage = typeof globalThis & {
  [FIRST_PAINT_GLOBAL]?: Promise<FirstPaint | undefined>;
  [GO_LIVE_GLOBAL]?: () => void;
};

/** Marks the moment today's real data is first on screen (the performance contract), once. */
export function markPopupReady(): void {
  if (performance.getEntriesByName('popup-ready').length === 0) performance.mark('popup-ready');
}

/**
 * Holds what the user presses on the worker's HTML before the popup's code takes it over: its
 * buttons do nothing yet, and its form would reload the page. The function returned, called as
 * soon as the components are live (before their effects run), tells them what was typed
 * meanwhile and lets each press happen, in order; hydration keeps the same elements.
 */
export function holdUntilLive(page: Document): () => void {
  const held: (HTMLButtonElement | HTMLFormElement)[] = [];
  const hold = (event: Event) => {
    const target = event.target as Element | null;
    const control =
      event.type === 'submit' ? (target as HTMLFormElement) : target?.closest?.('button');
    if (!control) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    held.push(control);
  };
  page.addEventListener('click', hold, true);
  page.addEventListener('submit', hold, true);
  return () => {
    page.removeEventListener('click', hold, true);
    page.removeEventListener('submit', hold, true);
    for (const field of page.querySelectorAll('input')) {
      if (field.value !== field.defaultValue)
        field.dispatchEvent(new Event('input', { bubbles: true }));
    }
    for (const control of held.splice(0)) {
      if (!control.isConnected) continue;
      if (control instanceof HTMLFormElement) control.requestSubmit();
      else control.click();
    }
  };
}

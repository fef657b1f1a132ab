import type { FirstPaint } from '../../lib/store/first-paint';

/**
 * Where the popup's first script (entrypoints/first-paint.ts) leaves its read for the popup's
 * module: the snapshot, and (`drawn`) the HTML it put on the page, for the components to take
 * over. It never fails: what could not be read or shown is undefined.
 */
export const FIRST_PAINT_GLOBAL = 'backboneFirstPaint';

export type FirstPaintPage = typeof globalThis & {
  [FIRST_PAINT_GLOBAL]?: Promise<FirstPaint | undefined>;
};

/** Marks the moment today's real data is first on screen (the performance contract), once. */
export function markPopupReady(): void {
  if (performance.getEntriesByName('popup-ready').length === 0) performance.mark('popup-ready');
}

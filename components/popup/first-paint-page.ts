import type { FirstPaint } from '../../lib/store/first-paint';

/*
 * What the popup's first script (entrypoints/first-paint.ts), its module (entrypoints/popup) and
 * the worker that draws its first paint (entrypoints/background.ts) agree on.
 */

/**
 * Where the popup's first script leaves its read for the popup's module: the snapshot, and
 * whether its HTML is on the page, for the components to take over.
 */
export const FIRST_PAINT_GLOBAL = 'backboneFirstPaint';

export type FirstPaintPage = typeof globalThis & {
  [FIRST_PAINT_GLOBAL]?: Promise<FirstPaint | undefined>;
};

/** Marks the moment today's real data is first on screen (the performance contract), once. */
export function markPopupReady(): void {
  if (performance.getEntriesByName('popup-ready').length === 0) performance.mark('popup-ready');
}

/**
 * What a drawing depends on besides the snapshot: the code that drew it and the language of its
 * words. The popup takes only HTML drawn by its own version in its own language.
 */
export function firstPaintBuild(version: string, uiLanguage: string): string {
  return `${version} ${uiLanguage}`;
}

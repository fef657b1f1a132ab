/**
 * The extension API as the browser gives it: its own `browser` (Firefox, Chromium since 144), or
 * else `chrome`, whose MV3 functions return promises too. In those browsers webextension-polyfill
 * (`wxt/browser`, lib/adapters/browser.cjs, which the worker's listeners keep) hands back this
 * same object, so storage, messages and tabs take it from here, and the pages do not load the
 * polyfill's 10 kB to be given it: the popup's first paint least of all.
 */
import type { WxtBrowser } from 'wxt/browser';

const page = globalThis as typeof globalThis & { browser?: WxtBrowser; chrome: WxtBrowser };

export const browser: WxtBrowser = page.browser?.runtime?.id ? page.browser : page.chrome;

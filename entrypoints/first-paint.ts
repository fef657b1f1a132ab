/**
 * The popup's first script (a small classic one, in its head): reads today's snapshot at once,
 * shows the worker's HTML of it (components/popup/first-paint-html.ts), and only then loads the
 * popup's module (its address in this script's `data-module`, wxt.config.ts), which takes that
 * HTML over (entrypoints/popup/main.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { browser } from '../lib/adapters/browser-api';
import { firstPaintBuild, readFirstPaint, type FirstPaint } from '../lib/store/first-paint';
import {
  FIRST_PAINT_GLOBAL,
  GO_LIVE_GLOBAL,
  holdUntilLive,
  markPopupReady,
  type FirstPaintPage,
} from '../components/popup/first-paint-page';

/** The document's body: the parser makes it once past the head that runs this script. */
async function body(): Promise<HTMLElement> {
  while (!document.body) {
    await new Promise((resolve) =>
      document.addEventListener('readystatechange', resolve, { once: true }),
    );
  }
  return document.body;
}

/** Until the page's stylesheets apply: unstyled HTML is not yet the popup. */
async function styled(): Promise<void> {
  const pending = [...document.querySelectorAll('link[rel="stylesheet"]')].filter(
    (link) => !(link as HTMLLinkElement).sheet,
  );
  await Promise.all(
    pending.map(
      (link) =>
        new Promise((resolve) => {
          link.addEventListener('load', resolve, { once: true });
          link.addEventListener('error', resolve, { once: true });
        }),
    ),
  );
}

async function show(found: FirstPaint | undefined): Promise<FirstPaint | undefined> {
  if (!found?.drawn) return found;
  const { html, lang, dir } = found.drawn;
  document.documentElement.lang = lang;
  document.documentElement.dir = dir;
  // Parsed apart and moved in, rather than set as innerHTML: the same nodes, Svelte's hydration
  // markers among them, without a store's review flagging an HTML string written into the page.
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  (await body()).replaceChildren(...parsed.body.childNodes);
  (globalThis as FirstPaintPage)[GO_LIVE_GLOBAL] = holdUntilLive(document);
  void styled().then(markPopupReady);
  return found;
}

/** Today as read and shown; undefined when it could not be (the module then reads it itself). */
function readAndShow(): Promise<FirstPaint | undefined> {
  try {
    const reading = readFirstPaint(
      browser.storage.session,
      Date.now(),
      firstPaintBuild(browser.runtime.getManifest().version, browser.i18n.getUILanguage()),
    );
    return reading.then(show).catch(() => undefined);
  } catch {
    return Promise.resolve(undefined);
  }
}

function loadModule(src: string): void {
  const script = document.createElement('script');
  script.type = 'module';
  script.src = src;
  document.head.append(script);
}

export default defineUnlistedScript(() => {
  const module = (document.currentScript as HTMLScriptElement | null)?.dataset.module;
  const shown = readAndShow();
  (globalThis as FirstPaintPage)[FIRST_PAINT_GLOBAL] = shown;
  // Whatever the read found, the popup's own code comes next.
  if (module) void shown.then(() => loadModule(module));
});

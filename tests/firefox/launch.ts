/// <reference types="chrome" />
/**
 * Starts Debian's Firefox ESR with the built add-on installed, driven by puppeteer-core over
 * WebDriver BiDi (no geckodriver). `--remote-allow-system-access` lets BiDi open the add-on's
 * pages and run privileged script in the browser window, which is how these tests read Firefox's
 * console, its own alert windows and the event page's state.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Worker } from 'playwright-core';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** The build made for tests (`npm run build:test`), which has the test handle. */
export const FIREFOX_BUILD_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv3-e2e');

/** `browser_specific_settings.gecko.id` in wxt.config.ts. */
export const ADDON_ID = 'backbone@backbone-extension.org';
/** Fixed (pref `extensions.webextensions.uuids`), so the add-on's page addresses are known. */
const ADDON_UUID = '6c1f7b3e-0d1a-4f5e-9a62-2b7b3c1d9e01';
const ADDON_ORIGIN = `moz-extension://${ADDON_UUID}`;

const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export function findFirefox(): string {
  const candidates = process.env.FIREFOX_PATH ? [process.env.FIREFOX_PATH] : FIREFOX_CANDIDATES;
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `No Firefox found at ${candidates.join(' or ')}. Install it with ` +
        '`sudo apt-get install firefox-esr` (Debian/Ubuntu), or point FIREFOX_PATH at a Firefox ' +
        '(142 or newer). The tests never download a browser.',
    );
  }
  return found;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

/**
 * Set up in the browser window before the add-on is installed: collects what Firefox says about
 * the add-on (script errors in its pages, warnings naming it) and every HTTP request the add-on
 * starts, for `problems()` to read.
 */
const WATCH_FOR_PROBLEMS = `(() => {
  const seen = (window.backboneProblems = []);
  Services.console.registerListener({
    observe(message) {
      if (!(message instanceof Ci.nsIScriptError)) return;
      const fromAddon = message.sourceName.startsWith(${JSON.stringify(ADDON_ORIGIN)});
      const aboutAddon = message.errorMessage.includes(${JSON.stringify('add-on ' + ADDON_ID)});
      const isError = (message.flags & Ci.nsIScriptError.warningFlag) === 0 &&
        (message.flags & Ci.nsIScriptError.infoFlag) === 0;
      // A page closed or left with a call still in flight, as when a user closes the popup.
      const unloaded = /^Promise (resolved|rejected) (after context unloaded|while context is inactive)/
        .test(message.errorMessage);
      // Firefox's own code, about the add-on's connection: a listener a closing page still held.
      const closedConduit = message.errorMessage.includes(${JSON.stringify('closed conduit ' + ADDON_ID)});
      if (((fromAddon && isError) || aboutAddon || closedConduit) && !unloaded) {
        seen.push('Firefox console: ' + message.errorMessage + ' (' + message.sourceName + ')');
      }
    },
  });
  Services.obs.addObserver((subject) => {
    const channel = subject.QueryInterface(Ci.nsIHttpChannel);
    const { triggeringPrincipal, loadingPrincipal } = channel.loadInfo;
    if (triggeringPrincipal?.addonId === ${JSON.stringify(ADDON_ID)} ||
        loadingPrincipal?.addonId === ${JSON.stringify(ADDON_ID)}) {
      seen.push('network request: ' + channel.URI.spec);
    }
  }, 'http-on-opening-request');
  return 'watching';
})()`;

/** Stdout lines that are the add-on's own console errors or uncaught exceptions. */
const PROBLEM_LINE = /^(console\.error: .*|JavaScript error: moz-extension:.*)$/;

export interface LaunchedFirefox {
  browser: Browser;
  /** Where Firefox saves downloads, without asking. */
  downloads: string;
  url(path: string): string;
  /** A new tab showing one of the add-on's pages. */
  open(path: string): Promise<Page>;
  /** Shows one of the add-on's pages in a tab (`page.goto` never returns for them). */
  navigate(page: Page, path: string): Promise<void>;
  /** Runs privileged script in the browser window; the expression's value comes back as JSON. */
  privileged<T>(expression: string): Promise<T>;
  /**
   * The add-on's event page, seen from one of its pages: `chrome.*` is the add-on's and
   * `globalThis.backbone` is the event page's test handle, as in Chromium's service worker, so
   * the Chromium suite's helpers (tests/e2e/worker.ts, storage.ts) drive it unchanged.
   */
  background: Pick<Worker, 'evaluate'>;
  /** The add-on's tab that `background` evaluates through: it stays open. */
  driver: Page;
  /** Console errors, uncaught exceptions and outside requests since the last `clearProblems`. */
  problems(): Promise<string[]>;
  clearProblems(): Promise<void>;
  close(): Promise<void>;
}

/**
 * `language`: Firefox's UI language (`i18n.getUILanguage()`, so the add-on's messages), from
 * Debian's language pack firefox-esr-l10n-<language>; English unless given.
 */
export async function launchFirefox(options: { language?: string } = {}): Promise<LaunchedFirefox> {
  if (!existsSync(join(FIREFOX_BUILD_DIR, 'manifest.json'))) {
    throw new Error(`No built add-on in ${FIREFOX_BUILD_DIR}: run \`npm run build:test\` first.`);
  }
  const downloads = mkdtempSync(join(tmpdir(), 'backbone-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // Extension pages' console reaches stdout only; Firefox's own is left out.
      'devtools.console.stdout.content': true,
      'devtools.console.stdout.chrome': false,
      'browser.dom.window.dump.enabled': false,
      // Firefox's own alert window, which the tests can see and click (not the system's).
      'alerts.useSystemBackend': false,
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      // The event page stops when a test stops it (stopBackground), not after 30 idle seconds
      // that a slow machine can spend between two tests of a file sharing this Firefox.
      'extensions.background.idle.timeout': 3_600_000,
      'intl.locale.requested': options.language ?? 'en-US',
      'intl.locale.matchOS': false,
    },
  });
  const problemLines: string[] = [];
  const firefox = browser.process();
  for (const stream of [firefox?.stdout, firefox?.stderr]) {
    let rest = '';
    // Reading also keeps the pipe drained, so Firefox never blocks writing to it.
    stream?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      problemLines.push(...lines.filter((line) => PROBLEM_LINE.test(line)));
    });
  }

  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' }))
    .result as { contexts: { context: string; url: string }[] };
  const window = tree.contexts.find((context) => context.url.startsWith('chrome://browser/'));
  if (!window) throw new Error('No browser window found for privileged script.');

  async function privileged<T>(expression: string): Promise<T> {
    const { result } = (await connection.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context: window!.context },
      awaitPromise: true,
      resultOwnership: 'none',
    })) as { result: EvaluateResult };
    if (result.type === 'exception') {
      throw new Error(`Privileged script failed: ${result.exceptionDetails?.text}`);
    }
    const json = result.result?.value;
    return (typeof json === 'string' ? JSON.parse(json) : undefined) as T;
  }

  await privileged(WATCH_FOR_PROBLEMS);
  await browser.installExtension(FIREFOX_BUILD_DIR);

  const url = (path: string) => `${ADDON_ORIGIN}/${path}`;
  async function navigate(page: Page, path: string): Promise<void> {
    // puppeteer-core's BiDi frame, below its public types.
    const frame = page.mainFrame() as unknown as {
      browsingContext: { navigate(url: string, wait: 'complete'): Promise<void> };
    };
    await frame.browsingContext.navigate(url(path), 'complete');
  }
  async function newPage(): Promise<Page> {
    try {
      return await browser.newPage();
    } catch (error) {
      // Now and then Firefox discards a new tab's first document before it is ready, and
      // browsingContext.create fails with DiscardedBrowsingContextError: ask once more.
      if (!String(error).includes('DiscardedBrowsingContextError')) throw error;
      return browser.newPage();
    }
  }
  async function open(path: string): Promise<Page> {
    const page = await newPage();
    // A locator that finds nothing fails in seconds, naming itself, rather than at the test timeout.
    page.setDefaultTimeout(10_000);
    await navigate(page, path);
    return page;
  }

  // Any document of the add-on reaches its APIs; the icon has no code of its own.
  const driver = await open('icon/128.png');
  await driver.evaluate(() => {
    Object.defineProperty(globalThis, 'backbone', {
      get: () =>
        (chrome.extension.getBackgroundPage() as unknown as { backbone?: unknown } | null)
          ?.backbone,
    });
  });
  const background: Pick<Worker, 'evaluate'> = {
    evaluate: ((fn: (arg: unknown) => unknown, arg?: unknown) =>
      driver.evaluate(fn, arg)) as Worker['evaluate'],
  };

  return {
    browser,
    downloads,
    url,
    open,
    navigate,
    privileged,
    background,
    driver,
    async problems() {
      problemLines.push(...(await privileged<string[]>('window.backboneProblems.splice(0)')));
      return [...problemLines];
    },
    async clearProblems() {
      await privileged('window.backboneProblems.splice(0)');
      problemLines.length = 0;
    },
    async close() {
      await browser.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the system Chromium with the built extension loaded. Shared by the end-to-end tests,
 * the demo and the benchmarks, so all three see the extension exactly as a user would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/** The build made for tests (`npm run build:test`): the production build has no test handle. */
export const CHROME_BUILD_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3-e2e');

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function findChromium(): string {
  const candidates = process.env.CHROME_PATH ? [process.env.CHROME_PATH] : CHROMIUM_CANDIDATES;
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `No Chromium found at ${candidates.join(' or ')}. Install it with ` +
        '`sudo apt-get install chromium` (Debian/Ubuntu), or point CHROME_PATH at a Chromium ' +
        'or Chrome binary. The tests never download a browser.',
    );
  }
  return found;
}

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  /** The running service worker, waiting for a new one if Chromium stopped the last. */
  worker(): Promise<Worker>;
  url(page: string): string;
  /**
   * Opens the real toolbar popup, as a click on the icon does (headed only), and returns it
   * once today's data is on screen and its controls are live.
   */
  openPopup(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A virtual display for headed Chromium when there is none (CI, a terminal over ssh): Xvfb
 * picks a free display number and writes it to the pipe given as -displayfd.
 */
async function startVirtualDisplay(): Promise<{ display: string; server: ChildProcess }> {
  const server = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] },
  );
  const display = await new Promise<string>((resolve, reject) => {
    let output = '';
    server.once('error', (error) =>
      reject(
        new Error(
          `Headed Chromium needs a display and Xvfb could not start (${error.message}). ` +
            'Install it with `sudo apt-get install xvfb`, or set DISPLAY.',
        ),
      ),
    );
    server.stdio[3]!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) resolve(`:${output.trim()}`);
    });
  });
  return { display, server };
}

async function currentWorker(context: BrowserContext): Promise<Worker> {
  return (
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }))
  );
}

/**
 * `language`: Chromium's UI language (`i18n.getUILanguage()`, so the extension's messages),
 * as the browser of someone who speaks it; Debian's chromium-l10n has the languages. English
 * unless given, whatever the machine's: the suites find elements by their English names.
 */
export async function launchExtension(
  options: { extensionDir?: string; headless?: boolean; language?: string } = {},
): Promise<LaunchedExtension> {
  const extensionDir = options.extensionDir ?? CHROME_BUILD_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:test\` first.`);
  }
  const headless = options.headless ?? true;
  const virtual = !headless && !process.env.DISPLAY ? await startVirtualDisplay() : undefined;
  // Playwright leaves Chromium's extension popup unattached (it is not a tab) unless asked.
  if (!headless) process.env.PW_CHROMIUM_ATTACH_TO_OTHER = '1';
  const userDataDir = mkdtempSync(join(tmpdir(), 'backbone-e2e-'));
  const language = options.language ?? 'en-US';
  const environment = {
    ...process.env,
    ...(virtual && { DISPLAY: virtual.display }),
    LANGUAGE: language,
  };
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless,
    // Headed, every page keeps the size the browser gives it: the popup sizes itself.
    ...(headless ? {} : { viewport: null }),
    env: environment,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      `--lang=${language}`,
    ],
  });
  const extensionId = new URL((await currentWorker(context)).url()).host;
  return {
    context,
    extensionId,
    worker: () => currentWorker(context),
    url: (page) => `chrome-extension://${extensionId}/${page}`,
    async openPopup() {
      const isPopup = (page: Page) => page.url().endsWith('/popup.html');
      // The popup opens on the active window; without a window manager, focus it first.
      const tab = context.pages().find((page) => !isPopup(page)) ?? (await context.newPage());
      await tab.bringToFront();
      const opened = context.waitForEvent('page', { predicate: isPopup, timeout: 20_000 });
      await (await currentWorker(context)).evaluate(() => chrome.action.openPopup());
      const popup = await opened;
      await popup.waitForFunction(
        () =>
          performance.getEntriesByName('popup-ready').length > 0 &&
          performance.getEntriesByName('popup-interactive').length > 0,
      );
      return popup;
    },
    async close() {
      await context.close();
      virtual?.server.kill();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

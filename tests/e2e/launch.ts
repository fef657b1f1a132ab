/**
 * Starts the system Chromium with the built extension loaded. Shared by the end-to-end tests,
 * the demo and the benchmarks, so all three see the extension exactly as a user would.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

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
  close(): Promise<void>;
}

async function currentWorker(context: BrowserContext): Promise<Worker> {
  return (
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }))
  );
}

export async function launchExtension(
  options: { extensionDir?: string; headless?: boolean } = {},
): Promise<LaunchedExtension> {
  const extensionDir = options.extensionDir ?? CHROME_BUILD_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:test\` first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'backbone-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
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
    ],
  });
  const extensionId = new URL((await currentWorker(context)).url()).host;
  return {
    context,
    extensionId,
    worker: () => currentWorker(context),
    url: (page) => `chrome-extension://${extensionId}/${page}`,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

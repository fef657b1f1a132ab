/**
 * The builds as shipped: the test handle the end-to-end tests drive exists only in the build made
 * for them, never in what a user installs; the popup those tests and the benchmarks open is the
 * very code that ships.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const OUTPUT = resolve(import.meta.dirname, '../.output');

/** Every script of a build, as one text. */
function scriptsOf(build: string): string {
  const dir = join(OUTPUT, build);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .join('\n');
}

/** The scripts and stylesheets popup.html loads (its module through the first script), in order. */
function popupFiles(build: string): string[] {
  const html = readFileSync(join(OUTPUT, build, 'popup.html'), 'utf8');
  return [...html.matchAll(/\b(?:src|href|data-module)="([^"]+)"/g)].map((match) => match[1]!);
}

/** `Object.assign(globalThis, { backbone: … })`, however the minifier spells it. */
const TEST_HANDLE = /globalThis\s*,\s*\{\s*backbone\s*:/;

/** Each browser's suite checks the build it runs on, so it need not wait for the other's. */
export function describeShippedBuild(build: 'chrome-mv3' | 'firefox-mv3'): void {
  describe(`the ${build} build`, () => {
    test('has no test handle', () => {
      expect(scriptsOf(build)).not.toMatch(TEST_HANDLE);
    });

    test('while its test build has one, so the check above can fail', () => {
      expect(scriptsOf(`${build}-e2e`)).toMatch(TEST_HANDLE);
    });

    test('its popup loads its first-paint script, then one module, and one stylesheet, as its test build does', () => {
      const popup = popupFiles(build);
      expect(popup).toEqual([
        '/first-paint.js',
        expect.stringMatching(/^\/chunks\/popup-[\w-]+\.js$/),
        expect.stringMatching(/^\/assets\/popup-[\w-]+\.css$/),
      ]);
      // The same names are the same contents: the test build's popup is compiled as the shipped one.
      expect(popupFiles(`${build}-e2e`)).toEqual(popup);
    });
  });
}

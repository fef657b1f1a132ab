/**
 * The import rules in .dependency-cruiser.js bite: files planted in a throw-away tree break each of
 * them, and what they allow passes. `npm run check:imports` applies them to the extension itself.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { afterEach, describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const planted: string[] = [];
afterEach(() => {
  for (const dir of planted.splice(0)) rmSync(dir, { recursive: true });
});

/** The rules broken by a tree of these files, as "rule: from → to". */
async function violations(files: Record<string, string>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'layers-'));
  planted.push(dir);
  for (const [file, code] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), code);
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const options = await extractDepcruiseOptions(join(root, '.dependency-cruiser.js'));
  const folders = ['lib', 'components', 'entrypoints'].filter((folder) =>
    Object.keys(files).some((file) => file.startsWith(`${folder}/`)),
  );
  const { output } = await cruise(folders, { ...options, baseDir: dir, preserveSymlinks: true });
  return (output as ICruiseResult).summary.violations
    .map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`)
    .sort();
}

/** lib/'s folders from the lowest layer up; a layer may import its own and those below it. */
const RANK = { model: 0, stats: 1, store: 2, nudge: 3, sync: 3, messaging: 4, app: 5, adapters: 6 };
const folders = Object.keys(RANK) as (keyof typeof RANK)[];

test('each layer of lib/ imports its own and those below it, never one above', async () => {
  const files: Record<string, string> = {};
  for (const folder of folders) {
    files[`lib/${folder}/own.ts`] = 'export const own = 1;\n';
    for (const other of folders) {
      if (other === folder) continue;
      files[`lib/${folder}/uses-${other}.ts`] =
        `import { own } from '../${other}/own';\nexport const used = own;\n`;
    }
  }
  const refused = folders.flatMap((folder) =>
    folders
      .filter((other) => RANK[other] > RANK[folder])
      .map((other) => {
        const layer = folder === 'nudge' || folder === 'sync' ? 'nudge|sync' : folder;
        return `lib/${layer}: no import up: lib/${folder}/uses-${other}.ts → lib/${other}/own.ts`;
      }),
  );
  expect(refused).toHaveLength(27);
  expect(await violations(files)).toEqual(refused.sort());
});

test('a circle of imports is refused, type-only ones included', async () => {
  const found = await violations({
    'lib/model/day.ts': "import type { Week } from './week';\nexport type Day = { week: Week };\n",
    'lib/model/week.ts': "import type { Day } from './day';\nexport type Week = Day[];\n",
    'lib/model/month.ts': "import type { Week } from './week';\nexport type Month = Week[];\n",
  });
  expect(found).toEqual(['no circle: lib/model/day.ts → lib/model/week.ts']);
});

describe('the browser', () => {
  const browserUser =
    "import { browser } from 'wxt/browser';\nexport const area = browser.storage;\n";
  const messagesUser = "import { i18n } from '#i18n';\nexport const title = i18n.t('title');\n";

  test('stays out of the domain and the pages, which reach it through lib/adapters/', async () => {
    const found = await violations({
      'lib/stats/browsing.ts': browserUser,
      'lib/store/polyfill.ts':
        "import browser from 'webextension-polyfill';\nexport { browser };\n",
      'lib/model/messages.ts': messagesUser,
      'lib/adapters/browsing.ts': browserUser,
      'lib/adapters/messages.ts': messagesUser,
      'components/Page.svelte': `<script lang="ts">\n  ${browserUser}</script>\n`,
      'components/Title.svelte': `<script lang="ts">\n  ${messagesUser}</script>\n`,
      'components/State.svelte.ts':
        "import { area } from '../lib/adapters/browsing';\nexport { area };\n",
      'entrypoints/background.ts': `${browserUser}import '../lib/adapters/browsing';\n`,
    });
    expect(found).toEqual([
      'components: no browser: components/Page.svelte → node_modules/wxt/dist/browser.mjs',
      'components: no browser: components/Title.svelte → #i18n',
      'domain: no browser: lib/model/messages.ts → #i18n',
      'domain: no browser: lib/stats/browsing.ts → node_modules/wxt/dist/browser.mjs',
      'domain: no browser: lib/store/polyfill.ts → node_modules/webextension-polyfill/dist/browser-polyfill.js',
    ]);
  });
});

test('an import the rules cannot follow is refused', async () => {
  const found = await violations({
    'lib/model/aliased.ts': "import { own } from '@/lib/app/own';\nexport const used = own;\n",
    'lib/app/own.ts': 'export const own = 1;\n',
  });
  expect(found).toEqual(['resolvable: lib/model/aliased.ts → @/lib/app/own']);
});

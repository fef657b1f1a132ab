import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

// Typed linting builds the extension's whole program (a minute and more on a busy two-core machine), so
// this checks the configuration that `npm run check` applies, not a planted file.
test.each(['lib/model/async.ts', 'components/popup/Popup.svelte', 'entrypoints/background.ts'])(
  'ESLint refuses a promise nobody awaits, catches or marks void, with type information, in %s',
  async (file) => {
    const config = await new ESLint({ cwd: root }).calculateConfigForFile(join(root, file));
    expect(config.rules['@typescript-eslint/no-floating-promises']).toEqual([2]);
    expect(config.languageOptions.parserOptions.project).toBe('./tsconfig.app.json');
  },
);

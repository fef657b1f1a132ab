/**
 * lib/ as layers: the imports between its files (type-only ones included) form no circle.
 * Which layer may import which is enforced by ESLint (eslint.config.js); this checks the rest.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const libFiles = readdirSync(join(root, 'lib'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => normalize(join('lib', file)));

function importsOf(file: string): string[] {
  const source = readFileSync(join(root, file), 'utf8');
  const specifiers = [...source.matchAll(/from\s+'(\.[^']+)'/g)].map((match) => match[1]!);
  return specifiers
    .map((specifier) => relative(root, resolve(root, dirname(file), specifier)))
    .map((target) => (target.endsWith('.ts') ? target : `${target}.ts`))
    .filter((target) => libFiles.includes(target));
}

/** Every circle of imports, as the files along it. */
function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): void => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      found.push([...path.slice(path.indexOf(file)), file]);
      return;
    }
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) visit(next);
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file);
  return found;
}

test('the imports between lib/ files form no circle', () => {
  const graph = new Map(libFiles.map((file) => [file, importsOf(file)]));
  expect(graph.size).toBeGreaterThan(10);
  expect(circles(graph)).toEqual([]);
});

test('a circle would be found', () => {
  const graph = new Map([
    ['a', ['b']],
    ['b', ['c']],
    ['c', ['a']],
    ['d', ['a']],
  ]);
  expect(circles(graph)).toEqual([['a', 'b', 'c', 'a']]);
});

describe('the layering rules in eslint.config.js', () => {
  // The planted files are not on disk, where typed linting looks for them: only the import rules.
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: {
      languageOptions: { parserOptions: { project: false } },
      rules: { '@typescript-eslint/no-floating-promises': 'off' },
    },
  });
  const problems = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: join(root, file) });
    return result!.messages.map((message) => message.ruleId);
  };

  test('refuse an import up a layer', async () => {
    const code = "import { Writer } from '../store/writer';\nexport const planted = Writer;\n";
    expect(await problems('lib/model/planted.ts', code)).toContain('no-restricted-imports');
    expect(await problems('lib/app/planted.ts', code)).toEqual([]);
  });

  test('refuse the browser in the domain, and allow it in the adapters', async () => {
    const code = "import { browser } from 'wxt/browser';\nexport const planted = browser;\n";
    expect(await problems('lib/stats/planted.ts', code)).toContain('no-restricted-imports');
    expect(await problems('lib/adapters/planted.ts', code)).toEqual([]);
  });
});

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

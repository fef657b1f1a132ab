import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/**
 * Extension code runs in the browser, where Node's globals would crash. TypeScript cannot keep
 * them out (WXT's own types bring @types/node into every program), so this rule does.
 */
const nodeGlobals = ['process', 'Buffer', 'global', 'require', '__dirname', '__filename'].map(
  (name) => ({ name, message: 'A Node global: extension code runs in the browser.' }),
);

// Which folder may import which (the layers of lib/, the browser only in lib/adapters/) is stated
// in .dependency-cruiser.js.

/**
 * Pages reach the browser only through lib/adapters/: pageStorage() to read and follow storage
 * (one storage.onChanged listener per page, each follower removed with its component),
 * send-message, translate's i18n, and pages.ts for tabs and shortcuts. The browser's `browser` and
 * `chrome`, and `storage` and `i18n` as globals, are refused.
 */
const THROUGH_ADAPTERS = 'Pages reach the browser through lib/adapters/';
const toAdapters = `${THROUGH_ADAPTERS} (translate.ts has i18n, pages.ts tabs and shortcuts).`;
const pagesGetTheBrowserFromAdapters = {
  files: ['components/**'],
  rules: {
    // Replaces the Node globals' rule for components, so it lists them again.
    'no-restricted-globals': [
      'error',
      ...nodeGlobals,
      ...['browser', 'chrome', 'storage', 'i18n'].map((name) => ({ name, message: toAdapters })),
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "MemberExpression[property.name='onChanged']",
        message: `${THROUGH_ADAPTERS}: pageStorage().follow(...) in lib/adapters/page-storage.ts.`,
      },
    ],
  },
};

export default ts.config(
  { ignores: ['.output/', '.svelte-check/', '.wxt/', 'coverage/', 'demo/', 'node_modules/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: globals.browser },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // A promise nobody awaits hides its failure: each is awaited, caught, or marked `void` with
    // the reason beside it. Type-aware, so only for the extension's own code, where it matters,
    // with the extension's program (tsconfig.app.json), smaller than the one with the tests.
    files: ['entrypoints/**/*.ts', 'components/**/*.ts', 'components/**/*.svelte', 'lib/**/*.ts'],
    languageOptions: {
      parserOptions: {
        project: './tsconfig.app.json',
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // With types at hand this rule asks the checker about every expression (three quarters of
      // the lint's time); the pages keep state in runes, not stores, so it has nothing to find.
      'svelte/require-store-reactive-access': 'off',
    },
  },
  {
    // Scripts, configs and tests run in Node.
    files: ['tests/**', 'scripts/**', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['entrypoints/**', 'components/**', 'lib/**'],
    rules: { 'no-restricted-globals': ['error', ...nodeGlobals] },
  },
  {
    // Pages and the domain must not schedule with timers the worker would lose.
    files: ['entrypoints/background.ts', 'lib/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...nodeGlobals,
        { name: 'setInterval', message: 'The worker dies when idle: schedule with alarms.' },
      ],
    },
  },
  pagesGetTheBrowserFromAdapters,
  {
    // The one CommonJS file: how the build gives the extension webextension-polyfill.
    files: ['lib/adapters/browser.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.commonjs },
    rules: { 'no-restricted-globals': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);

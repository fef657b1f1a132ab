import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig, type Entrypoint } from 'wxt';
import { ICON_SIZES, iconPng } from './scripts/icon';
import { cssHash, svelteServerCopies } from './scripts/svelte-server';

/**
 * The head every page shares, given here once (a page's index.html only loads its scripts): the
 * character set first, ahead of the scripts and styles the build adds, then the viewport.
 */
const pageHead: Plugin = {
  name: 'backbone:page-head',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { charset: 'UTF-8' }, injectTo: 'head-prepend' },
    {
      tag: 'meta',
      attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1.0' },
      injectTo: 'head-prepend',
    },
  ],
};

/**
 * The popup's module loads once its first script has put today on screen
 * (entrypoints/first-paint.ts): fetched alongside it, its 30 kB slowed that script, its read and
 * the stylesheet the first paint waits for, and it cannot run before then anyway. Its address
 * moves from a tag of its own to the first script's `data-module`. Built pages only: the dev
 * server's page has its own module (Vite's client) ahead of the popup's.
 */
const popupModuleAfterFirstPaint: Plugin = {
  name: 'backbone:popup-module-after-first-paint',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html) {
      const firstScript = '<script src="/first-paint.js"></script>';
      if (!html.includes(firstScript)) return html;
      const module = /\s*<script type="module"(?: crossorigin)? src="([^"]+)"><\/script>/.exec(
        html,
      );
      if (!module) throw new Error('The page with the first-paint script has no module to load');
      return html
        .replace(module[0], '')
        .replace(firstScript, `<script src="/first-paint.js" data-module="${module[1]}"></script>`);
    },
  },
};

const chromiumBinary = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const runningAsRoot = process.getuid?.() === 0;

export default defineConfig({
  // Every import written out: WXT's auto-imports also took a parameter named like an export of
  // components/ (uiLanguage) for a use of it, and quietly imported that module into lib/.
  imports: false,
  modules: ['@wxt-dev/module-svelte', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Each block's elements made one by one: the default parses each block's HTML string once per
  // page, a cost that pages drawing most blocks once (the popup's first paint) never earn back.
  svelte: { vite: { compilerOptions: { fragments: 'tree', cssHash } } },
  manifest: ({ browser }) => ({
    name: 'Backbone',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['alarms', 'notifications', 'storage', 'idle'],
    icons: Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`])),
    action: { default_title: 'Backbone' },
    commands: {
      'log-water': {
        suggested_key: { default: 'Alt+Shift+W' },
        description: '__MSG_command_logWater__',
      },
      'repeat-last-set': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_command_repeatLastSet__',
      },
      'toggle-pause': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_command_togglePause__',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'backbone@backbone-extension.org',
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  hooks: {
    // The popup opens many times a day and must paint at once. Built on its own, its chunks hold
    // only what it imports, not also what the other pages share with each other (pages share no
    // state: each loads its own copy of a module anyway).
    'entrypoints:grouped': (_wxt, groups) => {
      const pages = groups.find(
        (group): group is Entrypoint[] =>
          Array.isArray(group) && group.some((entry) => entry.type === 'popup'),
      );
      if (!pages || pages.length < 2) return;
      const popup = pages.findIndex((entry) => entry.type === 'popup');
      groups.push(pages.splice(popup, 1));
    },
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(...ICON_SIZES.map((size) => `icon/${size}.png`));
    },
    'build:publicAssets': (wxt, files) => {
      const iconDir = join(wxt.config.wxtDir, 'icons');
      mkdirSync(iconDir, { recursive: true });
      for (const size of ICON_SIZES) {
        const absoluteSrc = join(iconDir, `${size}.png`);
        writeFileSync(absoluteSrc, iconPng(size));
        files.push({ absoluteSrc, relativeDest: `icon/${size}.png` });
      }
    },
  },
  vite: ({ mode }) => {
    // The e2e build is the production build plus a test handle (entrypoints/background.ts):
    // Svelte compiles and resolves for production there too, so the end-to-end tests and
    // `npm run bench` see the code that ships, not Svelte's development checks.
    if (mode === 'e2e') process.env.NODE_ENV = 'production';
    return {
      plugins: [pageHead, popupModuleAfterFirstPaint, svelteServerCopies()],
      // Chunks the popup loads later import from its own script. Export names kept as written
      // make that script the same in every build of the same code; minified to letters, they
      // came out in another order when the machine was busy, and the e2e build's popup no longer
      // matched the shipped one.
      // Both browsers support modulepreload: Vite's polyfill for it would only weigh on first paint.
      build: {
        modulePreload: { polyfill: false },
        rollupOptions: { output: { minifyInternalExports: false } },
      },
      resolve: {
        // Instead of the polyfill module's own alias: see the file for why.
        alias: [
          {
            find: /^wxt\/browser$/,
            replacement: resolve(import.meta.dirname, 'lib/adapters/browser.cjs'),
          },
        ],
        ...(mode === 'e2e' && { conditions: ['production'] }),
      },
    };
  },
  webExt: {
    binaries: { chrome: chromiumBinary },
    // Chromium refuses to start its sandbox as root (containers, CI machines).
    chromiumArgs: runningAsRoot ? ['--no-sandbox'] : [],
  },
});

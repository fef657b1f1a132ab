import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'wxt';
import { ICON_SIZES, iconPng } from './scripts/icon';

// The test build (`--mode e2e`) is the production build plus the worker's test handle: WXT
// takes the mode as NODE_ENV, which would compile Svelte in its slower development mode, so
// the tests and benchmarks would not run what users run.
if (process.env.NODE_ENV === 'e2e') process.env.NODE_ENV = 'production';

const chromiumBinary = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const runningAsRoot = process.getuid?.() === 0;

export default defineConfig({
  modules: ['@wxt-dev/module-svelte', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
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
  webExt: {
    binaries: { chrome: chromiumBinary },
    // Chromium refuses to start its sandbox as root (containers, CI machines).
    chromiumArgs: runningAsRoot ? ['--no-sandbox'] : [],
  },
});

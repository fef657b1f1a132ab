import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { cssHash, svelteServerCopies } from './scripts/svelte-server';

/** Zones with DST (one a half-hour shift) in which the time-zone tests run. */
const TIME_ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe'];

export default defineConfig({
  plugins: [WxtVitest(), svelte({ compilerOptions: { cssHash } }), svelteServerCopies()],
  test: {
    setupFiles: ['tests/unit/setup.ts'],
    // Property tests are CPU-bound: on a busy two-core machine they take several times longer.
    testTimeout: 60_000,
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Every test starts from a fresh fake browser (tests/unit/setup.ts) and no module keeps
          // state between tests, so files share a worker's modules: a third less CPU.
          isolate: false,
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/**/*.tz.test.ts', 'tests/unit/**/*.dom.test.ts'],
        },
      },
      {
        // Pages mounted as their entrypoints mount them: Svelte's browser build, in a DOM.
        extends: true,
        resolve: { conditions: ['browser'] },
        test: { name: 'dom', include: ['tests/unit/**/*.dom.test.ts'], environment: 'happy-dom' },
      },
      ...TIME_ZONES.map((zone) => ({
        extends: true as const,
        test: { name: `tz ${zone}`, include: ['tests/unit/**/*.tz.test.ts'], env: { TZ: zone } },
      })),
    ],
    coverage: {
      provider: 'v8',
      include: ['lib/**/*.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 90 },
    },
  },
});

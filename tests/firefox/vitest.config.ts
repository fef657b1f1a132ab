import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.firefox.ts'],
    testTimeout: 45_000,
    hookTimeout: 90_000,
    maxWorkers: 2,
  },
});

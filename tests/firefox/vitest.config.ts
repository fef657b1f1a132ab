import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.firefox.ts'],
    // The first test of a file also waits for Firefox to start, slow on a loaded machine.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // One Firefox for the whole suite, its files in turn: as fast as two side by side, which
    // wait on Firefox more than they work, in two thirds of the CPU.
    maxWorkers: 1,
    // The test code itself (puppeteer, the helpers) is loaded once rather than once a file.
    isolate: false,
    // A condition polled for gets the same patience: on a busy machine an event page or a
    // worker can take seconds to start again (the default is one second).
    expect: { poll: { timeout: 15_000 } },
  },
});

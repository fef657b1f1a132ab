import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.firefox.ts'],
    // The first test of a file also waits for Firefox to start, slow on a loaded machine.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    maxWorkers: 2,
    // Each file starts its own browser; the test code itself (playwright, the helpers) is loaded
    // once a worker rather than once a file.
    isolate: false,
    // A condition polled for gets the same patience: on a busy machine an event page or a
    // worker can take seconds to start again (the default is one second).
    expect: { poll: { timeout: 15_000 } },
  },
});

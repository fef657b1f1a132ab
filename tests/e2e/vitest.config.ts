import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    // Generous: the suite must pass on a two-core machine that is busy with another run.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    // Each file starts its own browser; the test code itself (playwright, the helpers) is loaded
    // once a worker rather than once a file: a fifth less CPU.
    isolate: false,
    // A condition polled for gets the same patience: on a busy machine an event page or a
    // worker can take seconds to start again (the default is one second).
    expect: { poll: { timeout: 15_000 } },
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
    // A journey waits for what a person waits for; a loaded machine can take more than a second.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});

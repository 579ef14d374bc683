import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // Tests marked concurrent (the accessibility sweep's roles) run two at a time: two cores.
    maxConcurrency: 2,
  },
});

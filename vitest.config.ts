import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built CLI; 2 cores is the machine everyone has.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});

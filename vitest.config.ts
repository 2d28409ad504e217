import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Names this run's PostgreSQL database (created on first use) and drops it at the end.
    globalSetup: ['test/support/postgres-global-setup.ts'],
  },
});

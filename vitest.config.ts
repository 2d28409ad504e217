import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The suites that go through a store (test/support/test-store.ts) run in both projects: `sqlite` is the whole suite on
 * SQLite in memory, `postgres` runs these again on a PostgreSQL schema per app or store. Pick one with
 * `npx vitest run --project postgres [file…]`.
 */
const STORE_SUITES = ['http', 'conformance', 'events', 'admin-api', 'integration'].map(
  (folder) => `test/${folder}/**/*.test.ts`,
);

/** Files under STORE_SUITES that the `postgres` project leaves out. */
const NOT_ON_POSTGRES = [
  // The HTTP layer over fake services (test/http/http-fixture.ts): no store at all.
  'test/http/auth-and-content.test.ts',
  'test/http/build-app.test.ts',
  'test/http/bulk.test.ts',
  'test/http/discovery-routes.test.ts',
  'test/http/resource-routes.test.ts',
  'test/http/serve-console.test.ts',
  // Picks PostgreSQL itself (and runs in project `sqlite` already).
  'test/integration/postgres-app.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Names this run's PostgreSQL databases (created on first use) and drops them at the end.
    globalSetup: ['test/support/postgres-global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/e2e/**'],
          provide: { musterTestStore: 'sqlite' },
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: STORE_SUITES,
          exclude: [...configDefaults.exclude, ...NOT_ON_POSTGRES],
          provide: { musterTestStore: 'postgres' },
        },
      },
      {
        extends: true,
        test: {
          // The console in Debian's Chromium against a real `muster serve` (test/e2e/support/); needs web/dist.
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          provide: { musterTestStore: 'sqlite' },
        },
      },
    ],
  },
});

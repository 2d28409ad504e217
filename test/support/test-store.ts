// The store a test runs on, chosen by its vitest project (vitest.config.ts): SQLite in memory in project `sqlite`, a
// PostgreSQL schema of this run's database in project `postgres`, so the suites that go through a store cover both.
import { inject } from 'vitest';
import type { Store } from '../../src/domain/ports.js';
import { createPostgresStore } from '../../src/store/postgres/create-postgres-store.js';
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js';
import { leasePostgresTestSchema } from './lease-postgres-test-schema.js';
import { postgresTestDatabaseUrl } from './postgres-test-database.js';

export type TestStoreKind = 'sqlite' | 'postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The store of createTestApp() and openTestStore() in this project (vitest.config.ts). */
    musterTestStore?: TestStoreKind;
  }
}

export function testStoreKind(): TestStoreKind {
  // SQLite for a run configured without projects.
  return inject('musterTestStore') ?? 'sqlite';
}

export interface TestDatabase {
  /** DATABASE_URL of an empty, unshared database. */
  readonly url: string;
  /** Call once the app using it is closed. */
  release(): Promise<void>;
}

/** A database for one app: `sqlite::memory:`, or a PostgreSQL schema nobody else uses, freed by release(). */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (testStoreKind() === 'sqlite') return { url: 'sqlite::memory:', release: () => Promise.resolve() };
  const lease = await leasePostgresTestSchema();
  return { url: lease.databaseUrl, release: () => lease.release() };
}

/** A migrated, empty store of this project's kind; close() frees what it used. */
export async function openTestStore(): Promise<Store> {
  return testStoreKind() === 'sqlite'
    ? createSqliteStore({ filename: ':memory:' })
    : openLeasedPostgresStore();
}

/**
 * A PostgreSQL store on a reused schema (lease-postgres-test-schema.ts), whatever the project: migrated and empty, for
 * tests that do not depend on how the migrations ran (openPostgresTestStore() always migrates a new schema).
 */
export async function openLeasedPostgresStore(): Promise<Store> {
  const lease = await leasePostgresTestSchema();
  const store = await createPostgresStore({
    connectionString: await postgresTestDatabaseUrl(),
    poolSize: 5,
    statementTimeoutMs: 30_000,
    ssl: { mode: 'disable' },
    schema: lease.schema,
  });
  return {
    ...store,
    async close() {
      await store.close();
      await lease.release();
    },
  };
}

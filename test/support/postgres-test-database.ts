// PostgreSQL for tests: this worker slot's database of the run (named after postgres-global-setup.ts's prefix, created
// here on first use) and a fresh schema for every store or app opened in it, dropped again on close, so tests never see
// each other's rows and nothing is left behind. When the server cannot be reached every caller fails with a message
// saying so: never a skip.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { Store } from '../../src/domain/ports.js';
import {
  createPostgresStore,
  type PostgresStoreOptions,
} from '../../src/store/postgres/create-postgres-store.js';
import { createTestDatabase, runStatement, testDatabaseName, withDatabase } from './postgres-test-target.js';

let created: Promise<string> | undefined;

/** The URL of this worker slot's database, created by its first caller. */
export function postgresTestDatabaseUrl(): Promise<string> {
  created ??= (async () => {
    const target = inject('musterPostgres');
    const database = testDatabaseName(target, process.env['VITEST_POOL_ID'] ?? '0');
    await createTestDatabase(target, database);
    return withDatabase(target.baseUrl, database);
  })();
  return created;
}

export function freshSchemaName(): string {
  return `s_${randomBytes(8).toString('hex')}`;
}

export async function dropSchema(schema: string): Promise<void> {
  await runStatement(
    await postgresTestDatabaseUrl(),
    `drop schema if exists ${pg.escapeIdentifier(schema)} cascade`,
  );
}

export type PostgresTestStoreOptions = Partial<Omit<PostgresStoreOptions, 'connectionString'>>;

/** A migrated store in a fresh schema of this run's database; close() drops the schema. */
export async function openPostgresTestStore(options: PostgresTestStoreOptions = {}): Promise<Store> {
  const schema = options.schema ?? freshSchemaName();
  const store = await createPostgresStore({
    connectionString: await postgresTestDatabaseUrl(),
    poolSize: 5,
    statementTimeoutMs: 30_000,
    ssl: { mode: 'disable' },
    ...options,
    schema,
  });
  return {
    ...store,
    async close() {
      await store.close();
      await dropSchema(schema);
    },
  };
}

export interface PostgresTestSchema {
  readonly schema: string;
  /** DATABASE_URL for Muster: this run's database with the schema as search_path (libpq's `options` parameter). */
  readonly databaseUrl: string;
  drop(): Promise<void>;
}

/** An empty schema in this run's database and a DATABASE_URL that uses it, for tests of the whole app. */
export async function createPostgresTestSchema(): Promise<PostgresTestSchema> {
  const url = await postgresTestDatabaseUrl();
  const schema = freshSchemaName();
  await runStatement(url, `create schema ${pg.escapeIdentifier(schema)}`);
  const databaseUrl = new URL(url);
  databaseUrl.searchParams.set('options', `-c search_path=${schema}`);
  return { schema, databaseUrl: databaseUrl.toString(), drop: () => dropSchema(schema) };
}

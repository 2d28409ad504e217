// vitest globalSetup: names this test run's PostgreSQL databases (a random prefix, so runs never collide) and drops them
// at the end. Workers create theirs on first use (postgres-test-database.ts), so a run without PostgreSQL tests never
// connects; the drop is tried after every run and has nothing to do when no worker created a database.
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { dropTestDatabases, type PostgresTestTarget } from './postgres-test-target.js';

declare module 'vitest' {
  export interface ProvidedContext {
    musterPostgres: PostgresTestTarget;
  }
}

const DEFAULT_BASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export default function setup(project: TestProject): () => Promise<void> {
  const raw = process.env['MUSTER_TEST_POSTGRES_URL']?.trim();
  const target: PostgresTestTarget = {
    baseUrl: raw === undefined || raw === '' ? DEFAULT_BASE_URL : raw,
    databasePrefix: `muster_test_${randomBytes(6).toString('hex')}`,
  };
  project.provide('musterPostgres', target);
  return () => dropTestDatabases(target);
}

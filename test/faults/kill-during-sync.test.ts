// kill -9 of a real `muster serve` in the middle of an identity provider's initial sync (users, groups, member
// PATCHes, eight requests at a time), at a random request of a random phase, then a restart and the IdP's retries.
// Right after the crash the database must hold no half-written user or group, no membership of a missing user or
// group, an outbox that matches the rows, and everything the IdP got a 2xx for; after the retries, exactly the plan.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../src/store/sqlite/open-sqlite-database.js';
import { createPostgresTestSchema, type PostgresTestSchema } from '../support/postgres-test-database.js';
import {
  findIncomplete,
  findInconsistencies,
  findMissingAcknowledged,
  readStoreRows,
  type Query,
} from './check-store-consistency.js';
import {
  NoAnswer,
  createSyncClient,
  newIdpState,
  retrySync,
  runSync,
  type SyncPhase,
  type SyncPlan,
} from './entra-sync.js';
import { createCredential, serveEnv, startMuster, type SpawnedMuster } from './spawned-muster.js';

/**
 * 10,000 users in 100 groups (100 members each, added 50 per PATCH): 20,000 user requests, 200 group requests, 200
 * PATCHes; the crash point may fall in any phase.
 */
const PLAN: SyncPlan = { users: 10_000, groups: 100, batch: 50 };
const PHASE_REQUESTS: Readonly<Record<SyncPhase, number>> = {
  users: 2 * PLAN.users,
  groups: 2 * PLAN.groups,
  members: PLAN.users / PLAN.batch,
};
const PHASES = Object.keys(PHASE_REQUESTS) as SyncPhase[];

const randomInt = (below: number): number => Math.floor(Math.random() * below);

interface Target {
  readonly env: NodeJS.ProcessEnv;
  /** Runs `fn` with a query function on the database, closed afterwards. */
  withQuery<T>(fn: (query: Query) => Promise<T>): Promise<T>;
  cleanup(): Promise<void>;
}

function sqliteTarget(): Target {
  const dir = mkdtempSync(join(tmpdir(), 'muster-kill-'));
  const filename = join(dir, 'muster.db');
  return {
    env: serveEnv({ DATABASE_URL: `sqlite:${filename}` }),
    async withQuery(fn) {
      // Opening the file replays its write-ahead log, as the restarted server would.
      const db = openSqliteDatabase(filename);
      try {
        return await fn((sql) => Promise.resolve(db.prepare(sql).all([]) as Record<string, unknown>[]));
      } finally {
        db.close();
      }
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

async function postgresTarget(): Promise<Target> {
  const schema: PostgresTestSchema = await createPostgresTestSchema();
  return {
    env: serveEnv({ DATABASE_URL: schema.databaseUrl }),
    async withQuery(fn) {
      const client = new pg.Client({ connectionString: schema.databaseUrl });
      await client.connect();
      try {
        return await fn(async (sql) => (await client.query<Record<string, unknown>>(sql)).rows);
      } finally {
        await client.end();
      }
    },
    cleanup: () => schema.drop(),
  };
}

let target: Target | undefined;
let server: SpawnedMuster | undefined;

afterEach(async () => {
  if (server !== undefined && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  server = undefined;
  await target?.cleanup();
  target = undefined;
});

async function crashAndRecover(open: () => Target | Promise<Target>): Promise<void> {
  const t = await open();
  target = t;
  const phase = PHASES[randomInt(PHASES.length)] ?? 'users';
  const crashAt = 1 + randomInt(PHASE_REQUESTS[phase]);
  const where = `crash at request ${String(crashAt)} of phase ${phase}`;

  const token = await createCredential('scim-token', t.env);
  const first = await startMuster(t.env);
  server = first;
  const state = newIdpState();
  const client = createSyncClient(first.origin, token);
  let sent = 0;
  client.onRequest = (current) => {
    if (current !== phase) return;
    sent += 1;
    if (sent === crashAt) first.child.kill('SIGKILL');
  };
  // The sync stops at the first request without an answer; requests in flight then are lost with the process.
  await expect(runSync(client, PLAN, state), where).rejects.toBeInstanceOf(NoAnswer);
  const [, signal] = await first.exited;
  expect(signal, where).toBe('SIGKILL');
  expect(state.unanswered.length, where).toBeGreaterThan(0);

  const afterCrash = await t.withQuery(readStoreRows);
  expect(findInconsistencies(afterCrash), where).toEqual([]);
  expect(findMissingAcknowledged(afterCrash, state), where).toEqual([]);

  // Restarted on the same database, the IdP retries what got no answer and finishes the sync.
  const second = await startMuster(t.env);
  server = second;
  await retrySync(createSyncClient(second.origin, token), PLAN, state);
  second.child.kill('SIGTERM');
  const [code] = await second.exited;
  expect(code, where).toBe(0);

  const afterRetries = await t.withQuery(readStoreRows);
  expect(findInconsistencies(afterRetries), where).toEqual([]);
  expect(findMissingAcknowledged(afterRetries, state), where).toEqual([]);
  expect(findIncomplete(afterRetries, PLAN, state), where).toEqual([]);
}

describe('kill -9 during an IdP sync', () => {
  it('leaves a consistent SQLite database that the retries complete', async () => {
    await crashAndRecover(sqliteTarget);
  }, 600_000);

  it('leaves a consistent PostgreSQL database that the retries complete', async () => {
    await crashAndRecover(postgresTarget);
  }, 600_000);
});

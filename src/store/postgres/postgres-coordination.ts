// How Muster processes sharing one PostgreSQL schema coordinate (docs/decisions/0010-multi-instance.md):
// - cache invalidation is a NOTIFY on the schema's channel, heard by every process's LISTEN connection. Sent inside the
//   transaction that made the change, PostgreSQL delivers it at COMMIT and drops it at ROLLBACK.
// - a job runs under a session-level advisory try-lock on one pooled connection, which also runs the job's statements:
//   a process that does not get the lock skips the run instead of waiting, and a lock held by a process that dies is
//   released with its connection.
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';
import type { StoreCoordination } from '../store-coordination.js';
import { PostgresNotifications } from './postgres-notifications.js';

/** First key of the job locks ("mjob"); the write lock's is "must" (create-postgres-store.ts). */
const JOB_LOCK_CLASS = 0x6d6a6f62;

/**
 * The channel of one schema's processes. Channels are per database but not per schema, and a schema name may be as long
 * as the identifier limit, so the name carries a hash of the schema: schemas sharing a database never hear each other
 * (a hash collision would only cost the other schema's processes a cache refill).
 */
export function cacheInvalidationChannel(schema: string): string {
  return `muster_caches_${createHash('sha256').update(schema).digest('hex').slice(0, 24)}`;
}

/** The job lock's second key: the schema and the job name, hashed by the server (current_schema() on `db`). */
const jobKey = (name: string) => sql`hashtext(coalesce(current_schema(), '') || '/' || ${name})`;

/** Takes job `name`'s lock for the session when no session holds it; never waits. */
const tryLock = (name: string) =>
  sql<{ locked: boolean }>`select pg_try_advisory_lock(${JOB_LOCK_CLASS}, ${jobKey(name)}) as locked`;

export interface PostgresCoordinationOptions {
  /** How the LISTEN connection connects: the store's own settings. */
  readonly client: pg.ClientConfig;
  /** The schema of the store's tables: its processes share one notification channel. */
  readonly schema: string;
}

/** The coordination of the processes serving one schema. */
export function postgresCoordination(options: PostgresCoordinationOptions): StoreCoordination {
  const channel = cacheInvalidationChannel(options.schema);
  // Tells this process's own notifications apart from the others': its caches are dropped directly.
  const ownPayload = randomUUID();
  const notifications = new PostgresNotifications({ client: options.client, channel, ownPayload });
  return {
    async announce(on) {
      await sql`select pg_notify(${channel}, ${ownPayload})`.execute(on);
    },
    subscribe: (listener) => notifications.subscribe(listener),
    runExclusive: (on, name, fn) =>
      on.connection().execute(async (connection) => {
        const { rows: lock } = await tryLock(name).execute(connection);
        if (lock[0]?.locked !== true) return { ran: false };
        try {
          return { ran: true, value: await fn(connection) };
        } finally {
          // Should this fail, the connection is broken and the server has released the lock with it.
          await sql`select pg_advisory_unlock(${JOB_LOCK_CLASS}, ${jobKey(name)})`.execute(connection);
        }
      }),
    close: () => notifications.close(),
  };
}

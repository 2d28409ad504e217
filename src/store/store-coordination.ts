// How the processes on one database coordinate, per database: what createKyselyStore needs to implement the
// Store's cacheInvalidation and runExclusive (domain/coordination-ports.ts). PostgreSQL's is postgres-coordination.ts.
import type { Kysely } from 'kysely';
import type { ExclusiveRun } from '../domain/ports.js';
import type { Database } from './schema.js';

export interface StoreCoordination {
  /** Announces on `db` (the pool, or one transaction: then it goes out at COMMIT). */
  announce(db: Kysely<Database>): Promise<void>;
  subscribe(listener: () => void): Promise<void>;
  /** Runs `fn` with a `db` to run its statements on, unless another process runs job `name` right now. */
  runExclusive<T>(
    db: Kysely<Database>,
    name: string,
    fn: (db: Kysely<Database>) => Promise<T>,
  ): Promise<ExclusiveRun<T>>;
  /** Stops listening; the store closes it before its connections. */
  close(): Promise<void>;
}

/**
 * One SQLite file: nothing to announce through, nothing to hear. Jobs run on the store's own connection (holding it
 * for the whole job would keep every request waiting), and concurrent jobs in several processes are harmless, since
 * the file's write lock makes each statement see the others' deletions.
 */
export const singleProcessCoordination: StoreCoordination = {
  announce: () => Promise.resolve(),
  subscribe: () => Promise.resolve(),
  runExclusive: async (db, _name, fn) => ({ ran: true, value: await fn(db) }),
  close: () => Promise.resolve(),
};

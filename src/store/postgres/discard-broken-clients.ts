// The pool as Kysely's PostgresDriver sees it, with two differences. A connection lost while a client is checked out
// is caught (unhandled, node-postgres's 'error' event would end the process). And a client whose query failed without
// an answer from the server (lost connection, client-side query timeout) goes back to the pool with that error, so
// pg-pool destroys it instead of lending it out again: pg-pool drops a client whose socket has closed by itself, but a
// query timeout leaves the socket open and the client waiting for a reply that may never come.
import pg from 'pg';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

class CheckedOutClient implements PostgresPoolClient {
  readonly #client: pg.PoolClient;
  /** The error that made this client unusable during the current checkout. */
  #broken: Error | undefined;

  constructor(client: pg.PoolClient) {
    this.#client = client;
    // node-postgres emits a lost connection as an 'error' event on the client. pg-pool listens only while the client
    // is idle; one that is checked out (inside a transaction, between two statements) would have nobody listening,
    // and an 'error' event without a listener ends the process.
    client.on('error', (error) => {
      this.#broken ??= error;
    });
  }

  query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sql: string | PostgresCursor<R>,
    parameters: readonly unknown[] = [],
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    // The store configures no cursor, so Kysely never streams.
    if (typeof sql !== 'string') throw new Error('streaming queries are not supported by the store');
    return this.#client.query(sql, [...parameters]).then(
      (result) => result as unknown as PostgresQueryResult<R>,
      (error: unknown) => {
        // A DatabaseError is the server's answer: the connection is fine (a unique violation, a statement timeout).
        if (!(error instanceof pg.DatabaseError) && this.#broken === undefined) {
          this.#broken = error instanceof Error ? error : new Error(String(error));
        }
        throw error;
      },
    );
  }

  release(): void {
    const broken = this.#broken;
    this.#broken = undefined;
    this.#client.release(broken);
  }
}

export function discardBrokenClients(pool: pg.Pool): PostgresPool {
  // Kysely keys its connection objects by client: hand out the same front for a client on every checkout.
  const fronts = new WeakMap<pg.PoolClient, CheckedOutClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let front = fronts.get(client);
      if (front === undefined) {
        front = new CheckedOutClient(client);
        fronts.set(client, front);
      }
      return front;
    },
    end: () => pool.end(),
  };
}

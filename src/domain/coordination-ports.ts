// Ports through which the processes serving one database coordinate (re-exported by ports.ts): telling each other to
// drop their cached credentials, and running a periodic job in one process at a time (docs/decisions/0010).

export interface CacheInvalidation {
  /**
   * Tells every other process serving this database to drop its cached credentials and verdicts (verified API keys,
   * SCIM tokens). Inside a transaction it is sent when the transaction commits, never when it rolls back. Where the
   * store has no channel between processes (SQLite) it does nothing: the caches' lifetime bounds staleness there.
   */
  announce(): Promise<void>;
}

export interface CacheInvalidationFeed extends CacheInvalidation {
  /**
   * Calls `listener` whenever another process announces, and each time the channel is (re)established, since
   * announcements may have been missed while it was not. Resolves once the first connection listens; rejects when it
   * cannot be made (the process then must not start). Listeners stay until the store closes. SQLite: resolves at once
   * and never calls `listener`.
   */
  subscribe(listener: () => void): Promise<void>;
}

/** What a job run with Store.runExclusive came to. */
export type ExclusiveRun<T> = { readonly ran: true; readonly value: T } | { readonly ran: false };

// Transactions that tell the other processes on the database to drop their cached credentials (CacheInvalidation in
// coordination-ports.ts). Every use case that may change a credential's verdict (a user, team, membership, API key or
// SCIM token change) runs on such a store, in the server (through invalidatingCache) and in the CLI alike, so another
// instance rejects a revoked key or a deprovisioned user's key as soon as the change commits, not only once its cache
// entry expires.
import type { Store } from './ports.js';

/** `store` whose transactions announce, when they commit, that credentials may have changed. */
export function announcingChanges<S extends Pick<Store, 'transaction'>>(store: S): S {
  return {
    ...store,
    transaction: (fn) =>
      store.transaction(async (tx) => {
        const result = await fn(tx);
        // Last, so a use case that fails announces nothing; the store delivers it only if the transaction commits.
        await tx.cacheInvalidation.announce();
        return result;
      }),
  };
}

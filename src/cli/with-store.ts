// Opens the configured database for one CLI command and closes it afterwards, whatever happens.
import { openStore, systemClock, uuidV7Ids } from '../compose.js';
import type { Config } from '../config/load-config.js';
import { announcingChanges } from '../domain/announcing-changes.js';
import type { Clock, Ids, Store } from '../domain/ports.js';

export interface CliStoreDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: Ids;
}

export async function withStore<T>(config: Config, fn: (deps: CliStoreDeps) => Promise<T>): Promise<T> {
  const store = await openStore(config.database);
  try {
    // A revocation here reaches the running servers' caches as soon as it commits (PostgreSQL).
    return await fn({ store: announcingChanges(store), clock: systemClock, ids: uuidV7Ids });
  } finally {
    await store.close();
  }
}

// The Store over any Kysely database: the repositories bound to either the database or one transaction.
import { sql, type Kysely } from 'kysely';
import type { Store, StoreTx } from '../domain/ports.js';
import { adminAccountsRepo } from './admin-accounts-repo.js';
import { adminKeysRepo } from './admin-keys-repo.js';
import { apiKeysRepo } from './api-keys-repo.js';
import { dashboardRepo } from './dashboard-repo.js';
import { eventsRepo } from './events-repo.js';
import { groupsRepo } from './groups-repo.js';
import { membershipsRepo } from './memberships-repo.js';
import { organizationsRepo } from './organizations-repo.js';
import { provisioningLogRepo } from './provisioning-log-repo.js';
import type { Database } from './schema.js';
import { scimTokensRepo } from './scim-tokens-repo.js';
import { ssoRepo } from './sso-repo.js';
import type { SqlDialect } from './sql-dialect.js';
import { singleProcessCoordination, type StoreCoordination } from './store-coordination.js';
import { usersRepo } from './users-repo.js';
import { webhooksRepo } from './webhooks-repo.js';

function repositories(db: Kysely<Database>, dialect: SqlDialect, coordination: StoreCoordination): StoreTx {
  return {
    organizations: organizationsRepo(db),
    scimTokens: scimTokensRepo(db),
    adminKeys: adminKeysRepo(db),
    adminAccounts: adminAccountsRepo(db, dialect),
    users: usersRepo(db, dialect),
    groups: groupsRepo(db, dialect),
    memberships: membershipsRepo(db),
    apiKeys: apiKeysRepo(db, dialect),
    events: eventsRepo(db),
    webhooks: webhooksRepo(db, dialect),
    provisioningLog: provisioningLogRepo(db, dialect),
    sso: ssoRepo(db, dialect),
    dashboard: dashboardRepo(db),
    cacheInvalidation: { announce: () => coordination.announce(db) },
  };
}

/** `db` must already be migrated. close() closes `coordination`, then destroys `db`. */
export function createKyselyStore(
  db: Kysely<Database>,
  dialect: SqlDialect,
  coordination: StoreCoordination = singleProcessCoordination,
): Store {
  const repos = (on: Kysely<Database>): StoreTx => repositories(on, dialect, coordination);
  return {
    ...repos(db),
    cacheInvalidation: {
      announce: () => coordination.announce(db),
      subscribe: (listener) => coordination.subscribe(listener),
    },
    // Kysely holds one connection for the whole callback; on SQLite its driver mutex makes concurrent
    // transaction() calls (and statements outside them) wait their turn instead of interleaving, and on PostgreSQL
    // write transactions take turns on a lock (postgres/create-postgres-store.ts). So inside `fn` use only `tx`: a
    // statement on the Store itself would wait for the very transaction it runs in, or miss its uncommitted writes.
    transaction: (fn) => db.transaction().execute((trx) => fn(repos(trx))),
    read: (fn) =>
      db
        .transaction()
        .setAccessMode('read only')
        .execute((trx) => fn(repos(trx))),
    runExclusive: (name, fn) => coordination.runExclusive(db, name, (on) => fn(repos(on))),
    async ping() {
      // Reads a real table, so a database that lost its schema or its file is not reported ready.
      await sql`select 1 from organizations limit 1`.execute(db);
    },
    async close() {
      try {
        await coordination.close();
      } finally {
        await db.destroy();
      }
    },
  };
}

// Migrations as code (no files read at runtime, so the build output is self-contained). Names sort in apply order.
import type { Migration, MigrationProvider } from 'kysely';
import { createAccessAndEventsMigration } from './0002-access-and-events.js';
import { createInitialMigration, type InitialMigrationOptions } from './0001-initial.js';
import { createAdminAccountsMigration } from './0003-admin-accounts.js';
import { createConsoleIndexesMigration } from './0004-console-indexes.js';
import { createAdminSessionExpiryMigration } from './0005-admin-session-expiry.js';
import { createSsoSignInMigration } from './0006-sso-sign-in.js';

export type MigrationOptions = InitialMigrationOptions;

export function migrationProvider(options: MigrationOptions): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '0001-initial': createInitialMigration(options),
    '0002-access-and-events': createAccessAndEventsMigration(),
    '0003-admin-accounts': createAdminAccountsMigration(),
    '0004-console-indexes': createConsoleIndexesMigration(),
    '0005-admin-session-expiry': createAdminSessionExpiryMigration(),
    '0006-sso-sign-in': createSsoSignInMigration(),
  };
  return { getMigrations: () => Promise.resolve(migrations) };
}

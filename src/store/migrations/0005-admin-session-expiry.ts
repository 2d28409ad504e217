// The hourly retention job deletes console sessions a day after they ended, oldest expiry first. A session row is
// written at every sign-in and kept up to its absolute lifetime (ADMIN_SESSION_HOURS, up to 30 days) plus that day,
// so the table can hold many rows; this index lets each bounded delete find its oldest rows without a sort of them all.
import type { Kysely, Migration } from 'kysely';

export function createAdminSessionExpiryMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('admin_sessions_expires')
        .on('admin_sessions')
        .column('expires_at')
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('admin_sessions_expires').execute();
    },
  };
}

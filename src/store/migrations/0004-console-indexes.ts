// Indexes for the admin console's reads (dashboard counts, a resource's recent events, a SCIM token's last request,
// the newest failed requests). Dialect-neutral: plain and partial indexes exist on SQLite and PostgreSQL alike.
import { sql, type Kysely, type Migration } from 'kysely';

export function createConsoleIndexesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // Active and inactive users counted from the index alone, without reading 100k rows.
      await db.schema.createIndex('users_active').on('users').columns(['org_id', 'active']).execute();
      // GET /events?resourceId=…: a resource's events without walking the organization's whole outbox.
      await db.schema
        .createIndex('events_resource')
        .on('events')
        .columns(['org_id', 'resource_id', 'seq'])
        .execute();
      // A token's newest entry, also for a token that has been quiet for weeks (and the tokenId filter).
      await db.schema
        .createIndex('provisioning_log_token')
        .on('provisioning_log')
        .columns(['org_id', 'token_id', 'at', 'id'])
        .execute();
      // The newest failures (status=error, 4xx, 5xx): few rows among many successes, newest first.
      await db.schema
        .createIndex('provisioning_log_errors')
        .on('provisioning_log')
        .columns(['org_id', 'at', 'id'])
        .where(sql.ref('status'), '>=', 400)
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const index of [
        'provisioning_log_errors',
        'provisioning_log_token',
        'events_resource',
        'users_active',
      ]) {
        await db.schema.dropIndex(index).execute();
      }
    },
  };
}

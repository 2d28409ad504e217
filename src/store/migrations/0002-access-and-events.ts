// Access and change tracking: admin keys, API keys, the event outbox, webhooks and the provisioning log; users and
// groups learn who manages them. Dialect-neutral like 0001: text and integer columns, JSON as text.
import { sql, type Kysely, type Migration } from 'kysely';

export function createAccessAndEventsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // Every row so far came from SCIM; the admin API creates 'admin' rows.
      for (const table of ['users', 'groups']) {
        await db.schema
          .alterTable(table)
          .addColumn('managed_by', 'text', (c) => c.notNull().defaultTo('scim'))
          .execute();
      }

      await db.schema
        .createTable('admin_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.references('organizations.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('display_prefix', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text')
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();

      await db.schema
        .createTable('api_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('owner_type', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('team_id', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('display_prefix', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text')
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .addColumn('blocked_at', 'text')
        .addColumn('blocked_reason', 'text')
        .addCheckConstraint(
          'api_keys_owner',
          sql`(owner_type = 'user' and user_id is not null) or (owner_type = 'team' and user_id is null and team_id is not null)`,
        )
        .execute();
      await db.schema.createIndex('api_keys_user').on('api_keys').columns(['org_id', 'user_id']).execute();
      await db.schema.createIndex('api_keys_team').on('api_keys').columns(['org_id', 'team_id']).execute();
      await db.schema
        .createIndex('api_keys_created')
        .on('api_keys')
        .columns(['org_id', 'created_at', 'id'])
        .execute();

      await db.schema
        .createTable('event_sequences')
        .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
        .addColumn('last_seq', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('events')
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('resource_type', 'text', (c) => c.notNull())
        .addColumn('resource_id', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('events_pk', ['org_id', 'seq'])
        .execute();

      await db.schema
        .createTable('webhook_endpoints')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('event_types', 'text', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('previous_secret', 'text')
        .addColumn('previous_secret_expires_at', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('consecutive_failures', 'integer', (c) => c.notNull())
        .addColumn('failing_since', 'text')
        .addColumn('fanout_seq', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('webhook_endpoints_org')
        .on('webhook_endpoints')
        .columns(['org_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('endpoint_id', 'text', (c) =>
          c.notNull().references('webhook_endpoints.id').onDelete('cascade'),
        )
        .addColumn('event_seq', 'integer')
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('resource_key', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('failed_attempts', 'integer', (c) => c.notNull())
        .addColumn('first_attempt_at', 'text')
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_attempt_at', 'text')
        .addColumn('delivered_at', 'text')
        .execute();
      await db.schema
        .createIndex('webhook_deliveries_due')
        .on('webhook_deliveries')
        .columns(['status', 'next_attempt_at'])
        .execute();
      await db.schema
        .createIndex('webhook_deliveries_order')
        .on('webhook_deliveries')
        .columns(['endpoint_id', 'resource_key', 'status', 'event_seq'])
        .execute();
      // Paging an endpoint's deliveries newest first; ids are time-ordered (UUID v7).
      await db.schema
        .createIndex('webhook_deliveries_endpoint')
        .on('webhook_deliveries')
        .columns(['endpoint_id', 'id'])
        .execute();
      // One delivery per event and endpoint, whatever two workers fanning out at once do.
      await db.schema
        .createIndex('webhook_deliveries_event')
        .on('webhook_deliveries')
        .columns(['endpoint_id', 'event_id'])
        .unique()
        .execute();

      await db.schema
        .createTable('webhook_attempts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('delivery_id', 'text', (c) =>
          c.notNull().references('webhook_deliveries.id').onDelete('cascade'),
        )
        .addColumn('attempted_at', 'text', (c) => c.notNull())
        .addColumn('status_code', 'integer')
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('response_excerpt', 'text')
        .execute();
      await db.schema
        .createIndex('webhook_attempts_delivery')
        .on('webhook_attempts')
        .columns(['delivery_id', 'id'])
        .execute();

      await db.schema
        .createTable('provisioning_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('token_id', 'text')
        .addColumn('request_id', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addColumn('scim_type', 'text')
        .addColumn('resource_type', 'text')
        .addColumn('resource_id', 'text')
        .addColumn('request_body', 'text')
        .addColumn('response_body', 'text')
        .execute();
      await db.schema
        .createIndex('provisioning_log_org')
        .on('provisioning_log')
        .columns(['org_id', 'at', 'id'])
        .execute();
      await db.schema
        .createIndex('provisioning_log_resource')
        .on('provisioning_log')
        .columns(['org_id', 'resource_id', 'at'])
        .execute();
      await db.schema.createIndex('provisioning_log_at').on('provisioning_log').column('at').execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of [
        'provisioning_log',
        'webhook_attempts',
        'webhook_deliveries',
        'webhook_endpoints',
        'events',
        'event_sequences',
        'api_keys',
        'admin_keys',
      ]) {
        await db.schema.dropTable(table).execute();
      }
      for (const table of ['users', 'groups']) {
        await db.schema.alterTable(table).dropColumn('managed_by').execute();
      }
    },
  };
}

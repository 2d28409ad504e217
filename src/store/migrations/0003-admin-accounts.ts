// Admin accounts for the web console: people who sign in with an email and a password (admin_users), their sessions
// (admin_sessions) and the one-time links that create an account (admin_setup_tokens). Dialect-neutral like 0002:
// text columns only, timestamps as ISO-8601 UTC text with milliseconds. Only SHA-256 hashes of session and setup tokens
// are stored, and passwords only as scrypt hashes.
import type { Kysely, Migration } from 'kysely';

export function createAdminAccountsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('admin_users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        // null: an instance-wide admin (every organization), as for admin keys.
        .addColumn('org_id', 'text', (c) => c.references('organizations.id').onDelete('cascade'))
        .addColumn('email', 'text', (c) => c.notNull())
        // The email lower-cased in JavaScript, like the other *_key columns: one account per address, any case.
        .addColumn('email_key', 'text', (c) => c.notNull().unique())
        // null: invited, no password set yet.
        .addColumn('password_hash', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('last_login_at', 'text')
        .execute();

      await db.schema
        .createTable('admin_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('admin_user_id', 'text', (c) =>
          c.notNull().references('admin_users.id').onDelete('cascade'),
        )
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createIndex('admin_sessions_user')
        .on('admin_sessions')
        .column('admin_user_id')
        .execute();

      await db.schema
        .createTable('admin_setup_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        // Set when the token sets the password of one invited admin (its admin_users row, password_hash null); null:
        // the first-admin token, usable while no admin exists.
        .addColumn('email', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['admin_setup_tokens', 'admin_sessions', 'admin_users']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}

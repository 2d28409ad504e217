// The initial schema. Dialect-neutral: text and integer columns only, except the JSON document column whose type
// the dialect chooses (text on SQLite, jsonb on PostgreSQL). Timestamps are ISO-8601 UTC text with milliseconds,
// which sorts and compares correctly as text everywhere.
import { sql, type Kysely, type Migration } from 'kysely';

export interface InitialMigrationOptions {
  readonly jsonType: 'text' | 'jsonb';
}

export function createInitialMigration(options: InitialMigrationOptions): Migration {
  const jsonType = sql.raw(options.jsonType);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('organizations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('scim_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('display_prefix', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text')
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createIndex('scim_tokens_org')
        .on('scim_tokens')
        .columns(['org_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('users')
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('user_name', 'text', (c) => c.notNull())
        .addColumn('user_name_key', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text')
        .addColumn('display_name', 'text')
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('data', jsonType, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('users_pk', ['org_id', 'id'])
        // RFC 7643 §4.1.1: userName is unique per service provider (here: per organization), case-insensitively.
        .addUniqueConstraint('users_user_name_key', ['org_id', 'user_name_key'])
        .execute();
      await db.schema
        .createIndex('users_external_id')
        .on('users')
        .columns(['org_id', 'external_id', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('users_created')
        .on('users')
        .columns(['org_id', 'created_at', 'id'])
        .execute();

      await db.schema
        .createTable('groups')
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('display_name_key', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text')
        .addColumn('data', jsonType, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('groups_pk', ['org_id', 'id'])
        .execute();
      // Not unique: RFC 7643 §4.2 leaves group displayName uniqueness open and Entra sends duplicates.
      await db.schema
        .createIndex('groups_display_name')
        .on('groups')
        .columns(['org_id', 'display_name_key', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('groups_external_id')
        .on('groups')
        .columns(['org_id', 'external_id', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('groups_created')
        .on('groups')
        .columns(['org_id', 'created_at', 'id'])
        .execute();

      // One row per membership: adding or removing a member touches one row whatever the group size.
      await db.schema
        .createTable('group_members')
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('member_id', 'text', (c) => c.notNull())
        .addColumn('member_type', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('group_members_pk', ['org_id', 'group_id', 'member_id'])
        .addForeignKeyConstraint(
          'group_members_group',
          ['org_id', 'group_id'],
          'groups',
          ['org_id', 'id'],
          (fk) => fk.onDelete('cascade'),
        )
        .addCheckConstraint('group_members_type', sql`member_type in ('User', 'Group')`)
        .execute();
      await db.schema
        .createIndex('group_members_member')
        .on('group_members')
        .columns(['org_id', 'member_id'])
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['group_members', 'groups', 'users', 'scim_tokens', 'organizations']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}

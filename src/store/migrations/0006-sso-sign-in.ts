// SSO sign-in (OIDC and SAML): each organization's connections to its IdP, the IdP subjects linked to users, the
// sessions of users who signed in that way, pending sign-ins (state, nonce, PKCE verifier, SAML request id) and the
// SAML assertions already used (replay refusal). Memberships written by a sign-in are marked, so a full group sync
// removes only what sign-ins added and never a membership SCIM manages. Dialect-neutral like 0002.
import type { Kysely, Migration } from 'kysely';

export function createSsoSignInMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('sso_connections')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        // 'oidc' | 'saml': one of each per organization.
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull())
        // JSON text of the settings an admin may read back (domain/sso-settings.ts).
        .addColumn('settings', 'text', (c) => c.notNull())
        // The OIDC client secret: needed in clear to call the token endpoint, never returned by the API.
        .addColumn('client_secret', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('sso_connections_org_kind', ['org_id', 'kind'])
        .execute();

      await db.schema
        .createTable('user_identities')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('connection_id', 'text', (c) =>
          c.notNull().references('sso_connections.id').onDelete('cascade'),
        )
        // OIDC `sub` (or Entra `oid`), SAML NameID: what the IdP says never changes for this person.
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_login_at', 'text')
        .addUniqueConstraint('user_identities_subject', ['connection_id', 'subject'])
        // No foreign key to users: the link outlives a user SCIM deletes, so that person's next sign-in is refused
        // rather than creating a new account.
        .execute();
      await db.schema
        .createIndex('user_identities_user')
        .on('user_identities')
        .columns(['org_id', 'user_id'])
        .execute();

      await db.schema
        .createTable('user_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('connection_id', 'text', (c) =>
          c.notNull().references('sso_connections.id').onDelete('cascade'),
        )
        // 'admin' | 'member', from the connection's group → role mapping at sign-in.
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addForeignKeyConstraint(
          'user_sessions_user',
          ['org_id', 'user_id'],
          'users',
          ['org_id', 'id'],
          (fk) => fk.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createIndex('user_sessions_user')
        .on('user_sessions')
        .columns(['org_id', 'user_id'])
        .execute();
      await db.schema.createIndex('user_sessions_expires').on('user_sessions').column('expires_at').execute();

      await db.schema
        .createTable('sso_login_requests')
        // OIDC: the `state`; SAML: the AuthnRequest ID (what InResponseTo must repeat).
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('connection_id', 'text', (c) =>
          c.notNull().references('sso_connections.id').onDelete('cascade'),
        )
        // SHA-256 of the value of the browser's binding cookie (OIDC); null for SAML, whose answer is a cross-site POST.
        .addColumn('browser_hash', 'text')
        .addColumn('nonce', 'text')
        .addColumn('code_verifier', 'text')
        // Where the console goes after sign-in (a path on this server).
        .addColumn('next', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('sso_login_requests_expires')
        .on('sso_login_requests')
        .column('expires_at')
        .execute();

      await db.schema
        .createTable('saml_assertions_used')
        .addColumn('connection_id', 'text', (c) =>
          c.notNull().references('sso_connections.id').onDelete('cascade'),
        )
        .addColumn('assertion_id', 'text', (c) => c.notNull())
        // Kept until the assertion could no longer be accepted anyway.
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('saml_assertions_used_pk', ['connection_id', 'assertion_id'])
        .execute();

      // 1: added by a sign-in's group sync (removable by a full sync); 0: SCIM's or an admin's.
      await db.schema
        .alterTable('group_members')
        .addColumn('via_sign_in', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // Whether signed-in members may create their own API keys.
      await db.schema
        .alterTable('organizations')
        .addColumn('member_api_keys', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('organizations').dropColumn('member_api_keys').execute();
      await db.schema.alterTable('group_members').dropColumn('via_sign_in').execute();
      for (const table of [
        'saml_assertions_used',
        'sso_login_requests',
        'user_sessions',
        'user_identities',
        'sso_connections',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}

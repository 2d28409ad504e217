// AdminAccountRepo: console admins, their sessions and setup tokens. Sessions and setup tokens are stored as the
// SHA-256 of the token only, looked up by their unique index; an email is unique through email_key (lower-cased in
// JavaScript, like every *_key column), so no case folding in SQL is involved.
import type { Kysely, Selectable } from 'kysely';
import type {
  AdminAccountRepo,
  AdminSessionRecord,
  AdminSetupTokenRecord,
  AdminUserRecord,
} from '../domain/ports.js';
import { uniqueness } from '../scim/errors.js';
import type { AdminSessionsTable, AdminSetupTokensTable, AdminUsersTable, Database } from './schema.js';
import type { SqlDialect } from './sql-dialect.js';

function toAdminUser(row: Selectable<AdminUsersTable>): AdminUserRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    email: row.email,
    emailKey: row.email_key,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastLoginAt: row.last_login_at,
  };
}

function toSession(row: Selectable<AdminSessionsTable>): AdminSessionRecord {
  return {
    id: row.id,
    adminUserId: row.admin_user_id,
    tokenHash: row.token_hash,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
    revokedAt: row.revoked_at,
  };
}

function toSetupToken(row: Selectable<AdminSetupTokensTable>): AdminSetupTokenRecord {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    email: row.email,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
  };
}

export function adminAccountsRepo(db: Kysely<Database>, dialect: SqlDialect): AdminAccountRepo {
  const users = () => db.selectFrom('admin_users').selectAll();

  return {
    async insertUser(user) {
      try {
        await db
          .insertInto('admin_users')
          .values({
            id: user.id,
            org_id: user.orgId,
            email: user.email,
            email_key: user.emailKey,
            password_hash: user.passwordHash,
            created_at: user.createdAt,
            updated_at: user.updatedAt,
            last_login_at: user.lastLoginAt,
          })
          .execute();
      } catch (error) {
        if (dialect.isUniqueViolation(error)) {
          throw uniqueness(`an admin with the email ${JSON.stringify(user.email)} exists already`);
        }
        throw error;
      }
    },

    async getUser(id) {
      const row = await users().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toAdminUser(row);
    },

    async findUserByEmailKey(emailKey) {
      const row = await users().where('email_key', '=', emailKey).executeTakeFirst();
      return row === undefined ? undefined : toAdminUser(row);
    },

    async listUsers() {
      const rows = await users().orderBy('created_at').orderBy('id').execute();
      return rows.map(toAdminUser);
    },

    async hasUsers() {
      const row = await db.selectFrom('admin_users').select('id').limit(1).executeTakeFirst();
      return row !== undefined;
    },

    async setPassword(id, passwordHash, at) {
      await db
        .updateTable('admin_users')
        .set({ password_hash: passwordHash, updated_at: at })
        .where('id', '=', id)
        .execute();
    },

    async recordLogin(id, at) {
      await db.updateTable('admin_users').set({ last_login_at: at }).where('id', '=', id).execute();
    },

    async deleteUser(id) {
      const result = await db.deleteFrom('admin_users').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async insertSession(session) {
      await db
        .insertInto('admin_sessions')
        .values({
          id: session.id,
          admin_user_id: session.adminUserId,
          token_hash: session.tokenHash,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
          last_seen_at: session.lastSeenAt,
          revoked_at: session.revokedAt,
        })
        .execute();
    },

    async findSessionByHash(tokenHash) {
      // One statement: the session is found only together with its admin.
      const row = await db
        .selectFrom('admin_sessions as s')
        .innerJoin('admin_users as u', 'u.id', 's.admin_user_id')
        .selectAll('s')
        .select([
          'u.org_id as u_org_id',
          'u.email as u_email',
          'u.email_key as u_email_key',
          'u.password_hash as u_password_hash',
          'u.created_at as u_created_at',
          'u.updated_at as u_updated_at',
          'u.last_login_at as u_last_login_at',
        ])
        .where('s.token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      return {
        session: toSession(row),
        user: toAdminUser({
          id: row.admin_user_id,
          org_id: row.u_org_id,
          email: row.u_email,
          email_key: row.u_email_key,
          password_hash: row.u_password_hash,
          created_at: row.u_created_at,
          updated_at: row.u_updated_at,
          last_login_at: row.u_last_login_at,
        }),
      };
    },

    async touchSession(id, at, notAfter) {
      // Conditional in the UPDATE itself, so processes sharing the database write it at most once per interval.
      await db
        .updateTable('admin_sessions')
        .set({ last_seen_at: at })
        .where('id', '=', id)
        .where('last_seen_at', '<', notAfter)
        .execute();
    },

    async revokeSession(id, at) {
      const result = await db
        .updateTable('admin_sessions')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async deleteEndedSessions({ endedBefore, lastSeenBefore }, limit) {
      // A bounded chunk per statement, like the provisioning log's; `id in (select … limit n)` works on both dialects
      // (neither takes DELETE … LIMIT). Oldest expiry first, through admin_sessions_expires: a backlog goes in order.
      const result = await db
        .deleteFrom('admin_sessions')
        .where(
          'id',
          'in',
          db
            .selectFrom('admin_sessions')
            .select('id')
            .where((eb) =>
              eb.or([
                eb('expires_at', '<', endedBefore),
                eb('revoked_at', '<', endedBefore),
                eb('last_seen_at', '<', lastSeenBefore),
              ]),
            )
            .orderBy('expires_at')
            .limit(limit),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async insertSetupToken(token) {
      await db
        .insertInto('admin_setup_tokens')
        .values({
          id: token.id,
          token_hash: token.tokenHash,
          email: token.email,
          created_at: token.createdAt,
          expires_at: token.expiresAt,
          used_at: token.usedAt,
        })
        .execute();
    },

    async findSetupTokenByHash(tokenHash) {
      const row = await db
        .selectFrom('admin_setup_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row === undefined ? undefined : toSetupToken(row);
    },

    async useSetupToken(id, at) {
      const result = await db
        .updateTable('admin_setup_tokens')
        .set({ used_at: at })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async deleteSpentSetupTokens(before, limit) {
      // Setup tokens are made by hand, a few at a time: no index, the scan is small.
      const result = await db
        .deleteFrom('admin_setup_tokens')
        .where(
          'id',
          'in',
          db
            .selectFrom('admin_setup_tokens')
            .select('id')
            .where((eb) => eb.or([eb('used_at', '<', before), eb('expires_at', '<', before)]))
            .limit(limit),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

// The sessions of users signed in through SSO (part of SsoRepo), the retention of everything a sign-in leaves behind,
// and the organization's member self-service switch.
import type { Kysely, Selectable } from 'kysely';
import type { SsoRepo, UserSessionRecord } from '../domain/ports.js';
import type { Database, UserSessionsTable } from './schema.js';
import { toUserRecord } from './users-repo.js';

type UserSessionsRepo = Pick<
  SsoRepo,
  | 'insertSession'
  | 'findSessionByHash'
  | 'touchSession'
  | 'revokeSession'
  | 'revokeConnectionSessions'
  | 'revokeSessionsOf'
  | 'deleteEnded'
  | 'memberApiKeysAllowed'
  | 'setMemberApiKeysAllowed'
>;

function toSession(row: Selectable<UserSessionsTable>): UserSessionRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    userId: row.user_id,
    connectionId: row.connection_id,
    role: row.role,
    tokenHash: row.token_hash,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
    revokedAt: row.revoked_at,
  };
}

export function userSessionsRepo(db: Kysely<Database>): UserSessionsRepo {
  return {
    async insertSession(session) {
      await db
        .insertInto('user_sessions')
        .values({
          id: session.id,
          org_id: session.orgId,
          user_id: session.userId,
          connection_id: session.connectionId,
          role: session.role,
          token_hash: session.tokenHash,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
          last_seen_at: session.lastSeenAt,
          revoked_at: session.revokedAt,
        })
        .execute();
    },

    async findSessionByHash(tokenHash) {
      const session = await db
        .selectFrom('user_sessions as s')
        .innerJoin('sso_connections as c', 'c.id', 's.connection_id')
        .selectAll('s')
        .select('c.kind as via')
        .where('s.token_hash', '=', tokenHash)
        // A connection turned off signs its users out.
        .where('c.enabled', '=', 1)
        .executeTakeFirst();
      if (session === undefined) return undefined;
      const user = await db
        .selectFrom('users')
        .selectAll()
        .where('org_id', '=', session.org_id)
        .where('id', '=', session.user_id)
        .executeTakeFirst();
      return user === undefined
        ? undefined
        : { session: toSession(session), user: toUserRecord(user), via: session.via };
    },

    async touchSession(id, at, notAfter) {
      await db
        .updateTable('user_sessions')
        .set({ last_seen_at: at })
        .where('id', '=', id)
        .where('last_seen_at', '<', notAfter)
        .execute();
    },

    async revokeSession(id, at) {
      const result = await db
        .updateTable('user_sessions')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async revokeConnectionSessions(connectionId, at, role) {
      let query = db
        .updateTable('user_sessions')
        .set({ revoked_at: at })
        .where('connection_id', '=', connectionId)
        .where('revoked_at', 'is', null);
      if (role !== null) query = query.where('role', '=', role);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async revokeSessionsOf(orgId, userId, at) {
      const result = await db
        .updateTable('user_sessions')
        .set({ revoked_at: at })
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async deleteEnded({ endedBefore, lastSeenBefore }, limit) {
      const sessions = await db
        .deleteFrom('user_sessions')
        .where(
          'id',
          'in',
          db
            .selectFrom('user_sessions')
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
      const requests = await db
        .deleteFrom('sso_login_requests')
        .where(
          'id',
          'in',
          db
            .selectFrom('sso_login_requests')
            .select('id')
            .where('expires_at', '<', endedBefore)
            .orderBy('expires_at')
            .limit(limit),
        )
        .executeTakeFirst();
      const assertions = await db
        .deleteFrom('saml_assertions_used')
        .where('expires_at', '<', endedBefore)
        .where(
          'assertion_id',
          'in',
          db
            .selectFrom('saml_assertions_used')
            .select('assertion_id')
            .where('expires_at', '<', endedBefore)
            .orderBy('expires_at')
            .limit(limit),
        )
        .executeTakeFirst();
      return (
        Number(sessions.numDeletedRows) + Number(requests.numDeletedRows) + Number(assertions.numDeletedRows)
      );
    },

    async memberApiKeysAllowed(orgId) {
      const row = await db
        .selectFrom('organizations')
        .select('member_api_keys')
        .where('id', '=', orgId)
        .executeTakeFirst();
      return row !== undefined && row.member_api_keys !== 0;
    },

    async setMemberApiKeysAllowed(orgId, allowed) {
      await db
        .updateTable('organizations')
        .set({ member_api_keys: allowed ? 1 : 0 })
        .where('id', '=', orgId)
        .execute();
    },
  };
}

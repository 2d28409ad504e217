// SsoRepo: SSO connections, linked identities, pending sign-ins, used SAML assertions and the memberships a sign-in's
// group sync writes (group_members rows with via_sign_in = 1); the signed-in users' sessions are user-sessions-repo.ts.
import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  SsoConnectionRecord,
  SsoLoginRequestRecord,
  SsoRepo,
  UserIdentityRecord,
} from '../domain/ports.js';
import { inChunks } from './in-chunks.js';
import { parseData } from './parse-data.js';
import type { Database, SsoConnectionsTable, SsoLoginRequestsTable, UserIdentitiesTable } from './schema.js';
import type { SqlDialect } from './sql-dialect.js';
import { toUserRecord } from './users-repo.js';
import { userSessionsRepo } from './user-sessions-repo.js';

function toConnection(row: Selectable<SsoConnectionsTable>): SsoConnectionRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    kind: row.kind,
    enabled: row.enabled !== 0,
    settings: parseData(row.settings),
    clientSecret: row.client_secret,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toIdentity(row: Selectable<UserIdentitiesTable>): UserIdentityRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    userId: row.user_id,
    connectionId: row.connection_id,
    subject: row.subject,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

function toLoginRequest(row: Selectable<SsoLoginRequestsTable>): SsoLoginRequestRecord {
  return {
    id: row.id,
    connectionId: row.connection_id,
    browserHash: row.browser_hash,
    nonce: row.nonce,
    codeVerifier: row.code_verifier,
    next: row.next,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

export function ssoRepo(db: Kysely<Database>, dialect: SqlDialect): SsoRepo {
  const connections = () => db.selectFrom('sso_connections').selectAll();

  return {
    ...userSessionsRepo(db),
    async getConnection(orgId, kind) {
      const row = await connections().where('org_id', '=', orgId).where('kind', '=', kind).executeTakeFirst();
      return row === undefined ? undefined : toConnection(row);
    },

    async listConnections(orgId) {
      const rows = await connections().where('org_id', '=', orgId).orderBy('kind').execute();
      return rows.map(toConnection);
    },

    async saveConnection(connection) {
      const row = await db
        .insertInto('sso_connections')
        .values({
          id: connection.id,
          org_id: connection.orgId,
          kind: connection.kind,
          enabled: connection.enabled ? 1 : 0,
          settings: JSON.stringify(connection.settings),
          client_secret: connection.clientSecret,
          created_at: connection.createdAt,
          updated_at: connection.updatedAt,
        })
        .onConflict((oc) =>
          oc.columns(['org_id', 'kind']).doUpdateSet({
            enabled: connection.enabled ? 1 : 0,
            settings: JSON.stringify(connection.settings),
            client_secret: connection.clientSecret,
            updated_at: connection.updatedAt,
          }),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      return toConnection(row);
    },

    async deleteConnection(orgId, kind) {
      const result = await db
        .deleteFrom('sso_connections')
        .where('org_id', '=', orgId)
        .where('kind', '=', kind)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async findIdentity(connectionId, subject) {
      const row = await db
        .selectFrom('user_identities')
        .selectAll()
        .where('connection_id', '=', connectionId)
        .where('subject', '=', subject)
        .executeTakeFirst();
      return row === undefined ? undefined : toIdentity(row);
    },

    async insertIdentity(identity) {
      const rows = await db
        .insertInto('user_identities')
        .values({
          id: identity.id,
          org_id: identity.orgId,
          user_id: identity.userId,
          connection_id: identity.connectionId,
          subject: identity.subject,
          created_at: identity.createdAt,
          last_login_at: identity.lastLoginAt,
        })
        .onConflict((oc) => oc.columns(['connection_id', 'subject']).doNothing())
        .returning('id')
        .execute();
      return rows.length > 0;
    },

    async touchIdentity(id, at) {
      await db.updateTable('user_identities').set({ last_login_at: at }).where('id', '=', id).execute();
    },

    async relinkIdentity(id, userId) {
      await db.updateTable('user_identities').set({ user_id: userId }).where('id', '=', id).execute();
    },

    async identitiesOf(orgId, userId) {
      const rows = await db
        .selectFrom('user_identities')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .execute();
      return rows.map(toIdentity);
    },

    async usersByExternalId(orgId, values) {
      if (values.length === 0) return [];
      const rows = await db
        .selectFrom('users')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('external_id', 'in', [...new Set(values)])
        .orderBy('created_at')
        .limit(10)
        .execute();
      return rows.map(toUserRecord);
    },

    async usersByEmail(orgId, email, limit) {
      const key = email.toLowerCase();
      const rows = await db
        .selectFrom('users')
        .selectAll()
        .where('org_id', '=', orgId)
        .where((eb) =>
          eb.or([
            eb('user_name_key', '=', key),
            dialect.jsonSome(sql.ref('users.data'), ['emails'], { kind: 'complex' }, 'sso_email', (element) =>
              eb(dialect.lower(dialect.jsonScalar(element, ['value'], 'string')), '=', key),
            ),
          ]),
        )
        .orderBy('created_at')
        .limit(limit)
        .execute();
      return rows.map(toUserRecord);
    },

    async teamsForGroups(orgId, refs) {
      const unique = [...new Set(refs)];
      const found = await inChunks(unique, async (chunk) => {
        const keys = [...new Set(chunk.map((r) => r.toLowerCase()))];
        return db
          .selectFrom('groups')
          .select(['id', 'external_id', 'display_name'])
          .where('org_id', '=', orgId)
          .where((eb) => eb.or([eb('external_id', 'in', chunk), eb('display_name_key', 'in', keys)]))
          .orderBy('created_at')
          .orderBy('id')
          .execute();
      });
      const byId = new Map(found.flat().map((r) => [r.id, r]));
      return [...byId.values()].map((r) => ({
        id: r.id,
        externalId: r.external_id,
        displayName: r.display_name,
      }));
    },

    async addSignInMemberships(orgId, userId, teamIds, at) {
      if (teamIds.length === 0) return [];
      const rows = await db
        .insertInto('group_members')
        .values(
          [...new Set(teamIds)].map((groupId) => ({
            org_id: orgId,
            group_id: groupId,
            member_id: userId,
            member_type: 'User' as const,
            created_at: at,
            via_sign_in: 1,
          })),
        )
        .onConflict((oc) => oc.columns(['org_id', 'group_id', 'member_id']).doNothing())
        .returning('group_id')
        .execute();
      return rows.map((r) => r.group_id);
    },

    async removeSignInMemberships(orgId, userId, keepTeamIds) {
      let query = db
        .deleteFrom('group_members')
        .where('org_id', '=', orgId)
        .where('member_id', '=', userId)
        .where('via_sign_in', '=', 1);
      if (keepTeamIds.length > 0) query = query.where('group_id', 'not in', [...new Set(keepTeamIds)]);
      const rows = await query.returning('group_id').execute();
      return rows.map((r) => r.group_id);
    },

    async insertLoginRequest(request) {
      await db
        .insertInto('sso_login_requests')
        .values({
          id: request.id,
          connection_id: request.connectionId,
          browser_hash: request.browserHash,
          nonce: request.nonce,
          code_verifier: request.codeVerifier,
          next: request.next,
          created_at: request.createdAt,
          expires_at: request.expiresAt,
        })
        .execute();
    },

    async takeLoginRequest(id, browserHash) {
      // DELETE … RETURNING: of two answers racing with one state, only one gets the row; and only the browser that
      // started it can use it up (someone who merely saw the state cannot cancel the sign-in).
      const row = await db
        .deleteFrom('sso_login_requests')
        .where('id', '=', id)
        .where((eb) =>
          browserHash === null ? eb('browser_hash', 'is', null) : eb('browser_hash', '=', browserHash),
        )
        .returningAll()
        .executeTakeFirst();
      return row === undefined ? undefined : toLoginRequest(row);
    },

    async useSamlAssertion(connectionId, assertionId, expiresAt) {
      const rows = await db
        .insertInto('saml_assertions_used')
        .values({ connection_id: connectionId, assertion_id: assertionId, expires_at: expiresAt })
        .onConflict((oc) => oc.columns(['connection_id', 'assertion_id']).doNothing())
        .returning('assertion_id')
        .execute();
      return rows.length > 0;
    },
  };
}

// ApiKeyRepo: only the SHA-256 of a key is stored; lookup is by that hash (unique index). Blocks are set and lifted by
// the domain (domain/record-changes.ts), which decides which keys a provisioning change affects.
import { sql, type CompiledQuery, type Kysely, type Selectable } from 'kysely';
import type {
  ApiKeyBlockReason,
  ApiKeyRecord,
  ApiKeyRepo,
  ApiKeyScope,
  ApiKeyWithOwner,
  TeamRef,
} from '../domain/ports.js';
import { apiKeyStatusIs } from './api-key-status-sql.js';
import { inChunks } from './in-chunks.js';
import { reusableQuery } from './reusable-query.js';
import type { ApiKeysTable, Database } from './schema.js';
import type { SqlDialect } from './sql-dialect.js';

/** A key row with its user's and team's columns (null: none, or the row is gone). */
type OwnerRow = Selectable<ApiKeysTable> & {
  user_name: string | null;
  user_display_name: string | null;
  user_active: number | null;
  team_display_name: string | null;
};

type VerifyRow = OwnerRow & {
  org_slug: string;
  user_teams: unknown;
};

/** api_keys as `k` with its user and team, joined within the key's organization. */
function selectWithOwner(db: Kysely<Database>) {
  return db
    .selectFrom('api_keys as k')
    .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'k.org_id').onRef('u.id', '=', 'k.user_id'))
    .leftJoin('groups as t', (j) => j.onRef('t.org_id', '=', 'k.org_id').onRef('t.id', '=', 'k.team_id'))
    .selectAll('k')
    .select([
      'u.user_name as user_name',
      'u.display_name as user_display_name',
      'u.active as user_active',
      't.display_name as team_display_name',
    ]);
}

const HASH_SLOT = '\u0000keyHash';
const verifyQueries = new WeakMap<SqlDialect, (keyHash: unknown) => CompiledQuery<VerifyRow>>();

/**
 * The key, its organization, owner user, team and the user's teams in one statement, compiled once per dialect:
 * verification is the hottest call a gateway makes.
 */
function verifyQuery(
  db: Kysely<Database>,
  dialect: SqlDialect,
): (keyHash: unknown) => CompiledQuery<VerifyRow> {
  let query = verifyQueries.get(dialect);
  if (query === undefined) {
    const teams = dialect.jsonObjectArray(
      [
        ['id', sql.ref('ug.id')],
        ['displayName', sql.ref('ug.display_name')],
      ],
      [sql.ref('um.created_at'), sql.ref('um.group_id')],
    );
    const compiled = selectWithOwner(db)
      .innerJoin('organizations as o', 'o.id', 'k.org_id')
      .select([
        'o.slug as org_slug',
        sql`(select ${teams} from group_members as um
          inner join groups as ug on ug.org_id = um.org_id and ug.id = um.group_id
          where um.org_id = k.org_id and um.member_id = k.user_id)`.as('user_teams'),
      ])
      .where('k.key_hash', '=', HASH_SLOT)
      .compile();
    query = reusableQuery(compiled, [HASH_SLOT]);
    verifyQueries.set(dialect, query);
  }
  return query;
}

/** The JSON array jsonObjectArray built; PostgreSQL drivers may hand it over parsed already. */
function parseTeamRefs(json: unknown): TeamRef[] {
  const value: unknown = typeof json === 'string' ? JSON.parse(json) : (json ?? []);
  if (!Array.isArray(value)) throw new Error('stored team references are not a JSON array');
  return value as TeamRef[];
}

function toApiKey(row: Selectable<ApiKeysTable>): ApiKeyRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    ownerType: row.owner_type,
    userId: row.user_id,
    teamId: row.team_id,
    name: row.name,
    keyHash: row.key_hash,
    displayPrefix: row.display_prefix,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    blockedAt: row.blocked_at,
    // Written only from the ApiKeyBlockReason union by setBlocked().
    blockedReason: row.blocked_reason as ApiKeyBlockReason | null,
  };
}

function toApiKeyWithOwner(row: OwnerRow): ApiKeyWithOwner {
  const key = toApiKey(row);
  return {
    ...key,
    user:
      key.userId === null || row.user_name === null
        ? null
        : {
            id: key.userId,
            userName: row.user_name,
            displayName: row.user_display_name,
            active: row.user_active === 1,
          },
    team:
      key.teamId === null || row.team_display_name === null
        ? null
        : { id: key.teamId, displayName: row.team_display_name },
  };
}

export function apiKeysRepo(db: Kysely<Database>, dialect: SqlDialect): ApiKeyRepo {
  return {
    async insert(key) {
      await db
        .insertInto('api_keys')
        .values({
          id: key.id,
          org_id: key.orgId,
          owner_type: key.ownerType,
          user_id: key.userId,
          team_id: key.teamId,
          name: key.name,
          key_hash: key.keyHash,
          display_prefix: key.displayPrefix,
          created_at: key.createdAt,
          expires_at: key.expiresAt,
          last_used_at: key.lastUsedAt,
          revoked_at: key.revokedAt,
          blocked_at: key.blockedAt,
          blocked_reason: key.blockedReason,
        })
        .execute();
    },

    async findForVerify(keyHash) {
      const { rows } = await db.executeQuery(verifyQuery(db, dialect)(keyHash));
      const row = rows[0];
      if (row === undefined) return undefined;
      const { user, team, ...key } = toApiKeyWithOwner(row);
      return {
        key,
        orgSlug: row.org_slug,
        ...(user === null ? {} : { user }),
        ...(team === null ? {} : { team }),
        userTeams: key.userId === null ? [] : parseTeamRefs(row.user_teams),
      };
    },

    async get(orgId, id) {
      const row = await selectWithOwner(db)
        .where('k.org_id', '=', orgId)
        .where('k.id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : toApiKeyWithOwner(row);
    },

    async list(orgId, filter) {
      let query = selectWithOwner(db).where('k.org_id', '=', orgId);
      if (filter.userId !== undefined) query = query.where('k.user_id', '=', filter.userId);
      if (filter.teamId !== undefined) query = query.where('k.team_id', '=', filter.teamId);
      const { status } = filter;
      // Its columns (revoked_at, blocked_reason, expires_at) are api_keys' alone among the joined tables.
      if (status !== undefined) query = query.where(apiKeyStatusIs(status.is, status.at));
      // Ids are UUID v7: id order is creation order.
      if (filter.after !== undefined) query = query.where('k.id', '>', filter.after);
      const rows = await query.orderBy('k.id').limit(filter.limit).execute();
      return rows.map(toApiKeyWithOwner);
    },

    async revoke(orgId, id, at) {
      const result = await db
        .updateTable('api_keys')
        .set({ revoked_at: at })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async inScope(orgId, scope: ApiKeyScope) {
      let query = db
        .selectFrom('api_keys')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('revoked_at', 'is', null);
      switch (scope.kind) {
        case 'user':
          query = query.where('user_id', '=', scope.userId);
          break;
        case 'team':
          query = query.where('team_id', '=', scope.teamId);
          break;
        case 'user-in-team':
          query = query.where('user_id', '=', scope.userId).where('team_id', '=', scope.teamId);
          break;
      }
      const rows = await query.orderBy('id').execute();
      return rows.map(toApiKey);
    },

    async setBlocked(orgId, ids, reason, at) {
      await inChunks(ids, async (chunk) => {
        await db
          .updateTable('api_keys')
          .set({ blocked_reason: reason, blocked_at: at })
          .where('org_id', '=', orgId)
          .where('id', 'in', chunk)
          .execute();
      });
    },

    async touch(id, at, notAfter) {
      await db
        .updateTable('api_keys')
        .set({ last_used_at: at })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', notAfter)]))
        .execute();
    },
  };
}

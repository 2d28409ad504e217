// ScimTokenRepo: only the SHA-256 of a token is stored; lookup is by that hash (unique index).
import type { Kysely, Selectable } from 'kysely';
import type { ScimTokenRecord, ScimTokenRepo } from '../domain/ports.js';
import type { Database, ScimTokensTable } from './schema.js';
import { touchLastUsed } from './touch-last-used.js';

function toScimToken(row: Selectable<ScimTokensTable>): ScimTokenRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    tokenHash: row.token_hash,
    displayPrefix: row.display_prefix,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export function scimTokensRepo(db: Kysely<Database>): ScimTokenRepo {
  return {
    async insert(token) {
      await db
        .insertInto('scim_tokens')
        .values({
          id: token.id,
          org_id: token.orgId,
          name: token.name,
          token_hash: token.tokenHash,
          display_prefix: token.displayPrefix,
          created_at: token.createdAt,
          expires_at: token.expiresAt,
          last_used_at: token.lastUsedAt,
          revoked_at: token.revokedAt,
        })
        .execute();
    },
    async findByHash(tokenHash) {
      const row = await db
        .selectFrom('scim_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row === undefined ? undefined : toScimToken(row);
    },
    async list(orgId) {
      let query = db.selectFrom('scim_tokens').selectAll();
      if (orgId !== undefined) query = query.where('org_id', '=', orgId);
      const rows = await query.orderBy('created_at').orderBy('id').execute();
      return rows.map(toScimToken);
    },
    async revoke(id, at) {
      const result = await db
        .updateTable('scim_tokens')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    touch: (id, at, notAfter) => touchLastUsed(db, 'scim_tokens', id, at, notAfter),
  };
}

// AdminKeyRepo: only the SHA-256 of a key is stored; lookup is by that hash (unique index). Keys belong to the
// instance, so nothing here filters by organization: org_id says which organization a key may manage (null: all).
import type { Kysely, Selectable } from 'kysely';
import type { AdminKeyRecord, AdminKeyRepo } from '../domain/ports.js';
import type { AdminKeysTable, Database } from './schema.js';
import { touchLastUsed } from './touch-last-used.js';

function toAdminKey(row: Selectable<AdminKeysTable>): AdminKeyRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    keyHash: row.key_hash,
    displayPrefix: row.display_prefix,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export function adminKeysRepo(db: Kysely<Database>): AdminKeyRepo {
  const byId = (id: string) => db.selectFrom('admin_keys').selectAll().where('id', '=', id);

  return {
    async insert(key) {
      await db
        .insertInto('admin_keys')
        .values({
          id: key.id,
          org_id: key.orgId,
          name: key.name,
          key_hash: key.keyHash,
          display_prefix: key.displayPrefix,
          created_at: key.createdAt,
          expires_at: key.expiresAt,
          last_used_at: key.lastUsedAt,
          revoked_at: key.revokedAt,
        })
        .execute();
    },

    async findByHash(keyHash) {
      const row = await db
        .selectFrom('admin_keys')
        .selectAll()
        .where('key_hash', '=', keyHash)
        .executeTakeFirst();
      return row === undefined ? undefined : toAdminKey(row);
    },

    async get(id) {
      const row = await byId(id).executeTakeFirst();
      return row === undefined ? undefined : toAdminKey(row);
    },

    async list() {
      const rows = await db
        .selectFrom('admin_keys')
        .selectAll()
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toAdminKey);
    },

    async revoke(id, at) {
      const result = await db
        .updateTable('admin_keys')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    touch: (id, at, notAfter) => touchLastUsed(db, 'admin_keys', id, at, notAfter),
  };
}

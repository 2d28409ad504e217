// MembershipRepo: one row per (org, group, member). Adds are INSERT … ON CONFLICT DO NOTHING, so concurrent and
// repeated adds are idempotent and no request ever rewrites a members array.
import type { Kysely } from 'kysely';
import type { MemberType, MembershipRepo } from '../domain/ports.js';
import { inChunks } from './in-chunks.js';
import type { Database } from './schema.js';

/** 5 bound parameters per row: 100 rows stay far under every dialect's parameter limit. */
const ROWS_PER_INSERT = 100;

const sum = (counts: readonly bigint[]): number => counts.reduce((a, b) => a + Number(b), 0);

export function membershipsRepo(db: Kysely<Database>): MembershipRepo {
  return {
    async resolveMembers(orgId, ids) {
      const out = new Map<string, MemberType>();
      await inChunks([...new Set(ids)], async (chunk) => {
        const groups = await db
          .selectFrom('groups')
          .select('id')
          .where('org_id', '=', orgId)
          .where('id', 'in', chunk)
          .execute();
        for (const row of groups) out.set(row.id, 'Group');
        const users = await db
          .selectFrom('users')
          .select('id')
          .where('org_id', '=', orgId)
          .where('id', 'in', chunk)
          .execute();
        for (const row of users) out.set(row.id, 'User');
      });
      return out;
    },

    async add(orgId, groupId, members, at) {
      const unique = [...new Map(members.map((m) => [m.id, m])).values()];
      const counts = await inChunks(
        unique,
        async (chunk) => {
          const result = await db
            .insertInto('group_members')
            .values(
              chunk.map((m) => ({
                org_id: orgId,
                group_id: groupId,
                member_id: m.id,
                member_type: m.type,
                created_at: at,
              })),
            )
            .onConflict((oc) => oc.columns(['org_id', 'group_id', 'member_id']).doNothing())
            .executeTakeFirst();
          return result.numInsertedOrUpdatedRows ?? 0n;
        },
        ROWS_PER_INSERT,
      );
      return sum(counts);
    },

    async remove(orgId, groupId, memberIds) {
      const counts = await inChunks([...new Set(memberIds)], async (chunk) => {
        const result = await db
          .deleteFrom('group_members')
          .where('org_id', '=', orgId)
          .where('group_id', '=', groupId)
          .where('member_id', 'in', chunk)
          .executeTakeFirst();
        return result.numDeletedRows;
      });
      return sum(counts);
    },

    async removeAll(orgId, groupId) {
      const result = await db
        .deleteFrom('group_members')
        .where('org_id', '=', orgId)
        .where('group_id', '=', groupId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async removeEverywhere(orgId, memberId) {
      const result = await db
        .deleteFrom('group_members')
        .where('org_id', '=', orgId)
        .where('member_id', '=', memberId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async has(orgId, groupId, memberId) {
      const row = await db
        .selectFrom('group_members')
        .select('member_id')
        .where('org_id', '=', orgId)
        .where('group_id', '=', groupId)
        .where('member_id', '=', memberId)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

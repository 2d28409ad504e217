// MembershipRepo: one row per (org, group, member). Adds are INSERT … ON CONFLICT DO NOTHING, so concurrent and
// repeated adds are idempotent and no request ever rewrites a members array.
import type { Kysely } from 'kysely';
import type { MemberChange, MemberType, MembershipRepo } from '../domain/ports.js';
import { inChunks } from './in-chunks.js';
import type { Database } from './schema.js';

/** 5 bound parameters per row: 100 rows stay far under every dialect's parameter limit. */
const ROWS_PER_INSERT = 100;

const toChange = (row: { member_id: string; member_type: MemberType }): MemberChange => ({
  id: row.member_id,
  type: row.member_type,
});

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
      const added = await inChunks(
        unique,
        async (chunk) => {
          // RETURNING lists only the rows this statement inserted, never the ones already there.
          const rows = await db
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
            .returning(['member_id', 'member_type'])
            .execute();
          // A membership a sign-in's group sync added becomes SCIM's (or the admin's) once they add it too: a full
          // sync at the next sign-in must not remove what they manage.
          await db
            .updateTable('group_members')
            .set({ via_sign_in: 0 })
            .where('org_id', '=', orgId)
            .where('group_id', '=', groupId)
            .where(
              'member_id',
              'in',
              chunk.map((m) => m.id),
            )
            .where('via_sign_in', '=', 1)
            .execute();
          return rows.map(toChange);
        },
        ROWS_PER_INSERT,
      );
      return added.flat();
    },

    async remove(orgId, groupId, memberIds) {
      const removed = await inChunks([...new Set(memberIds)], async (chunk) => {
        const rows = await db
          .deleteFrom('group_members')
          .where('org_id', '=', orgId)
          .where('group_id', '=', groupId)
          .where('member_id', 'in', chunk)
          .returning(['member_id', 'member_type'])
          .execute();
        return rows.map(toChange);
      });
      return removed.flat();
    },

    async removeAll(orgId, groupId) {
      const rows = await db
        .deleteFrom('group_members')
        .where('org_id', '=', orgId)
        .where('group_id', '=', groupId)
        .returning(['member_id', 'member_type'])
        .execute();
      return rows.map(toChange);
    },

    async removeEverywhere(orgId, memberId) {
      const rows = await db
        .deleteFrom('group_members')
        .where('org_id', '=', orgId)
        .where('member_id', '=', memberId)
        .returning('group_id')
        .execute();
      return rows.map((r) => r.group_id);
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

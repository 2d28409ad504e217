// GroupRepo. Members are rows of group_members (memberships-repo.ts); this reads them back with their display.
import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { GroupRecord, GroupRepo, ManagedBy, MemberDetail, MemberRef } from '../domain/ports.js';
import { inChunks } from './in-chunks.js';
import { invalidValue } from '../scim/errors.js';
import { parseData } from './parse-data.js';
import { rejectUnsupportedText } from './reject-unsupported-text.js';
import { GROUP_MAPPING } from './resource-mapping.js';
import { inReadSnapshot } from './in-read-snapshot.js';
import { runListQuery } from './run-list-query.js';
import type { Database, GroupsTable } from './schema.js';
import type { SqlDialect } from './sql-dialect.js';

// As users: managed_by is written only when the record says, else the row keeps its value (insert: 'scim').
type GroupRow = Omit<Selectable<GroupsTable>, 'managed_by'> & { managed_by?: ManagedBy };

/** An organization's membership rows, each joined to the user or group it names (in the same organization). */
function selectMembers(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom('group_members as gm')
    .leftJoin('users as u', (join) =>
      join
        .onRef('u.org_id', '=', 'gm.org_id')
        .onRef('u.id', '=', 'gm.member_id')
        .on('gm.member_type', '=', 'User'),
    )
    .leftJoin('groups as g', (join) =>
      join
        .onRef('g.org_id', '=', 'gm.org_id')
        .onRef('g.id', '=', 'gm.member_id')
        .on('gm.member_type', '=', 'Group'),
    )
    .where('gm.org_id', '=', orgId);
}

function toGroupRow(group: GroupRecord): GroupRow {
  return {
    org_id: group.orgId,
    id: group.id,
    display_name: group.displayName,
    display_name_key: group.displayName.toLowerCase(),
    external_id: group.externalId,
    data: JSON.stringify(group.data),
    version: group.version,
    created_at: group.createdAt,
    updated_at: group.updatedAt,
    ...(group.managedBy === undefined ? {} : { managed_by: group.managedBy }),
  };
}

function toGroupRecord(row: GroupRow): GroupRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    displayName: row.display_name,
    externalId: row.external_id,
    data: parseData(row.data),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    managedBy: row.managed_by ?? 'scim',
  };
}

export function groupsRepo(db: Kysely<Database>, dialect: SqlDialect): GroupRepo {
  return {
    async insert(group) {
      await rejectUnsupportedText(
        dialect,
        () => db.insertInto('groups').values(toGroupRow(group)).execute(),
        invalidValue,
      );
    },

    async update(group) {
      const { org_id: _org, id: _id, ...changes } = toGroupRow(group);
      await rejectUnsupportedText(
        dialect,
        () =>
          db
            .updateTable('groups')
            .set(changes)
            .where('org_id', '=', group.orgId)
            .where('id', '=', group.id)
            .execute(),
        invalidValue,
      );
    },

    async touch(orgId, id, version, at) {
      await db
        .updateTable('groups')
        .set({ version, updated_at: at })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
    },

    async get(orgId, id) {
      const row = await db
        .selectFrom('groups')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : toGroupRecord(row);
    },

    async delete(orgId, id) {
      // Its own group_members rows go with it (ON DELETE CASCADE).
      const result = await db
        .deleteFrom('groups')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async list(orgId, query, options = {}) {
      const { managedBy } = options;
      const condition = managedBy === undefined ? undefined : sql<SqlBool>`groups.managed_by = ${managedBy}`;
      const page = await inReadSnapshot(db, (snapshot) =>
        runListQuery<GroupRow>(snapshot, dialect, GROUP_MAPPING, orgId, query, [], condition),
      );
      return {
        totalResults: page.totalResults,
        items: page.rows.map(toGroupRecord),
        ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
      };
    },

    async members(orgId, groupIds) {
      const out = new Map<string, MemberRef[]>();
      await inChunks([...new Set(groupIds)], async (chunk) => {
        const rows = await selectMembers(db, orgId)
          .select([
            'gm.group_id',
            'gm.member_id',
            'gm.member_type',
            sql<string | null>`coalesce(u.display_name, u.user_name, g.display_name)`.as('display'),
          ])
          .where('gm.group_id', 'in', chunk)
          .orderBy('gm.created_at')
          .orderBy('gm.member_id')
          .execute();
        for (const row of rows) {
          const list = out.get(row.group_id) ?? [];
          list.push({ value: row.member_id, type: row.member_type, display: row.display });
          out.set(row.group_id, list);
        }
      });
      return out;
    },

    async memberDetails(orgId, groupId) {
      const rows = await selectMembers(db, orgId)
        .select([
          'gm.member_id',
          'gm.member_type',
          sql<string | null>`coalesce(u.display_name, u.user_name, g.display_name)`.as('display'),
          'u.user_name',
          'u.active',
          dialect.jsonPrimaryValue(sql.ref('u.data'), ['emails'], 'member_email').as('email'),
        ])
        .where('gm.group_id', '=', groupId)
        .orderBy('gm.created_at')
        .orderBy('gm.member_id')
        .execute();
      return rows.map((row): MemberDetail => ({
        value: row.member_id,
        type: row.member_type,
        display: row.display,
        userName: row.user_name,
        email: row.email,
        active: row.active === null ? null : row.active === 1,
      }));
    },

    async memberCounts(orgId, groupIds) {
      const out = new Map<string, number>();
      await inChunks([...new Set(groupIds)], async (chunk) => {
        const rows = await db
          .selectFrom('group_members')
          .select(['group_id', (eb) => eb.fn.countAll<number | string>().as('count')])
          .where('org_id', '=', orgId)
          .where('group_id', 'in', chunk)
          .groupBy('group_id')
          .execute();
        // PostgreSQL's count is a bigint, which its driver hands over as a string.
        for (const row of rows) out.set(row.group_id, Number(row.count));
      });
      return out;
    },
  };
}

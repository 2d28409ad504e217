// UserRepo. userName uniqueness is enforced by the (org_id, user_name_key) unique index, never by a read first,
// so two concurrent creates of one userName cannot both succeed.
import { sql, type CompiledQuery, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { GroupRef, ListQuery, ManagedBy, UserListPage, UserRecord, UserRepo } from '../domain/ports.js';
import { invalidFilter, invalidValue, uniqueness } from '../scim/errors.js';
import { resolveAttribute } from '../scim/schema/resolve-attribute.js';
import { USER_RESOURCE_TYPE } from '../scim/schema/resource-types.js';
import { inChunks } from './in-chunks.js';
import { parseData } from './parse-data.js';
import { rejectUnsupportedText } from './reject-unsupported-text.js';
import { USER_MAPPING } from './resource-mapping.js';
import { inReadSnapshot } from './in-read-snapshot.js';
import { reusableQuery } from './reusable-query.js';
import { runListQuery } from './run-list-query.js';
import type { Database, UsersTable } from './schema.js';
import type { SqlDialect } from './sql-dialect.js';

// managed_by keeps its default ('scim') for rows written through SCIM; it is written only when the record says.
export type UserRow = Omit<Selectable<UsersTable>, 'managed_by'> & { managed_by?: ManagedBy };

function toUserRow(user: UserRecord): UserRow {
  return {
    org_id: user.orgId,
    id: user.id,
    user_name: user.userName,
    // RFC 7643 §4.1.1: userName is caseExact=false; the key makes the unique index case-insensitive.
    user_name_key: user.userName.toLowerCase(),
    external_id: user.externalId,
    display_name: user.displayName,
    active: user.active ? 1 : 0,
    data: JSON.stringify(user.data),
    version: user.version,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
    ...(user.managedBy === undefined ? {} : { managed_by: user.managedBy }),
  };
}

function toUserFields(row: Omit<UserRow, 'data'>): Omit<UserRecord, 'data'> {
  return {
    id: row.id,
    orgId: row.org_id,
    userName: row.user_name,
    externalId: row.external_id,
    displayName: row.display_name,
    active: row.active !== 0,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    managedBy: row.managed_by ?? 'scim',
  };
}

export function toUserRecord(row: UserRow): UserRecord {
  return { ...toUserFields(row), data: parseData(row.data) };
}

/** The groups of the `users` row in scope (User.groups), as a JSON array, in membership order. */
function groupsJson(dialect: SqlDialect): RawBuilder<string> {
  const array = dialect.jsonObjectArray(
    [
      ['value', sql.ref('g.id')],
      ['display', sql.ref('g.display_name')],
    ],
    [sql.ref('gm.created_at'), sql.ref('gm.group_id')],
  );
  return sql<string>`(select ${array} from group_members as gm
    inner join groups as g on g.org_id = gm.org_id and g.id = gm.group_id
    where gm.org_id = users.org_id and gm.member_id = users.id)`;
}

const ORG_SLOT = '\u0000orgId';
const KEY_SLOT = '\u0000key';
type UserWithGroupsRow = UserRow & { groups_json: string };
type LookupQuery = (orgId: unknown, key: unknown) => CompiledQuery<UserWithGroupsRow>;
/** The unique keys a user (with its groups) is looked up by: GET by id, and `filter=userName eq "…"`. */
type LookupKey = 'id' | 'user_name_key';
const lookupQueries = new WeakMap<SqlDialect, Map<LookupKey, LookupQuery>>();

/**
 * The user with `key` equal to a value, and its groups, compiled once per dialect and key: the SQL text is the same
 * for every call and every connection. user_name_key is userName lower-cased (unique per org).
 */
function lookupQuery(db: Kysely<Database>, dialect: SqlDialect, key: LookupKey): LookupQuery {
  let byKey = lookupQueries.get(dialect);
  if (byKey === undefined) {
    byKey = new Map();
    lookupQueries.set(dialect, byKey);
  }
  let query = byKey.get(key);
  if (query === undefined) {
    const compiled = db
      .selectFrom('users')
      .selectAll('users')
      .select(groupsJson(dialect).as('groups_json'))
      .where('users.org_id', '=', ORG_SLOT)
      .where(`users.${key}`, '=', KEY_SLOT)
      .compile();
    query = reusableQuery(compiled, [ORG_SLOT, KEY_SLOT]);
    byKey.set(key, query);
  }
  return query;
}

/** A row selected with groupsJson as `groups_json`, split into the user and its groups. */
function toUserWithGroups({ groups_json: groups, ...row }: UserRow & { groups_json?: unknown }): {
  user: UserRecord;
  groups: readonly GroupRef[];
} {
  return { user: toUserRecord(row), groups: parseGroupRefs(groups) };
}

/** The items of a page, and their groups when they were selected. */
function toUserPage(
  rows: readonly (UserRow & { groups_json?: unknown })[],
  withGroups: boolean,
): Pick<UserListPage, 'items' | 'groups'> {
  if (!withGroups) return { items: rows.map(({ groups_json: _groups, ...row }) => toUserRecord(row)) };
  const found = rows.map(toUserWithGroups);
  return {
    items: found.map((f) => f.user),
    groups: new Map(found.map((f) => [f.user.id, f.groups])),
  };
}

/**
 * The userName of a list query that is exactly `userName eq "<string>"` (any spelling of the path) with index paging
 * and no sortBy, else undefined. Such a query matches at most one user, so it needs no sort, count or page.
 */
function userNameLookup(query: ListQuery): string | undefined {
  const { filter } = query;
  if (filter?.kind !== 'compare' || filter.op !== 'eq' || typeof filter.value !== 'string') return undefined;
  if (query.cursor !== undefined || query.sortBy !== undefined) return undefined;
  const target = resolveAttribute(USER_RESOURCE_TYPE, filter.path);
  const isUserName =
    target?.kind === 'attribute' &&
    !target.extension &&
    !target.common &&
    target.sub === undefined &&
    target.attr.name === 'userName';
  return isUserName ? filter.value : undefined;
}

/** The JSON array jsonObjectArray built; PostgreSQL drivers may hand it over parsed already. */
function parseGroupRefs(json: unknown): GroupRef[] {
  const value: unknown = typeof json === 'string' ? JSON.parse(json) : (json ?? []);
  if (!Array.isArray(value)) throw new Error('stored group references are not a JSON array');
  return value as GroupRef[];
}

export function usersRepo(db: Kysely<Database>, dialect: SqlDialect): UserRepo {
  /** RFC 7644 §3.3: a taken userName → 409 uniqueness. */
  async function writing(user: UserRecord, write: () => Promise<unknown>): Promise<void> {
    try {
      await rejectUnsupportedText(dialect, write, invalidValue);
    } catch (error) {
      if (dialect.isUniqueViolation(error)) {
        throw uniqueness(`userName '${user.userName}' is already in use in this organization`);
      }
      throw error;
    }
  }

  return {
    insert: (user) => writing(user, () => db.insertInto('users').values(toUserRow(user)).execute()),

    update: (user) =>
      writing(user, () => {
        const { org_id: _org, id: _id, ...changes } = toUserRow(user);
        return db
          .updateTable('users')
          .set(changes)
          .where('org_id', '=', user.orgId)
          .where('id', '=', user.id)
          .execute();
      }),

    async get(orgId, id) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : toUserRecord(row);
    },

    async getWithGroups(orgId, id) {
      const [row] = (await db.executeQuery(lookupQuery(db, dialect, 'id')(orgId, id))).rows;
      return row === undefined ? undefined : toUserWithGroups(row);
    },

    async getJsonWithGroups(orgId, id) {
      const [row] = (await db.executeQuery(lookupQuery(db, dialect, 'id')(orgId, id))).rows;
      if (row === undefined) return undefined;
      const { data, groups_json: groups, ...columns } = row;
      // PostgreSQL drivers hand jsonb over parsed; SQLite keeps the text the store wrote.
      const dataJson = typeof data === 'string' ? data : JSON.stringify(data);
      return { user: toUserFields(columns), dataJson, groups: parseGroupRefs(groups) };
    },

    async delete(orgId, id) {
      const result = await db
        .deleteFrom('users')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async list(orgId, query, options = {}) {
      const withGroups = options.withGroups === true;
      const { managedBy } = options;
      const userName = managedBy === undefined ? userNameLookup(query) : undefined;
      if (userName !== undefined) {
        // The request every IdP sends before creating a user: at most one row, found by the unique index.
        const lookup = lookupQuery(db, dialect, 'user_name_key')(orgId, userName.toLowerCase());
        const { rows } = await rejectUnsupportedText(dialect, () => db.executeQuery(lookup), invalidFilter);
        const shown = query.count > 0 && Math.max(1, query.startIndex) === 1 ? rows : [];
        return { totalResults: rows.length, ...toUserPage(shown, withGroups) };
      }
      const page = await inReadSnapshot(db, (snapshot) =>
        runListQuery<UserRow & { groups_json?: unknown }>(
          snapshot,
          dialect,
          USER_MAPPING,
          orgId,
          query,
          withGroups ? [sql`${groupsJson(dialect)} as groups_json`] : [],
          managedBy === undefined ? undefined : sql<SqlBool>`users.managed_by = ${managedBy}`,
        ),
      );
      return {
        totalResults: page.totalResults,
        ...toUserPage(page.rows, withGroups),
        ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
      };
    },

    async groupsOf(orgId, userIds) {
      const out = new Map<string, GroupRef[]>();
      await inChunks([...new Set(userIds)], async (chunk) => {
        const rows = await db
          .selectFrom('group_members as gm')
          .innerJoin('groups as g', (join) =>
            join.onRef('g.org_id', '=', 'gm.org_id').onRef('g.id', '=', 'gm.group_id'),
          )
          .select(['gm.member_id', 'g.id', 'g.display_name'])
          .where('gm.org_id', '=', orgId)
          .where('gm.member_id', 'in', chunk)
          .orderBy('gm.created_at')
          .orderBy('gm.group_id')
          .execute();
        for (const row of rows) {
          const list = out.get(row.member_id) ?? [];
          list.push({ value: row.id, display: row.display_name });
          out.set(row.member_id, list);
        }
      });
      return out;
    },
  };
}

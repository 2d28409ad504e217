// DashboardRepo: the admin console's counts, each one aggregate statement over an index (users_active,
// groups_created, api_keys_created, provisioning_log_org, provisioning_log_token): no row reaches JavaScript to be
// counted. Both dialects: count(*) and sum() come back as bigint or numeric text from PostgreSQL, hence Number().
import { sql, type Kysely } from 'kysely';
import type { ActivityCount, DashboardRepo, DashboardScimToken } from '../domain/ports.js';
import { apiKeyStatusIs } from './api-key-status-sql.js';
import type { Database } from './schema.js';

/** sum() of no rows is NULL. */
const count = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/**
 * The UTC hour or day of a stored time as text: stored times are ISO-8601 UTC with milliseconds
 * (`2026-01-31T08:15:00.000Z`), so their first 13 or 10 characters name it, and the suffix makes it an instant again.
 */
const BUCKETS = {
  hour: { key: sql<string>`substr(at, 1, 13)`, suffix: ':00:00.000Z' },
  day: { key: sql<string>`substr(at, 1, 10)`, suffix: 'T00:00:00.000Z' },
} as const;

export function dashboardRepo(db: Kysely<Database>): DashboardRepo {
  return {
    async counts(orgId, at) {
      const users = await db
        .selectFrom('users')
        .select([sql`count(*)`.as('total'), sql`sum(case when active = 1 then 1 else 0 end)`.as('active')])
        .where('org_id', '=', orgId)
        .executeTakeFirstOrThrow();
      const teams = await db
        .selectFrom('groups')
        .select([
          sql`count(*)`.as('total'),
          sql`sum(case when managed_by = 'scim' then 1 else 0 end)`.as('idp_managed'),
        ])
        .where('org_id', '=', orgId)
        .executeTakeFirstOrThrow();
      const sumOf = (status: Parameters<typeof apiKeyStatusIs>[0]) =>
        sql`sum(case when ${apiKeyStatusIs(status, at)} then 1 else 0 end)`;
      const keys = await db
        .selectFrom('api_keys')
        .select([
          sumOf('active').as('active'),
          sumOf('blocked').as('blocked'),
          sumOf('revoked').as('revoked'),
          sumOf('expired').as('expired'),
        ])
        .where('org_id', '=', orgId)
        .executeTakeFirstOrThrow();
      return {
        users: { total: count(users.total), active: count(users.active) },
        teams: { total: count(teams.total), idpManaged: count(teams.idp_managed) },
        apiKeys: {
          active: count(keys.active),
          blocked: count(keys.blocked),
          revoked: count(keys.revoked),
          expired: count(keys.expired),
        },
      };
    },

    async scimTokens(orgId) {
      // Each token's newest entry is one descent of provisioning_log_token, however long the token has been quiet.
      const newest = sql<string>`(select n.id from provisioning_log as n
        where n.org_id = t.org_id and n.token_id = t.id
        order by n.at desc, n.id desc limit 1)`;
      const rows = await db
        .selectFrom('scim_tokens as t')
        .leftJoin('provisioning_log as p', (j) =>
          j.onRef('p.org_id', '=', 't.org_id').on('p.id', '=', newest),
        )
        .select([
          't.id',
          't.name',
          't.last_used_at',
          't.expires_at',
          't.revoked_at',
          'p.at',
          'p.method',
          'p.path',
          'p.status',
        ])
        .where('t.org_id', '=', orgId)
        .orderBy(sql`case when t.revoked_at is null then 0 else 1 end`)
        .orderBy('t.created_at')
        .orderBy('t.id')
        .execute();
      return rows.map((row): DashboardScimToken => ({
        id: row.id,
        name: row.name,
        lastUsedAt: row.last_used_at,
        expiresAt: row.expires_at,
        revokedAt: row.revoked_at,
        lastRequest:
          row.at === null || row.method === null || row.path === null || row.status === null
            ? null
            : { at: row.at, method: row.method, path: row.path, status: row.status },
      }));
    },

    async activity(orgId, bucket, since, until) {
      const { key, suffix } = BUCKETS[bucket];
      // Grouped by the same expression text (no bound parameters in it), which PostgreSQL requires.
      const rows = await db
        .selectFrom('provisioning_log')
        .select([
          key.as('bucket'),
          sql`count(*)`.as('requests'),
          sql`sum(case when status >= 400 then 1 else 0 end)`.as('errors'),
        ])
        .where('org_id', '=', orgId)
        .where('at', '>=', since)
        .where('at', '<', until)
        .groupBy(key)
        .orderBy(key)
        .execute();
      return rows.map((row): ActivityCount => ({
        start: `${row.bucket}${suffix}`,
        requests: count(row.requests),
        errors: count(row.errors),
      }));
    },
  };
}

// A key's status as SQL: the rule of domain/api-keys.ts apiKeyStatus (revoked, then blocked, then expired, else
// active) as a condition on api_keys columns, so lists filter and the dashboard counts by status in the database.
// Times are ISO-8601 UTC text with milliseconds, which compare as text like the instants they name.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { ApiKeyStatus } from '../domain/ports.js';

/** True for the keys whose status at `at` (ISO-8601, the caller's now) is `status`. */
export function apiKeyStatusIs(status: ApiKeyStatus, at: string): Expression<SqlBool> {
  switch (status) {
    case 'revoked':
      return sql<SqlBool>`(revoked_at is not null)`;
    case 'blocked':
      return sql<SqlBool>`(revoked_at is null and blocked_reason is not null)`;
    case 'expired':
      // isExpired(): an expiry at or before now.
      return sql<SqlBool>`(revoked_at is null and blocked_reason is null and expires_at is not null and expires_at <= ${at})`;
    case 'active':
      return sql<SqlBool>`(revoked_at is null and blocked_reason is null and (expires_at is null or expires_at > ${at}))`;
  }
}

// Every table of the store with its primary key and columns, in foreign-key order (each table after the tables it
// references): what `muster migrate-store` copies, in this order. A table or column added to schema.ts without an entry
// here does not compile (the checks at the bottom); migrate-store also compares this list with the tables and columns
// the migrations created in the database, so a migration that outruns schema.ts is refused too.
import type { Database } from './schema.js';

export interface StoreTable<C extends string = string> {
  /** Primary key columns: the copy pages through the table in this order. */
  readonly key: readonly C[];
  readonly columns: readonly C[];
  /** JSON document columns of the dialect's JSON type (text on SQLite, jsonb on PostgreSQL). */
  readonly json: readonly C[];
}

export type StoreTableName = keyof Database;

export const STORE_TABLES = {
  organizations: { key: ['id'], columns: ['id', 'slug', 'name', 'created_at', 'member_api_keys'], json: [] },
  scim_tokens: {
    key: ['id'],
    columns: [
      'id',
      'org_id',
      'name',
      'token_hash',
      'display_prefix',
      'created_at',
      'expires_at',
      'last_used_at',
      'revoked_at',
    ],
    json: [],
  },
  admin_keys: {
    key: ['id'],
    columns: [
      'id',
      'org_id',
      'name',
      'key_hash',
      'display_prefix',
      'created_at',
      'expires_at',
      'last_used_at',
      'revoked_at',
    ],
    json: [],
  },
  admin_users: {
    key: ['id'],
    columns: [
      'id',
      'org_id',
      'email',
      'email_key',
      'password_hash',
      'created_at',
      'updated_at',
      'last_login_at',
    ],
    json: [],
  },
  admin_sessions: {
    key: ['id'],
    columns: ['id', 'admin_user_id', 'token_hash', 'created_at', 'expires_at', 'last_seen_at', 'revoked_at'],
    json: [],
  },
  admin_setup_tokens: {
    key: ['id'],
    columns: ['id', 'token_hash', 'email', 'created_at', 'expires_at', 'used_at'],
    json: [],
  },
  users: {
    key: ['org_id', 'id'],
    columns: [
      'org_id',
      'id',
      'user_name',
      'user_name_key',
      'external_id',
      'display_name',
      'active',
      'data',
      'version',
      'created_at',
      'updated_at',
      'managed_by',
    ],
    json: ['data'],
  },
  groups: {
    key: ['org_id', 'id'],
    columns: [
      'org_id',
      'id',
      'display_name',
      'display_name_key',
      'external_id',
      'data',
      'version',
      'created_at',
      'updated_at',
      'managed_by',
    ],
    json: ['data'],
  },
  group_members: {
    key: ['org_id', 'group_id', 'member_id'],
    columns: ['org_id', 'group_id', 'member_id', 'member_type', 'created_at', 'via_sign_in'],
    json: [],
  },
  api_keys: {
    key: ['id'],
    columns: [
      'id',
      'org_id',
      'owner_type',
      'user_id',
      'team_id',
      'name',
      'key_hash',
      'display_prefix',
      'created_at',
      'expires_at',
      'last_used_at',
      'revoked_at',
      'blocked_at',
      'blocked_reason',
    ],
    json: [],
  },
  event_sequences: { key: ['org_id'], columns: ['org_id', 'last_seq'], json: [] },
  events: {
    key: ['org_id', 'seq'],
    // `data` is JSON kept as text in both dialects (0002-access-and-events): copied as it is.
    columns: ['org_id', 'seq', 'id', 'type', 'occurred_at', 'resource_type', 'resource_id', 'data'],
    json: [],
  },
  webhook_endpoints: {
    key: ['id'],
    columns: [
      'id',
      'org_id',
      'url',
      'description',
      'event_types',
      'secret',
      'previous_secret',
      'previous_secret_expires_at',
      'status',
      'consecutive_failures',
      'failing_since',
      'fanout_seq',
      'created_at',
      'updated_at',
    ],
    json: [],
  },
  webhook_deliveries: {
    key: ['id'],
    columns: [
      'id',
      'org_id',
      'endpoint_id',
      'event_seq',
      'event_id',
      'event_type',
      'resource_key',
      'payload',
      'status',
      'attempts',
      'failed_attempts',
      'first_attempt_at',
      'next_attempt_at',
      'locked_until',
      'created_at',
      'last_attempt_at',
      'delivered_at',
    ],
    json: [],
  },
  webhook_attempts: {
    key: ['id'],
    columns: [
      'id',
      'org_id',
      'delivery_id',
      'attempted_at',
      'status_code',
      'duration_ms',
      'error',
      'response_excerpt',
    ],
    json: [],
  },
  provisioning_log: {
    key: ['id'],
    columns: [
      'id',
      'org_id',
      'token_id',
      'request_id',
      'at',
      'method',
      'path',
      'status',
      'duration_ms',
      'scim_type',
      'resource_type',
      'resource_id',
      'request_body',
      'response_body',
    ],
    json: [],
  },
  sso_connections: {
    key: ['id'],
    columns: ['id', 'org_id', 'kind', 'enabled', 'settings', 'client_secret', 'created_at', 'updated_at'],
    json: [],
  },
  user_identities: {
    key: ['id'],
    columns: ['id', 'org_id', 'user_id', 'connection_id', 'subject', 'created_at', 'last_login_at'],
    json: [],
  },
  user_sessions: {
    key: ['id'],
    columns: [
      'id',
      'org_id',
      'user_id',
      'connection_id',
      'role',
      'token_hash',
      'created_at',
      'expires_at',
      'last_seen_at',
      'revoked_at',
    ],
    json: [],
  },
  sso_login_requests: {
    key: ['id'],
    columns: [
      'id',
      'connection_id',
      'browser_hash',
      'nonce',
      'code_verifier',
      'next',
      'created_at',
      'expires_at',
    ],
    json: [],
  },
  saml_assertions_used: {
    key: ['connection_id', 'assertion_id'],
    columns: ['connection_id', 'assertion_id', 'expires_at'],
    json: [],
  },
} as const satisfies { readonly [T in StoreTableName]: StoreTable<keyof Database[T] & string> };

/** The tables in copy (foreign-key) order; deleting goes the other way. */
export const STORE_TABLE_NAMES = Object.keys(STORE_TABLES) as readonly StoreTableName[];

export function storeTable(name: StoreTableName): StoreTable {
  return STORE_TABLES[name];
}

// Compile-time completeness: every column of every table in schema.ts is listed above.
type Unlisted = {
  [T in StoreTableName]: Exclude<keyof Database[T], (typeof STORE_TABLES)[T]['columns'][number]>;
}[StoreTableName];
// A column missing above makes this a type error naming it.
const _everyColumnListed: [Unlisted] extends [never] ? true : Unlisted = true;

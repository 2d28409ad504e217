// Kysely table types: the SQL side of the records in domain/ports.ts. Columns are snake_case; the repositories
// map them to and from the camelCase records explicitly.
import type { Generated } from 'kysely';
import type { ManagedBy, MemberType, SsoKind, SsoRole } from '../domain/ports.js';

export interface OrganizationsTable {
  id: string;
  slug: string;
  name: string;
  created_at: string;
  /** 0 or 1: whether members signed in through SSO may create their own API keys. */
  member_api_keys: Generated<number>;
}

export interface ScimTokensTable {
  id: string;
  org_id: string;
  name: string;
  token_hash: string;
  display_prefix: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface UsersTable {
  org_id: string;
  id: string;
  user_name: string;
  /** userName lower-cased (String.prototype.toLowerCase): the per-org unique key, RFC 7643 §4.1.1 caseExact=false. */
  user_name_key: string;
  external_id: string | null;
  display_name: string | null;
  /** 0 or 1: an integer in every dialect, so the migrations stay dialect-neutral. */
  active: number;
  /** JSON text of UserRecord.data. */
  data: string;
  version: number;
  created_at: string;
  updated_at: string;
  /** 'scim' (created by the IdP, IdP-owned fields locked in the admin API) or 'admin'. */
  managed_by: Generated<ManagedBy>;
}

export interface GroupsTable {
  org_id: string;
  id: string;
  display_name: string;
  display_name_key: string;
  external_id: string | null;
  data: string;
  version: number;
  created_at: string;
  updated_at: string;
  managed_by: Generated<ManagedBy>;
}

export interface GroupMembersTable {
  org_id: string;
  group_id: string;
  member_id: string;
  member_type: MemberType;
  created_at: string;
  /** 1: added by a sign-in's group sync, which a full sync may remove; 0: SCIM's or an admin's. */
  via_sign_in: Generated<number>;
}

/** Admin API credentials (`mak_`). org_id null: the key manages every organization. */
export interface AdminKeysTable {
  id: string;
  org_id: string | null;
  name: string;
  key_hash: string;
  display_prefix: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Console sign-in accounts. org_id null: an instance-wide admin. */
export interface AdminUsersTable {
  id: string;
  org_id: string | null;
  email: string;
  /** email lower-cased (String.prototype.toLowerCase): the unique key. */
  email_key: string;
  /** `scrypt$N$r$p$<salt>$<hash>`; null until a password is set. */
  password_hash: string | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

/** Console sessions (`mss_`): only the SHA-256 of the token. */
export interface AdminSessionsTable {
  id: string;
  admin_user_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  revoked_at: string | null;
}

/** One-time account setup links (`msu_`): only the SHA-256 of the token. */
export interface AdminSetupTokensTable {
  id: string;
  token_hash: string;
  email: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** API keys (`mk_`) of a user (optionally bound to one of the user's teams) or of a team. */
export interface ApiKeysTable {
  id: string;
  org_id: string;
  owner_type: 'user' | 'team';
  /** Set for a user key; no foreign key: a deleted user's keys stay, blocked, so admins can see why. */
  user_id: string | null;
  /** The team of a team key, or the team a user key is bound to. */
  team_id: string | null;
  name: string;
  key_hash: string;
  display_prefix: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  /** Revoked by an admin (or the owner): final. */
  revoked_at: string | null;
  /** Blocked by a provisioning change (deactivation, deletion, team removal); lifted when that change is undone. */
  blocked_at: string | null;
  blocked_reason: string | null;
}

/** Last event sequence number handed out per organization (the outbox's per-org counter). */
export interface EventSequencesTable {
  org_id: string;
  last_seq: number;
}

/** The outbox: one row per change, written in the change's transaction. */
export interface EventsTable {
  org_id: string;
  seq: number;
  id: string;
  type: string;
  occurred_at: string;
  resource_type: string;
  resource_id: string;
  /** JSON text. */
  data: string;
}

export interface WebhookEndpointsTable {
  id: string;
  org_id: string;
  url: string;
  description: string;
  /** JSON array of event types; [] = every type. */
  event_types: string;
  /** Signing secret (`whsec_…`); needed in clear to sign, shown to the admin once. */
  secret: string;
  /** The secret before the last rotation; deliveries are signed with it too until previous_secret_expires_at. */
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  /** 'active' | 'failing' | 'disabled' */
  status: string;
  consecutive_failures: number;
  failing_since: string | null;
  /** Events of the org up to this seq have been turned into deliveries for this endpoint. */
  fanout_seq: number;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  org_id: string;
  endpoint_id: string;
  /** Null for a test delivery. */
  event_seq: number | null;
  event_id: string;
  event_type: string;
  /** `user:<id>`, `team:<id>`…: deliveries of one resource go out in seq order. */
  resource_key: string;
  /** The exact JSON body sent (and signed). */
  payload: string;
  /** 'pending' | 'delivered' | 'failed' */
  status: string;
  /** Every attempt ever made. */
  attempts: number;
  /** Failed attempts since last queued (created or redelivered): the backoff step. */
  failed_attempts: number;
  /** First attempt since last queued: the retry window runs from it. */
  first_attempt_at: string | null;
  next_attempt_at: string;
  /** A worker's lease: no other worker sends this delivery before then. */
  locked_until: string | null;
  created_at: string;
  last_attempt_at: string | null;
  delivered_at: string | null;
}

export interface WebhookAttemptsTable {
  id: string;
  org_id: string;
  delivery_id: string;
  attempted_at: string;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  response_excerpt: string | null;
}

/** One row per SCIM request, bodies redacted. */
export interface ProvisioningLogTable {
  id: string;
  org_id: string;
  token_id: string | null;
  request_id: string;
  at: string;
  method: string;
  path: string;
  status: number;
  duration_ms: number;
  scim_type: string | null;
  resource_type: string | null;
  resource_id: string | null;
  request_body: string | null;
  response_body: string | null;
}

/** An organization's OIDC or SAML connection; `settings` is JSON text. */
export interface SsoConnectionsTable {
  id: string;
  org_id: string;
  kind: SsoKind;
  enabled: number;
  settings: string;
  client_secret: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserIdentitiesTable {
  id: string;
  org_id: string;
  user_id: string;
  connection_id: string;
  subject: string;
  created_at: string;
  last_login_at: string | null;
}

/** Sessions of users signed in through SSO (`mus_`): only the SHA-256 of the token. */
export interface UserSessionsTable {
  id: string;
  org_id: string;
  user_id: string;
  connection_id: string;
  role: SsoRole;
  token_hash: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  revoked_at: string | null;
}

export interface SsoLoginRequestsTable {
  id: string;
  connection_id: string;
  browser_hash: string | null;
  nonce: string | null;
  code_verifier: string | null;
  next: string;
  created_at: string;
  expires_at: string;
}

export interface SamlAssertionsUsedTable {
  connection_id: string;
  assertion_id: string;
  expires_at: string;
}

export interface Database {
  organizations: OrganizationsTable;
  scim_tokens: ScimTokensTable;
  users: UsersTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  admin_keys: AdminKeysTable;
  admin_users: AdminUsersTable;
  admin_sessions: AdminSessionsTable;
  admin_setup_tokens: AdminSetupTokensTable;
  api_keys: ApiKeysTable;
  event_sequences: EventSequencesTable;
  events: EventsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  provisioning_log: ProvisioningLogTable;
  sso_connections: SsoConnectionsTable;
  user_identities: UserIdentitiesTable;
  user_sessions: UserSessionsTable;
  sso_login_requests: SsoLoginRequestsTable;
  saml_assertions_used: SamlAssertionsUsedTable;
}

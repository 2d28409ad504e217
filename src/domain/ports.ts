// What the domain needs from the outside world. store/ implements the repositories; main.ts wires Clock and Ids.
// Every repository method takes the organization id first: there is no way to read or write a row without it.
import type { ListParams } from '../scim/list/list-params.js';
import type { JsonObject } from '../shared/json.js';

export interface Clock {
  now(): Date;
}

export interface Ids {
  /** Time-ordered unique id (UUID v7): creation order is id order, which makes default paging stable. */
  newId(): string;
}

// ---- records ---------------------------------------------------------------------------------------------------

export interface Organization {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly createdAt: string;
}

/** An admin API key (`mak_`). orgId null: instance-wide, it manages every organization. */
export interface AdminKeyRecord {
  readonly id: string;
  readonly orgId: string | null;
  readonly name: string;
  /** Lowercase hex SHA-256 of the whole key. The key itself is never stored. */
  readonly keyHash: string;
  readonly displayPrefix: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

export interface ScimTokenRecord {
  readonly id: string;
  readonly orgId: string;
  readonly name: string;
  /** Lowercase hex SHA-256 of the whole token. The token itself is never stored. */
  readonly tokenHash: string;
  /** First characters of the token (`msk_ab12…`), safe to show in lists. */
  readonly displayPrefix: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

/**
 * A stored User. `data` holds the canonical SCIM attributes (schema spelling, extension attributes under their
 * URN key) except `id`, `meta`, `schemas`, `groups` (derived) and `password` (never stored in `data`).
 * userName/externalId/displayName/active are copied out of `data` into indexed columns by the store.
 */
export interface UserRecord {
  readonly id: string;
  readonly orgId: string;
  readonly userName: string;
  readonly externalId: string | null;
  readonly displayName: string | null;
  readonly active: boolean;
  readonly data: JsonObject;
  /** Incremented on every change; the ETag is derived from it. */
  readonly version: number;
  /** ISO-8601 UTC with milliseconds (`2026-11-24T08:00:00.000Z`): sorts and compares as text in every dialect. */
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Always set when read from the store. Absent on a write: insert stores 'scim', update keeps the row's value. */
  readonly managedBy?: ManagedBy;
}

/** A stored Group (= team). `data` excludes `members`, which live in the membership table. */
export interface GroupRecord {
  readonly id: string;
  readonly orgId: string;
  readonly displayName: string;
  readonly externalId: string | null;
  readonly data: JsonObject;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** As UserRecord.managedBy. */
  readonly managedBy?: ManagedBy;
}

export type MemberType = 'User' | 'Group';

/** Who owns a user's or team's IdP-owned fields: the IdP through SCIM, or admins through the admin API. */
export type ManagedBy = 'scim' | 'admin';

export interface MemberChange {
  readonly id: string;
  readonly type: MemberType;
}

export interface MemberRef {
  readonly value: string;
  readonly type: MemberType;
  /** userName/displayName of a User member, displayName of a Group member. */
  readonly display: string | null;
}

export interface GroupRef {
  readonly value: string;
  readonly display: string;
}

/** Why a provisioning change blocked an API key; undoing that change lifts the block. */
export type ApiKeyBlockReason =
  'user_deactivated' | 'user_deleted' | 'team_membership_removed' | 'team_deleted';

export interface ApiKeyRecord {
  readonly id: string;
  readonly orgId: string;
  readonly ownerType: 'user' | 'team';
  readonly userId: string | null;
  /** A team key's team, or the team a user key is bound to (null: a user key for all the user's teams). */
  readonly teamId: string | null;
  readonly name: string;
  /** Lowercase hex SHA-256 of the whole key. */
  readonly keyHash: string;
  readonly displayPrefix: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly lastUsedAt: string | null;
  /** Revoked by a person: final. */
  readonly revokedAt: string | null;
  readonly blockedAt: string | null;
  readonly blockedReason: ApiKeyBlockReason | null;
}

export interface TeamRef {
  readonly id: string;
  readonly displayName: string;
}

/** A key with everything verification decides on, read in one statement (one snapshot). */
export interface ApiKeyVerification {
  readonly key: ApiKeyRecord;
  readonly orgSlug: string;
  /** The owning user; absent for a team key or when the user row is gone. */
  readonly user?: {
    readonly id: string;
    readonly userName: string;
    readonly displayName: string | null;
    readonly active: boolean;
  };
  /** The key's team (a team key's, or the one a user key is bound to), absent when it is gone. */
  readonly team?: TeamRef;
  /** The owning user's direct teams (user keys only, else []). */
  readonly userTeams: readonly TeamRef[];
}

/** Which keys a block or unblock applies to. */
export type ApiKeyScope =
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'team'; readonly teamId: string }
  | { readonly kind: 'user-in-team'; readonly userId: string; readonly teamId: string };

export type EventType =
  | 'user.created'
  | 'user.updated'
  | 'user.deactivated'
  | 'user.reactivated'
  | 'user.deleted'
  | 'team.created'
  | 'team.updated'
  | 'team.deleted'
  | 'team.member_added'
  | 'team.member_removed'
  | 'api_key.created'
  | 'api_key.revoked'
  | 'api_key.blocked'
  | 'api_key.unblocked'
  | 'scim_token.created'
  | 'scim_token.revoked';

export type EventResourceType = 'user' | 'team' | 'api_key' | 'scim_token';

/** A change as the use case states it; the outbox adds the sequence number and time. */
export interface NewEvent {
  readonly id: string;
  readonly type: EventType;
  readonly resourceType: EventResourceType;
  readonly resourceId: string;
  readonly data: JsonObject;
}

export interface EventRecord extends NewEvent {
  readonly orgId: string;
  /** Per-organization, gap-free, strictly increasing; commit order equals seq order within an organization. */
  readonly seq: number;
  readonly occurredAt: string;
}

/** One SCIM request as the provisioning log keeps it (docs/architecture.md, "Provisioning log"). */
export interface ProvisioningLogSummary {
  readonly id: string;
  readonly orgId: string;
  /** The SCIM token the request authenticated with. */
  readonly tokenId: string | null;
  readonly requestId: string;
  /** When the request was received. */
  readonly at: string;
  readonly method: string;
  /** Path and query string as received, credentials in the query replaced. */
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
  /** RFC 7644 §3.12 scimType of an error response. */
  readonly scimType: string | null;
  /** 'User' or 'Group' when the path names one. */
  readonly resourceType: string | null;
  /** From the path, or the id of the resource a POST created. */
  readonly resourceId: string | null;
}

export interface ProvisioningLogEntry extends ProvisioningLogSummary {
  /** Redacted JSON text, possibly truncated (then it ends with a marker and no longer parses); null when none. */
  readonly requestBody: string | null;
  readonly responseBody: string | null;
}

// ---- queries ---------------------------------------------------------------------------------------------------

/** The list query the store runs: the parsed SCIM list parameters. */
export type ListQuery = ListParams;

export interface ListPage<T> {
  readonly totalResults: number;
  readonly items: readonly T[];
  /** Cursor paging only: cursor of the next page, absent on the last page. */
  readonly nextCursor?: string;
}

export interface UserListPage extends ListPage<UserRecord> {
  /** Only when asked for: every user of the page has an entry ([] when in no group). */
  readonly groups?: ReadonlyMap<string, readonly GroupRef[]>;
}

// ---- repositories ----------------------------------------------------------------------------------------------

export interface OrganizationRepo {
  findBySlug(slug: string): Promise<Organization | undefined>;
  findById(id: string): Promise<Organization | undefined>;
  insert(org: Organization): Promise<void>;
  list(): Promise<readonly Organization[]>;
}

export interface ScimTokenRepo {
  insert(token: ScimTokenRecord): Promise<void>;
  findByHash(tokenHash: string): Promise<ScimTokenRecord | undefined>;
  list(orgId: string | undefined): Promise<readonly ScimTokenRecord[]>;
  revoke(id: string, at: string): Promise<boolean>;
  /** Sets last_used_at only when it is older than `notAfter` (at most one write per token per minute). */
  touch(id: string, at: string, notAfter: string): Promise<void>;
}

/** Admin keys belong to the instance (some to one organization): these methods take no organization id. */
export interface AdminKeyRepo {
  insert(key: AdminKeyRecord): Promise<void>;
  findByHash(keyHash: string): Promise<AdminKeyRecord | undefined>;
  get(id: string): Promise<AdminKeyRecord | undefined>;
  /** Oldest first. */
  list(): Promise<readonly AdminKeyRecord[]>;
  revoke(id: string, at: string): Promise<boolean>;
  /** Sets last_used_at only when it is older than `notAfter` (at most one write per key per minute). */
  touch(id: string, at: string, notAfter: string): Promise<void>;
}

export interface UserRepo {
  /** Throws ScimError uniqueness (409) when userName (case-insensitive) is taken in the org. */
  insert(user: UserRecord): Promise<void>;
  /** Writes every column of `user` and bumps version; throws uniqueness on a userName clash. */
  update(user: UserRecord): Promise<void>;
  get(orgId: string, id: string): Promise<UserRecord | undefined>;
  /** The user and its groups (as groupsOf) read by one statement: one snapshot, one round trip. */
  getWithGroups(
    orgId: string,
    id: string,
  ): Promise<{ readonly user: UserRecord; readonly groups: readonly GroupRef[] } | undefined>;
  delete(orgId: string, id: string): Promise<boolean>;
  /**
   * The page and its total come from one snapshot; with `withGroups`, the page's groups (as groupsOf) come from the
   * same statement as the page.
   */
  list(
    orgId: string,
    query: ListQuery,
    options?: { readonly withGroups?: boolean; readonly managedBy?: ManagedBy },
  ): Promise<UserListPage>;
  /** Groups the user is a direct member of (User.groups). */
  groupsOf(orgId: string, userIds: readonly string[]): Promise<ReadonlyMap<string, readonly GroupRef[]>>;
}

export interface GroupRepo {
  /** Group displayName is not unique (RFC 7643 §4.2; Entra allows duplicate group names). */
  insert(group: GroupRecord): Promise<void>;
  update(group: GroupRecord): Promise<void>;
  /** Bumps version and updated_at only (membership changed). */
  touch(orgId: string, id: string, version: number, at: string): Promise<void>;
  get(orgId: string, id: string): Promise<GroupRecord | undefined>;
  delete(orgId: string, id: string): Promise<boolean>;
  /** The page and its total come from one snapshot. */
  list(
    orgId: string,
    query: ListQuery,
    options?: { readonly managedBy?: ManagedBy },
  ): Promise<ListPage<GroupRecord>>;
  members(orgId: string, groupIds: readonly string[]): Promise<ReadonlyMap<string, readonly MemberRef[]>>;
}

export interface MembershipRepo {
  /** Resolves ids to member types within the org; ids that are neither a User nor a Group are absent. */
  resolveMembers(orgId: string, ids: readonly string[]): Promise<ReadonlyMap<string, MemberType>>;
  /** Idempotent: an existing membership is left as it is. Returns the members actually added. */
  add(
    orgId: string,
    groupId: string,
    members: readonly MemberChange[],
    at: string,
  ): Promise<readonly MemberChange[]>;
  /** Returns the members actually removed. */
  remove(orgId: string, groupId: string, memberIds: readonly string[]): Promise<readonly MemberChange[]>;
  removeAll(orgId: string, groupId: string): Promise<readonly MemberChange[]>;
  /** Removes `memberId` from every group of the org (User or Group deleted); returns those groups' ids. */
  removeEverywhere(orgId: string, memberId: string): Promise<readonly string[]>;
  has(orgId: string, groupId: string, memberId: string): Promise<boolean>;
}

export interface ApiKeyRepo {
  insert(key: ApiKeyRecord): Promise<void>;
  findForVerify(keyHash: string): Promise<ApiKeyVerification | undefined>;
  get(orgId: string, id: string): Promise<ApiKeyRecord | undefined>;
  /** Oldest first, after the cursor id. */
  list(
    orgId: string,
    filter: {
      readonly userId?: string;
      readonly teamId?: string;
      readonly after?: string;
      readonly limit: number;
    },
  ): Promise<readonly ApiKeyRecord[]>;
  revoke(orgId: string, id: string, at: string): Promise<boolean>;
  /** The scope's keys that are not revoked (blocked or not). */
  inScope(orgId: string, scope: ApiKeyScope): Promise<readonly ApiKeyRecord[]>;
  /** Sets (reason and time) or lifts (null, null) the block of these keys. */
  setBlocked(
    orgId: string,
    ids: readonly string[],
    reason: ApiKeyBlockReason | null,
    at: string | null,
  ): Promise<void>;
  /** Sets last_used_at only when it is older than `notAfter`. */
  touch(id: string, at: string, notAfter: string): Promise<void>;
}

export interface EventRepo {
  /** Appends in the caller's transaction, numbering the events with the org's next sequence numbers. */
  append(orgId: string, events: readonly NewEvent[], occurredAt: string): Promise<readonly EventRecord[]>;
  /** Events with seq > after, in seq order. */
  list(
    orgId: string,
    after: number,
    limit: number,
    filter?: { readonly types?: readonly EventType[] },
  ): Promise<readonly EventRecord[]>;
  /** Highest seq handed out in the org (0 when none). */
  lastSeq(orgId: string): Promise<number>;
}

// ---- webhooks --------------------------------------------------------------------------------------------------

/** 'failing': the last N attempts to it failed (deliveries go on); 'disabled': switched off, gets no deliveries. */
export type WebhookEndpointStatus = 'active' | 'failing' | 'disabled';

/** The event types a delivery can carry: the outbox's, plus the test event an admin sends to one endpoint. */
export type WebhookEventType = EventType | 'webhook.test';

export interface WebhookEndpointRecord {
  readonly id: string;
  readonly orgId: string;
  readonly url: string;
  readonly description: string;
  /** [] = every event type. */
  readonly eventTypes: readonly EventType[];
  /** `whsec_…`, kept readable because every delivery is signed with it; shown to admins only on create and rotate. */
  readonly secret: string;
  /** The secret before the last rotation: deliveries carry its signature too until it expires. */
  readonly previousSecret: string | null;
  readonly previousSecretExpiresAt: string | null;
  readonly status: WebhookEndpointStatus;
  readonly consecutiveFailures: number;
  readonly failingSince: string | null;
  /** The org's events up to this seq have been turned into deliveries (or skipped) for this endpoint. */
  readonly fanoutSeq: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDeliveryRecord {
  readonly id: string;
  readonly orgId: string;
  readonly endpointId: string;
  /** Null for a test delivery. */
  readonly eventSeq: number | null;
  /** The webhook-id header: stable across attempts, so receivers can drop duplicates. */
  readonly eventId: string;
  readonly eventType: WebhookEventType;
  /** `user:<id>`, `team:<id>`…: one endpoint gets the deliveries of one resource in seq order. */
  readonly resourceKey: string;
  /** The exact JSON body sent and signed. */
  readonly payload: string;
  readonly status: WebhookDeliveryStatus;
  /** Every attempt ever made. */
  readonly attempts: number;
  /** Failed attempts since the delivery was last queued (created or redelivered): picks the next backoff step. */
  readonly failedAttempts: number;
  /** First attempt since the delivery was last queued: the retry window runs from it. */
  readonly firstAttemptAt: string | null;
  readonly nextAttemptAt: string;
  /** A worker's lease: no other worker sends the delivery before then. */
  readonly lockedUntil: string | null;
  readonly createdAt: string;
  readonly lastAttemptAt: string | null;
  readonly deliveredAt: string | null;
}

export interface WebhookAttemptRecord {
  readonly id: string;
  readonly orgId: string;
  readonly deliveryId: string;
  readonly attemptedAt: string;
  /** Null when no HTTP response came back (refused, timed out, TLS error). */
  readonly statusCode: number | null;
  readonly durationMs: number;
  readonly error: string | null;
  /** The first KiB of the response body at most. */
  readonly responseExcerpt: string | null;
}

/** Where a delivery stands after an attempt: the worker decides, the store writes it. */
export interface WebhookAttemptResult {
  readonly status: WebhookDeliveryStatus;
  readonly failedAttempts: number;
  readonly firstAttemptAt: string;
  readonly nextAttemptAt: string;
  readonly deliveredAt: string | null;
}

export interface WebhookRepo {
  insertEndpoint(endpoint: WebhookEndpointRecord): Promise<void>;
  getEndpoint(orgId: string, id: string): Promise<WebhookEndpointRecord | undefined>;
  /** Oldest first. */
  listEndpoints(orgId: string): Promise<readonly WebhookEndpointRecord[]>;
  /** Writes url, description, event types, secrets, status, failure count, fan-out position and updated_at. */
  updateEndpoint(endpoint: WebhookEndpointRecord): Promise<void>;
  /** Deletes the endpoint with its deliveries and attempts. */
  deleteEndpoint(orgId: string, id: string): Promise<boolean>;
  /** Endpoints of every organization that are not disabled and whose organization has events after fanoutSeq. */
  endpointsBehind(limit: number): Promise<readonly WebhookEndpointRecord[]>;
  /** Moves fanout_seq from `from` to `to`; false when it is no longer `from` (another worker got there first). */
  advanceFanout(orgId: string, id: string, from: number, to: number): Promise<boolean>;
  insertDeliveries(deliveries: readonly WebhookDeliveryRecord[]): Promise<void>;
  getDelivery(orgId: string, id: string): Promise<WebhookDeliveryRecord | undefined>;
  /** Newest first, before the cursor id. */
  listDeliveries(
    orgId: string,
    endpointId: string,
    filter: { readonly status?: WebhookDeliveryStatus; readonly before?: string; readonly limit: number },
  ): Promise<readonly WebhookDeliveryRecord[]>;
  /**
   * Deliveries of every organization that are pending, due at `now`, not leased, of an endpoint that is not disabled,
   * and the earliest pending one of their endpoint and resource. Oldest first.
   */
  dueDeliveries(now: string, limit: number): Promise<readonly WebhookDeliveryRecord[]>;
  /** Takes the lease (locked_until = `until`) when the delivery is still pending and unleased at `now`. */
  lease(id: string, now: string, until: string): Promise<boolean>;
  /**
   * Stores the attempt and the delivery's new state, freeing the lease, while `lease` is still the delivery's lease.
   * False, writing nothing, when the lease was lost or the delivery is gone (its endpoint deleted meanwhile).
   */
  completeAttempt(
    attempt: WebhookAttemptRecord,
    lease: string,
    result: WebhookAttemptResult,
  ): Promise<boolean>;
  /** Zero consecutive failures; a failing endpoint is active again. */
  recordEndpointSuccess(orgId: string, id: string): Promise<void>;
  /** One more consecutive failure; an active endpoint with `failingAfter` of them is failing from `at`. */
  recordEndpointFailure(orgId: string, id: string, at: string, failingAfter: number): Promise<void>;
  /** Pending again, due at `at`, with a new retry window; an in-flight attempt keeps its lease. */
  requeueDelivery(orgId: string, id: string, at: string): Promise<boolean>;
  /** Oldest first, after the cursor id. */
  listAttempts(
    orgId: string,
    deliveryId: string,
    filter: { readonly after?: string; readonly limit: number },
  ): Promise<readonly WebhookAttemptRecord[]>;
}

/** Filters of a provisioning log listing; every one narrows the result (AND). */
export interface ProvisioningLogQuery {
  /** Inclusive status range: one status (404..404) or a class (400..499). */
  readonly status?: { readonly min: number; readonly max: number };
  readonly method?: string;
  readonly pathPrefix?: string;
  readonly resourceType?: string;
  readonly resourceId?: string;
  readonly tokenId?: string;
  /** at >= since */
  readonly since?: string;
  /** at < until */
  readonly until?: string;
  /** Keyset cursor: only entries older than this one (newest first). */
  readonly before?: { readonly at: string; readonly id: string };
  readonly limit: number;
}

export interface ProvisioningLogRepo {
  insertMany(entries: readonly ProvisioningLogEntry[]): Promise<void>;
  /** Newest first (at, then id, descending). */
  list(orgId: string, query: ProvisioningLogQuery): Promise<readonly ProvisioningLogSummary[]>;
  get(orgId: string, id: string): Promise<ProvisioningLogEntry | undefined>;
  /** Deletes at most `limit` entries (of any organization) with at < `before`, oldest first; returns how many. */
  deleteOlderThan(before: string, limit: number): Promise<number>;
}

export interface StoreTx {
  readonly organizations: OrganizationRepo;
  readonly scimTokens: ScimTokenRepo;
  readonly adminKeys: AdminKeyRepo;
  readonly users: UserRepo;
  readonly groups: GroupRepo;
  readonly memberships: MembershipRepo;
  readonly apiKeys: ApiKeyRepo;
  readonly events: EventRepo;
  readonly webhooks: WebhookRepo;
  readonly provisioningLog: ProvisioningLogRepo;
}

export interface Store extends StoreTx {
  /** Runs `fn` in one database transaction: all of its writes commit together or none do. */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /**
   * Runs `fn`'s reads in one read-only transaction: they all see the same snapshot (a user and its groups, a page and
   * its total) and, on SQLite, take the file's read lock once instead of once per statement. No writes inside.
   */
  read<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** Cheap round trip used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

// What the domain needs from the outside world. store/ implements the repositories; main.ts wires Clock and Ids.
// Every repository method takes the organization id first: there is no way to read or write a row without it.
import type { ListParams } from '../scim/list/list-params.js';
import type { JsonObject } from '../shared/json.js';
import type { AdminAccountRepo } from './admin-account-ports.js';
import type { ApiKeyRepo, EventRepo } from './access-ports.js';
import type { CacheInvalidation, CacheInvalidationFeed, ExclusiveRun } from './coordination-ports.js';
import type { DashboardRepo } from './dashboard-ports.js';
import type { ProvisioningLogRepo } from './provisioning-log-ports.js';
import type { SsoRepo } from './sso-ports.js';
import type { WebhookRepo } from './webhook-ports.js';

// The ports of each area live beside this file; everything is importable from here.
export type * from './access-ports.js';
export type * from './admin-account-ports.js';
export type * from './coordination-ports.js';
export type * from './dashboard-ports.js';
export type * from './provisioning-log-ports.js';
export type * from './sso-ports.js';
export type * from './webhook-ports.js';

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

/**
 * Who owns a user's or team's IdP-owned fields: the IdP through SCIM, admins through the admin API, or SSO sign-in
 * (created when someone signed in; only SCIM's are locked against admin edits).
 */
export type ManagedBy = 'scim' | 'admin' | 'sso';

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

/** A member with its user's account fields, as the admin API lists them (null for a Group member). */
export interface MemberDetail extends MemberRef {
  readonly userName: string | null;
  /** The primary email, else the first; null when the user has none. */
  readonly email: string | null;
  readonly active: boolean | null;
}

export interface GroupRef {
  readonly value: string;
  readonly display: string;
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

/** A user as stored, its `data` still serialized: the JSON text of a JSON object. */
export interface StoredUserJson {
  readonly user: Omit<UserRecord, 'data'>;
  readonly dataJson: string;
  readonly groups: readonly GroupRef[];
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
  /**
   * getWithGroups with the data document left serialized (`dataJson`, a JSON object's text), for answers that pass
   * the stored document through without parsing it.
   */
  getJsonWithGroups(orgId: string, id: string): Promise<StoredUserJson | undefined>;
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
  /** One group's members in membership order, each user member with its account fields: one statement. */
  memberDetails(orgId: string, groupId: string): Promise<readonly MemberDetail[]>;
  /** Direct members (users and nested groups) of each group, counted in SQL; a group without members is absent. */
  memberCounts(orgId: string, groupIds: readonly string[]): Promise<ReadonlyMap<string, number>>;
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

export interface StoreTx {
  readonly organizations: OrganizationRepo;
  readonly scimTokens: ScimTokenRepo;
  readonly adminKeys: AdminKeyRepo;
  readonly adminAccounts: AdminAccountRepo;
  readonly users: UserRepo;
  readonly groups: GroupRepo;
  readonly memberships: MembershipRepo;
  readonly apiKeys: ApiKeyRepo;
  readonly events: EventRepo;
  readonly webhooks: WebhookRepo;
  readonly provisioningLog: ProvisioningLogRepo;
  readonly sso: SsoRepo;
  /** Read-only counts for the admin console's dashboard. */
  readonly dashboard: DashboardRepo;
  readonly cacheInvalidation: CacheInvalidation;
}

export interface Store extends StoreTx {
  /** Announcing (see StoreTx) and hearing the other processes' announcements. */
  readonly cacheInvalidation: CacheInvalidationFeed;
  /** Runs `fn` in one database transaction: all of its writes commit together or none do. */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /**
   * Runs `fn`'s reads in one read-only transaction: they all see the same snapshot (a user and its groups, a page and
   * its total) and, on SQLite, take the file's read lock once instead of once per statement. No writes inside.
   */
  read<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` unless another process on this database is running job `name` right now; then resolves `{ ran: false }`
   * at once. `fn`'s statements commit one by one (no transaction around them). SQLite: always runs `fn`, since the
   * file's write lock already serializes its statements.
   */
  runExclusive<T>(name: string, fn: (repos: StoreTx) => Promise<T>): Promise<ExclusiveRun<T>>;
  /** Cheap round trip used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

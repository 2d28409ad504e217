// Ports of API keys and the event outbox: records and repositories (re-exported by ports.ts).
import type { JsonObject } from '../shared/json.js';

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

/** A key's user as it is now. */
export interface ApiKeyUserRef {
  readonly id: string;
  readonly userName: string;
  readonly displayName: string | null;
  readonly active: boolean;
}

/** A key with its user and team read in the same statement; null: the key has none, or the row is gone. */
export interface ApiKeyWithOwner extends ApiKeyRecord {
  readonly user: ApiKeyUserRef | null;
  readonly team: TeamRef | null;
}

/** A key with everything verification decides on, read in one statement (one snapshot). */
export interface ApiKeyVerification {
  readonly key: ApiKeyRecord;
  readonly orgSlug: string;
  /** The owning user; absent for a team key or when the user row is gone. */
  readonly user?: ApiKeyUserRef;
  /** The key's team (a team key's, or the one a user key is bound to), absent when it is gone. */
  readonly team?: TeamRef;
  /** The owning user's direct teams (user keys only, else []). */
  readonly userTeams: readonly TeamRef[];
}

/** A key's status as admins see it (domain/api-keys.ts apiKeyStatus; the store's SQL spells the same rule). */
export type ApiKeyStatus = 'active' | 'revoked' | 'expired' | 'blocked';

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

export interface ApiKeyRepo {
  insert(key: ApiKeyRecord): Promise<void>;
  findForVerify(keyHash: string): Promise<ApiKeyVerification | undefined>;
  get(orgId: string, id: string): Promise<ApiKeyWithOwner | undefined>;
  /** Oldest first, after the cursor id; each key with its user and team (one statement, not one per key). */
  list(
    orgId: string,
    filter: {
      readonly userId?: string;
      readonly teamId?: string;
      /** Keys with this status at `at` (ISO-8601, the caller's now). */
      readonly status?: { readonly is: ApiKeyStatus; readonly at: string };
      readonly after?: string;
      readonly limit: number;
    },
  ): Promise<readonly ApiKeyWithOwner[]>;
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

/** Narrows an event listing; every filter given applies (AND). */
export interface EventFilter {
  readonly types?: readonly EventType[];
  /** Only the events of this user, team, API key or SCIM token. */
  readonly resourceId?: string;
}

export interface EventRepo {
  /** Appends in the caller's transaction, numbering the events with the org's next sequence numbers. */
  append(orgId: string, events: readonly NewEvent[], occurredAt: string): Promise<readonly EventRecord[]>;
  /** Events with seq > after, in seq order. */
  list(orgId: string, after: number, limit: number, filter?: EventFilter): Promise<readonly EventRecord[]>;
  /** Events with seq < before (every event when null), newest first. */
  listBefore(
    orgId: string,
    before: number | null,
    limit: number,
    filter?: EventFilter,
  ): Promise<readonly EventRecord[]>;
  /** Highest seq handed out in the org (0 when none). */
  lastSeq(orgId: string): Promise<number>;
}

// API keys (`mk_`) for apps and gateways: a user's key (optionally bound to one of the user's teams) or a team's key.
// Shown once, stored as SHA-256 only. Verification decides on the live state read in one statement (the key's
// revocation and block, its user's active flag and team membership), so a deprovisioned user's keys fail the very next
// call whatever path the deprovisioning took.
import { invalidValue, notFound, ScimError } from '../scim/errors.js';
import {
  checkCredentialName,
  credentialPattern,
  DISPLAY_PREFIX_LENGTH,
  expiryAfter,
  generateCredential,
  hashCredential,
  isExpired,
  isSameHash,
  LAST_USED_RESOLUTION_MS,
  lastUsedNotAfter,
} from './credentials.js';
import type { ApiKeyVerifyCache } from './api-key-verify-cache.js';
import type {
  ApiKeyBlockReason,
  ApiKeyRecord,
  ApiKeyStatus,
  ApiKeyUserRef,
  ApiKeyVerification,
  ApiKeyWithOwner,
  Clock,
  Ids,
  Store,
  StoreTx,
  TeamRef,
} from './ports.js';
import { apiKeyEventData, newEvent } from './record-changes.js';

export const API_KEY_PREFIX = 'mk_';
const KEY_PATTERN = credentialPattern(API_KEY_PREFIX);
const MAX_PAGE = 200;

export interface ApiKeyDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: Ids;
}

export type { ApiKeyStatus } from './ports.js';

/** A key as admins see it: everything but the hash, with its status spelled out. */
export interface ApiKeyView {
  readonly id: string;
  readonly ownerType: 'user' | 'team';
  readonly userId: string | null;
  readonly teamId: string | null;
  readonly name: string;
  readonly displayPrefix: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
  readonly status: ApiKeyStatus;
  /** Why a blocked key is blocked. */
  readonly blockedReason: ApiKeyBlockReason | null;
  readonly blockedAt: string | null;
  /** A user key's user as it is now; null for a team key or once the user is deleted. */
  readonly user: ApiKeyUserRef | null;
  /** The team of `teamId` as it is now; null when teamId is null or once the team is deleted. */
  readonly team: TeamRef | null;
}

export interface CreatedApiKey {
  readonly apiKey: ApiKeyView;
  /** The key itself: returned once, never stored. */
  readonly key: string;
}

export interface CreateApiKeyInput {
  readonly name: string;
  readonly expiresInDays?: number;
}

/** What a gateway learns about a valid key. */
export interface VerifiedApiKey {
  readonly keyId: string;
  readonly keyName: string;
  readonly ownerType: 'user' | 'team';
  readonly org: { readonly id: string; readonly slug: string };
  readonly user: {
    readonly id: string;
    readonly userName: string;
    readonly displayName: string | null;
  } | null;
  readonly teams: readonly TeamRef[];
  readonly expiresAt: string | null;
}

/** Revocation wins over a block, a block over expiry: the most lasting reason is the one shown. */
export function apiKeyStatus(key: ApiKeyRecord, nowMs: number): ApiKeyStatus {
  if (key.revokedAt !== null) return 'revoked';
  if (key.blockedReason !== null) return 'blocked';
  return isExpired(key.expiresAt, nowMs) ? 'expired' : 'active';
}

export function toApiKeyView(key: ApiKeyWithOwner, nowMs: number): ApiKeyView {
  return {
    id: key.id,
    ownerType: key.ownerType,
    userId: key.userId,
    teamId: key.teamId,
    name: key.name,
    displayPrefix: key.displayPrefix,
    createdAt: key.createdAt,
    expiresAt: key.expiresAt,
    lastUsedAt: key.lastUsedAt,
    revokedAt: key.revokedAt,
    status: apiKeyStatus(key, nowMs),
    blockedReason: key.blockedReason,
    blockedAt: key.blockedAt,
    user: key.user,
    team: key.team,
  };
}

const conflict = (detail: string): ScimError => new ScimError(409, detail);

async function insertKey(
  deps: ApiKeyDeps,
  orgId: string,
  owner: Pick<ApiKeyRecord, 'ownerType' | 'userId' | 'teamId'>,
  input: CreateApiKeyInput,
  /** Refuses the key (throws) or returns its owners as it read them, for the response. */
  check: (tx: StoreTx) => Promise<Pick<ApiKeyWithOwner, 'user' | 'team'>>,
): Promise<CreatedApiKey> {
  const { store, clock, ids } = deps;
  const name = checkCredentialName(input.name, 'API key');
  const now = clock.now();
  const key = generateCredential(API_KEY_PREFIX);
  const record: ApiKeyRecord = {
    id: ids.newId(),
    orgId,
    ...owner,
    name,
    keyHash: hashCredential(key),
    displayPrefix: key.slice(0, DISPLAY_PREFIX_LENGTH),
    createdAt: now.toISOString(),
    expiresAt: expiryAfter(now, input.expiresInDays),
    lastUsedAt: null,
    revokedAt: null,
    blockedAt: null,
    blockedReason: null,
  };
  const owners = await store.transaction(async (tx) => {
    const checked = await check(tx);
    await tx.apiKeys.insert(record);
    const event = newEvent(ids, {
      type: 'api_key.created',
      resourceType: 'api_key',
      resourceId: record.id,
      data: apiKeyEventData(record),
    });
    await tx.events.append(orgId, [event], record.createdAt);
    return checked;
  });
  return { apiKey: toApiKeyView({ ...record, ...owners }, now.getTime()), key };
}

/** A key for an active user; with `teamId`, bound to that team, of which the user must be a direct member. */
export function createUserApiKey(
  deps: ApiKeyDeps,
  orgId: string,
  userId: string,
  input: CreateApiKeyInput & { readonly teamId?: string },
): Promise<CreatedApiKey> {
  const teamId = input.teamId ?? null;
  return insertKey(deps, orgId, { ownerType: 'user', userId, teamId }, input, async (tx) => {
    const user = await tx.users.get(orgId, userId);
    if (user === undefined) throw notFound(`user ${userId} not found`);
    if (!user.active) throw conflict(`user ${userId} is deactivated: a deactivated user cannot get API keys`);
    const owner = {
      id: user.id,
      userName: user.userName,
      displayName: user.displayName,
      active: user.active,
    };
    if (teamId === null) return { user: owner, team: null };
    const team = await tx.groups.get(orgId, teamId);
    if (team === undefined) throw notFound(`team ${teamId} not found`);
    if (!(await tx.memberships.has(orgId, teamId, userId))) {
      throw invalidValue(
        `user ${userId} is not a member of team ${teamId}: a key can only be bound to a team of its user`,
      );
    }
    return { user: owner, team: { id: team.id, displayName: team.displayName } };
  });
}

export function createTeamApiKey(
  deps: ApiKeyDeps,
  orgId: string,
  teamId: string,
  input: CreateApiKeyInput,
): Promise<CreatedApiKey> {
  return insertKey(deps, orgId, { ownerType: 'team', userId: null, teamId }, input, async (tx) => {
    const team = await tx.groups.get(orgId, teamId);
    if (team === undefined) throw notFound(`team ${teamId} not found`);
    return { user: null, team: { id: team.id, displayName: team.displayName } };
  });
}

export async function getApiKey(deps: ApiKeyDeps, orgId: string, id: string): Promise<ApiKeyView> {
  const key = await deps.store.apiKeys.get(orgId, id);
  if (key === undefined) throw notFound(`API key ${id} not found`);
  return toApiKeyView(key, deps.clock.now().getTime());
}

export interface ApiKeyPage {
  readonly items: readonly ApiKeyView[];
  /** Id of the page's last key when more may follow. */
  readonly nextAfter: string | null;
}

export async function listApiKeys(
  deps: ApiKeyDeps,
  orgId: string,
  filter: {
    readonly userId?: string;
    readonly teamId?: string;
    /** Only keys with this status now (as the listed `status` shows it). */
    readonly status?: ApiKeyStatus;
    readonly after?: string;
    readonly limit: number;
  },
): Promise<ApiKeyPage> {
  const limit = Math.min(Math.max(1, filter.limit), MAX_PAGE);
  const now = deps.clock.now();
  const nowMs = now.getTime();
  const { status, ...rest } = filter;
  const keys = await deps.store.apiKeys.list(orgId, {
    ...rest,
    ...(status === undefined ? {} : { status: { is: status, at: now.toISOString() } }),
    limit: limit + 1,
  });
  const page = keys.slice(0, limit);
  return {
    items: page.map((k) => toApiKeyView(k, nowMs)),
    nextAfter: keys.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** Idempotent: revoking a revoked key changes nothing and emits nothing. A revocation is final. */
export async function revokeApiKey(deps: ApiKeyDeps, orgId: string, id: string): Promise<ApiKeyView> {
  const { store, clock, ids } = deps;
  const now = clock.now();
  const at = now.toISOString();
  const key = await store.transaction(async (tx) => {
    const existing = await tx.apiKeys.get(orgId, id);
    if (existing === undefined) throw notFound(`API key ${id} not found`);
    if (existing.revokedAt !== null) return existing;
    await tx.apiKeys.revoke(orgId, id, at);
    const revoked = { ...existing, revokedAt: at };
    const event = newEvent(ids, {
      type: 'api_key.revoked',
      resourceType: 'api_key',
      resourceId: id,
      data: apiKeyEventData(revoked),
    });
    await tx.events.append(orgId, [event], at);
    return revoked;
  });
  return toApiKeyView(key, now.getTime());
}

/** A verified key as the cache keeps it: the answer, and what must still be checked on every call. */
export interface CachedVerification {
  readonly verified: VerifiedApiKey;
  /** Expiry and last use in epoch ms (no Date on the hot path); null: never expires / never used. */
  readonly expiresAtMs: number | null;
  lastUsedAtMs: number | null;
}

export interface VerifyApiKeyDeps extends ApiKeyDeps {
  /** Shared with the store's invalidation (api-key-verify-cache.ts); absent: every call reads the database. */
  readonly verifyCache?: ApiKeyVerifyCache<CachedVerification>;
}

/** Decides on what one statement read: the key, its user's state, its team and the user's memberships. */
function decide(found: ApiKeyVerification, nowMs: number): VerifiedApiKey | undefined {
  const { key, user, team, userTeams } = found;
  if (apiKeyStatus(key, nowMs) !== 'active') return undefined;
  let teams: readonly TeamRef[];
  if (key.ownerType === 'team') {
    if (team === undefined) return undefined;
    teams = [team];
  } else {
    // Checked here as well as by the blocks: the block is what admins see, this is what decides.
    if (user?.active !== true) return undefined;
    if (key.teamId === null) {
      teams = userTeams;
    } else {
      const bound = userTeams.find((t) => t.id === key.teamId);
      if (bound === undefined) return undefined;
      teams = [bound];
    }
  }
  return {
    keyId: key.id,
    keyName: key.name,
    ownerType: key.ownerType,
    org: { id: key.orgId, slug: found.orgSlug },
    user: user === undefined ? null : { id: user.id, userName: user.userName, displayName: user.displayName },
    teams,
    expiresAt: key.expiresAt,
  };
}

/**
 * The key's identity when it is usable right now, else undefined (malformed, unknown, revoked, blocked, expired,
 * its user deactivated or gone, its team gone or the user no longer in it). Callers answer 401 alike for all.
 */
export async function verifyApiKey(
  deps: VerifyApiKeyDeps,
  presented: string,
): Promise<VerifiedApiKey | undefined> {
  if (!KEY_PATTERN.test(presented)) return undefined;
  const hash = hashCredential(presented);
  const nowMs = deps.clock.now().getTime();
  const { verifyCache } = deps;
  const generation = verifyCache?.generation ?? 0;
  let cached = verifyCache?.get(hash, nowMs);
  if (cached === undefined) {
    const found = await deps.store.apiKeys.findForVerify(hash);
    if (found === undefined || !isSameHash(found.key.keyHash, hash)) return undefined;
    const verified = decide(found, nowMs);
    if (verified === undefined) return undefined;
    cached = {
      verified,
      expiresAtMs: verified.expiresAt === null ? null : Date.parse(verified.expiresAt),
      lastUsedAtMs: found.key.lastUsedAt === null ? null : Date.parse(found.key.lastUsedAt),
    };
    verifyCache?.set(hash, cached, generation, nowMs);
  } else if (cached.expiresAtMs !== null && cached.expiresAtMs <= nowMs) {
    // Expiry needs no invalidation: it is checked on every call.
    return undefined;
  }

  if (cached.lastUsedAtMs === null || cached.lastUsedAtMs < nowMs - LAST_USED_RESOLUTION_MS) {
    cached.lastUsedAtMs = nowMs;
    await deps.store.apiKeys.touch(
      cached.verified.keyId,
      new Date(nowMs).toISOString(),
      lastUsedNotAfter(nowMs),
    );
  }
  return cached.verified;
}

/** The key use cases bound to one store, clock and id source (what the admin API calls). */
export interface AdminApiKeys {
  createForUser(
    orgId: string,
    userId: string,
    input: CreateApiKeyInput & { readonly teamId?: string },
  ): Promise<CreatedApiKey>;
  createForTeam(orgId: string, teamId: string, input: CreateApiKeyInput): Promise<CreatedApiKey>;
  list(orgId: string, filter: Parameters<typeof listApiKeys>[2]): Promise<ApiKeyPage>;
  get(orgId: string, id: string): Promise<ApiKeyView>;
  revoke(orgId: string, id: string): Promise<ApiKeyView>;
}

export function createAdminApiKeys(deps: ApiKeyDeps): AdminApiKeys {
  return {
    createForUser: (orgId, userId, input) => createUserApiKey(deps, orgId, userId, input),
    createForTeam: (orgId, teamId, input) => createTeamApiKey(deps, orgId, teamId, input),
    list: (orgId, filter) => listApiKeys(deps, orgId, filter),
    get: (orgId, id) => getApiKey(deps, orgId, id),
    revoke: (orgId, id) => revokeApiKey(deps, orgId, id),
  };
}

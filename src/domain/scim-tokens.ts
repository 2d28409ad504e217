// SCIM bearer tokens: one per IdP connection, scoped to one organization. The token is shown once; only its SHA-256
// is stored, so a leaked database does not leak working credentials (docs/architecture.md, "Tokens and keys").
import { notFound } from '../scim/errors.js';
import {
  checkCredentialName,
  credentialPattern,
  DISPLAY_PREFIX_LENGTH,
  expiryAfter,
  generateCredential,
  hashCredential,
  isExpired,
  isSameHash,
  lastUsedNotAfter,
} from './credentials.js';
import { ensureOrganization } from './organizations.js';
import type { Clock, Ids, NewEvent, Organization, ScimTokenRecord, StoreTx } from './ports.js';
import { newEvent } from './record-changes.js';

export const SCIM_TOKEN_PREFIX = 'msk_';
const TOKEN_PATTERN = credentialPattern(SCIM_TOKEN_PREFIX);
export { LAST_USED_RESOLUTION_MS } from './credentials.js';

type TokenRepos = Pick<StoreTx, 'organizations' | 'scimTokens' | 'events'>;

/** The part of the Store token management needs (a full Store fits). */
export interface ScimTokenStore extends TokenRepos {
  transaction<T>(fn: (tx: TokenRepos) => Promise<T>): Promise<T>;
  read<T>(fn: (tx: TokenRepos) => Promise<T>): Promise<T>;
}

export interface ScimTokenDeps {
  readonly store: ScimTokenStore;
  readonly clock: Clock;
  readonly ids: Ids;
  /** The serving process's cache of verified tokens; revocation through these deps clears it. */
  readonly authCache?: ScimTokenAuthCache;
}

/** How long a verified token is trusted without asking the database again (revocation by another process). */
export const AUTH_CACHE_MS = 1_000;

interface CachedToken {
  record: ScimTokenRecord;
  readonly org: Organization;
  readonly until: number;
}

/**
 * Verified tokens by hash, so an IdP's steady stream of requests costs no token lookup. An entry is trusted for
 * AUTH_CACHE_MS at most; expiry is still checked on every request, and a revocation in this process clears the cache
 * at once. A revocation by another process (the CLI, another instance) clears it when its announcement arrives
 * (PostgreSQL), and takes effect within AUTH_CACHE_MS without one. A token read while the cache was cleared is not
 * stored: it may be the row as it was before the revocation.
 */
export class ScimTokenAuthCache {
  readonly #entries = new Map<string, CachedToken>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  #generation = 0;

  /** `ttlMs`: how long an entry is trusted (AUTH_CACHE_MS; tests raise it to see invalidation at work). */
  constructor(maxEntries = 10_000, ttlMs = AUTH_CACHE_MS) {
    this.#maxEntries = maxEntries;
    this.#ttlMs = ttlMs;
  }

  /** Take before reading the database; pass to set() with what was read. */
  get generation(): number {
    return this.#generation;
  }

  get(hash: string, nowMs: number): CachedToken | undefined {
    const entry = this.#entries.get(hash);
    if (entry === undefined) return undefined;
    if (entry.until <= nowMs) {
      this.#entries.delete(hash);
      return undefined;
    }
    return entry;
  }

  /** Stores the token only when the cache was not cleared since `generation` was taken. */
  set(hash: string, record: ScimTokenRecord, org: Organization, nowMs: number, generation: number): void {
    if (generation !== this.#generation) return;
    // Entries are few (one per IdP connection); the bound only keeps a flood of distinct valid tokens finite.
    if (this.#entries.size >= this.#maxEntries) this.#entries.clear();
    this.#entries.set(hash, { record, org, until: nowMs + this.#ttlMs });
  }

  clear(): void {
    this.#generation += 1;
    this.#entries.clear();
  }
}

export interface CreateScimTokenInput {
  readonly orgSlug: string;
  /** What the token is for, usually the IdP (`okta`, `entra-prod`). */
  readonly name: string;
  /** Whole days from now; absent → never expires. */
  readonly expiresInDays?: number;
}

export interface CreatedScimToken {
  readonly record: ScimTokenRecord;
  /** The bearer token itself. Returned once, never stored. */
  readonly token: string;
  readonly organization: Organization;
}

export interface ScimTokenListing extends ScimTokenRecord {
  readonly orgSlug: string;
}

export type RevokeScimTokenResult =
  | { readonly kind: 'revoked'; readonly record: ScimTokenRecord }
  | { readonly kind: 'already-revoked'; readonly record: ScimTokenRecord };

export interface ScimTokenPrincipal {
  readonly orgId: string;
  readonly orgSlug: string;
  readonly tokenId: string;
}

function tokenEvent(
  ids: Ids,
  type: 'scim_token.created' | 'scim_token.revoked',
  record: ScimTokenRecord,
): NewEvent {
  return newEvent(ids, {
    type,
    resourceType: 'scim_token',
    resourceId: record.id,
    data: { id: record.id, name: record.name, displayPrefix: record.displayPrefix },
  });
}

/** Lowercase hex SHA-256 of the whole token string: the stored form and the lookup key. */
export const hashScimToken = hashCredential;

export function generateScimToken(): string {
  return generateCredential(SCIM_TOKEN_PREFIX);
}

/** Creates the organization when it does not exist yet, then a token for it. */
export async function createScimToken(
  deps: ScimTokenDeps,
  input: CreateScimTokenInput,
): Promise<CreatedScimToken> {
  const { store, clock, ids } = deps;
  const name = checkCredentialName(input.name, 'token');
  const now = clock.now();
  const expiry = expiryAfter(now, input.expiresInDays);
  const token = generateScimToken();
  return store.transaction(async (tx) => {
    const organization = await ensureOrganization(tx, clock, ids, input.orgSlug);
    const record: ScimTokenRecord = {
      id: ids.newId(),
      orgId: organization.id,
      name,
      tokenHash: hashScimToken(token),
      displayPrefix: token.slice(0, DISPLAY_PREFIX_LENGTH),
      createdAt: now.toISOString(),
      expiresAt: expiry,
      lastUsedAt: null,
      revokedAt: null,
    };
    await tx.scimTokens.insert(record);
    await tx.events.append(
      organization.id,
      [tokenEvent(ids, 'scim_token.created', record)],
      record.createdAt,
    );
    return { record, token, organization };
  });
}

/** Tokens of one organization (or of all when `orgSlug` is absent), oldest first. */
export async function listScimTokens(
  deps: Pick<ScimTokenDeps, 'store'>,
  filter: { readonly orgSlug?: string } = {},
): Promise<readonly ScimTokenListing[]> {
  const { store } = deps;
  const orgs = await store.organizations.list();
  const slugs = new Map(orgs.map((o) => [o.id, o.slug]));
  let orgId: string | undefined;
  if (filter.orgSlug !== undefined) {
    orgId = orgs.find((o) => o.slug === filter.orgSlug)?.id;
    if (orgId === undefined) throw notFound(`organization ${JSON.stringify(filter.orgSlug)} does not exist`);
  }
  const records = await store.scimTokens.list(orgId);
  return records.map((r) => ({ ...r, orgSlug: slugs.get(r.orgId) ?? r.orgId }));
}

/** Idempotent: revoking a revoked token reports it and changes nothing. Unknown id → 404. */
export async function revokeScimToken(
  deps: Pick<ScimTokenDeps, 'store' | 'clock' | 'ids' | 'authCache'>,
  id: string,
): Promise<RevokeScimTokenResult> {
  const { store, clock } = deps;
  const result = await store.transaction(async (tx): Promise<RevokeScimTokenResult> => {
    const record = (await tx.scimTokens.list(undefined)).find((r) => r.id === id);
    if (record === undefined) throw notFound(`SCIM token ${JSON.stringify(id)} does not exist`);
    if (record.revokedAt !== null) return { kind: 'already-revoked', record };
    const at = clock.now().toISOString();
    await tx.scimTokens.revoke(id, at);
    await tx.events.append(record.orgId, [tokenEvent(deps.ids, 'scim_token.revoked', record)], at);
    return { kind: 'revoked', record: { ...record, revokedAt: at } };
  });
  // After the commit: a request racing the revocation could otherwise cache the token again from the old row.
  deps.authCache?.clear();
  return result;
}

/** The token row and its organization when `hash` is a live token's (not revoked, not expired), else undefined. */
async function findLiveToken(
  store: ScimTokenStore,
  hash: string,
  nowMs: number,
): Promise<{ record: ScimTokenRecord; org: Organization } | undefined> {
  const found = await store.read(async (tx) => {
    const record = await tx.scimTokens.findByHash(hash);
    if (record === undefined) return undefined;
    const org = await tx.organizations.findById(record.orgId);
    return org === undefined ? undefined : { record, org };
  });
  if (found === undefined) return undefined;
  if (!isSameHash(found.record.tokenHash, hash)) return undefined;
  return isLive(found.record, nowMs) ? found : undefined;
}

function isLive(record: ScimTokenRecord, nowMs: number): boolean {
  return record.revokedAt === null && !isExpired(record.expiresAt, nowMs);
}

/**
 * Bearer token → the organization it belongs to, or undefined when the token is malformed, unknown, revoked or
 * expired (the caller answers 401 alike for all, so nothing is learned about which).
 */
export async function authenticateScimToken(
  deps: Pick<ScimTokenDeps, 'store' | 'clock' | 'authCache'>,
  token: string,
): Promise<ScimTokenPrincipal | undefined> {
  const { store, clock, authCache } = deps;
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const hash = hashScimToken(token);
  const now = clock.now();
  const nowMs = now.getTime();
  const generation = authCache?.generation ?? 0;
  const cached = authCache?.get(hash, nowMs);
  // A cached entry is used only while its token is still live (it may have expired since it was cached).
  if (cached !== undefined && !isLive(cached.record, nowMs)) return undefined;
  const found = cached ?? (await findLiveToken(store, hash, nowMs));
  if (found === undefined) return undefined;

  const notAfter = lastUsedNotAfter(nowMs);
  // Checked here first so a token in steady use costs no write at all; the store re-checks (another process).
  if (found.record.lastUsedAt === null || found.record.lastUsedAt < notAfter) {
    const at = now.toISOString();
    await store.scimTokens.touch(found.record.id, at, notAfter);
    if (cached !== undefined) cached.record = { ...cached.record, lastUsedAt: at };
    else found.record = { ...found.record, lastUsedAt: at };
  }
  if (cached === undefined) authCache?.set(hash, found.record, found.org, nowMs, generation);
  return { orgId: found.org.id, orgSlug: found.org.slug, tokenId: found.record.id };
}

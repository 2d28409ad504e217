// Admin API keys (`mak_`): the credentials of /api/v1. An instance-wide key (no organization) manages every
// organization; a scoped key manages one. Like SCIM tokens the key is shown once and only its SHA-256 is stored
// (docs/architecture.md, "Tokens and keys").
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
import type { AdminKeyPrincipal } from './admin-principal.js';
import { ensureOrganization } from './organizations.js';
import type { AdminKeyRecord, Clock, Ids, Organization, StoreTx } from './ports.js';

export const ADMIN_KEY_PREFIX = 'mak_';
const KEY_PATTERN = credentialPattern(ADMIN_KEY_PREFIX);

type AdminKeyRepos = Pick<StoreTx, 'organizations' | 'adminKeys'>;

/** The part of the Store admin key management needs (a full Store fits). */
export interface AdminKeyStore extends AdminKeyRepos {
  transaction<T>(fn: (tx: AdminKeyRepos) => Promise<T>): Promise<T>;
}

export interface AdminKeyDeps {
  readonly store: AdminKeyStore;
  readonly clock: Clock;
  readonly ids: Ids;
}

export interface CreateAdminKeyInput {
  /** Who or what uses the key (`terraform`, `alice laptop`). */
  readonly name: string;
  /** Absent → instance-wide. Present → scoped to this organization, created when missing. */
  readonly orgSlug?: string;
  /** Whole days from now; absent → never expires. */
  readonly expiresInDays?: number;
}

export interface CreatedAdminKey {
  readonly record: AdminKeyRecord;
  /** The key itself. Returned once, never stored. */
  readonly key: string;
  /** The organization of a scoped key; null for an instance-wide key. */
  readonly organization: Organization | null;
}

export interface AdminKeyListing extends AdminKeyRecord {
  /** null: instance-wide. */
  readonly orgSlug: string | null;
}

export type RevokeAdminKeyResult =
  | { readonly kind: 'revoked'; readonly record: AdminKeyRecord }
  | { readonly kind: 'already-revoked'; readonly record: AdminKeyRecord };

export type { AdminPrincipal } from './admin-principal.js';

export async function createAdminKey(
  deps: AdminKeyDeps,
  input: CreateAdminKeyInput,
): Promise<CreatedAdminKey> {
  const { store, clock, ids } = deps;
  const name = checkCredentialName(input.name, 'admin key');
  const now = clock.now();
  const expiresAt = expiryAfter(now, input.expiresInDays);
  const key = generateCredential(ADMIN_KEY_PREFIX);
  const { orgSlug } = input;
  return store.transaction(async (tx) => {
    const organization = orgSlug === undefined ? null : await ensureOrganization(tx, clock, ids, orgSlug);
    const record: AdminKeyRecord = {
      id: ids.newId(),
      orgId: organization?.id ?? null,
      name,
      keyHash: hashCredential(key),
      displayPrefix: key.slice(0, DISPLAY_PREFIX_LENGTH),
      createdAt: now.toISOString(),
      expiresAt,
      lastUsedAt: null,
      revokedAt: null,
    };
    await tx.adminKeys.insert(record);
    return { record, key, organization };
  });
}

/** Every admin key, oldest first, with its organization's slug. */
export async function listAdminKeys(deps: Pick<AdminKeyDeps, 'store'>): Promise<readonly AdminKeyListing[]> {
  const { store } = deps;
  const [orgs, keys] = await Promise.all([store.organizations.list(), store.adminKeys.list()]);
  const slugs = new Map(orgs.map((o) => [o.id, o.slug]));
  return keys.map((k) => ({ ...k, orgSlug: k.orgId === null ? null : (slugs.get(k.orgId) ?? k.orgId) }));
}

/** Idempotent: revoking a revoked key reports it and changes nothing. Unknown id → 404. */
export async function revokeAdminKey(
  deps: Pick<AdminKeyDeps, 'store' | 'clock'>,
  id: string,
): Promise<RevokeAdminKeyResult> {
  const { store, clock } = deps;
  return store.transaction(async (tx): Promise<RevokeAdminKeyResult> => {
    const record = await tx.adminKeys.get(id);
    if (record === undefined) throw notFound(`admin key ${JSON.stringify(id)} does not exist`);
    if (record.revokedAt !== null) return { kind: 'already-revoked', record };
    const at = clock.now().toISOString();
    await tx.adminKeys.revoke(id, at);
    return { kind: 'revoked', record: { ...record, revokedAt: at } };
  });
}

/**
 * Bearer key → principal, or undefined when the key is malformed, unknown, revoked or expired (the caller answers
 * 401 alike for all, so nothing is learned about which). No cache: admin calls are few, and a revocation by the CLI
 * then takes effect on the very next request.
 */
export async function authenticateAdminKey(
  deps: Pick<AdminKeyDeps, 'store' | 'clock'>,
  key: string,
): Promise<AdminKeyPrincipal | undefined> {
  const { store, clock } = deps;
  if (!KEY_PATTERN.test(key)) return undefined;
  const hash = hashCredential(key);
  const record = await store.adminKeys.findByHash(hash);
  if (record === undefined || !isSameHash(record.keyHash, hash)) return undefined;
  const now = clock.now();
  const nowMs = now.getTime();
  if (record.revokedAt !== null || isExpired(record.expiresAt, nowMs)) return undefined;
  const notAfter = lastUsedNotAfter(nowMs);
  // Checked here first so a key in steady use costs no write; the store re-checks (another process may write too).
  if (record.lastUsedAt === null || record.lastUsedAt < notAfter) {
    await store.adminKeys.touch(record.id, now.toISOString(), notAfter);
  }
  return { kind: 'admin_key', keyId: record.id, orgId: record.orgId };
}

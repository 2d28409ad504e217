// Console admin accounts: created by the CLI (with a password, or invited: created without one, with a one-time setup
// link for that email) or through the first-admin setup link printed at start-up while no admin exists. Setup links
// are `msu_` + 256 random bits, stored as SHA-256 only, valid 24 h and once. Passwords: password-hash.ts; sessions:
// admin-sessions.ts.
import { invalidValue, uniqueness } from '../scim/errors.js';
import { startSession, emailKeyOf, type AdminSessionDeps, type StartedSession } from './admin-sessions.js';
import { credentialPattern, generateCredential, hashCredential, isSameHash } from './credentials.js';
import { ensureOrganization } from './organizations.js';
import { checkPassword, hashPassword } from './password-hash.js';
import type { AdminSetupTokenRecord, AdminUserRecord, Clock, Ids, Organization, StoreTx } from './ports.js';

export const SETUP_TOKEN_PREFIX = 'msu_';
const SETUP_TOKEN_PATTERN = credentialPattern(SETUP_TOKEN_PREFIX);
const SETUP_TOKEN_LIFETIME_MS = 24 * 3_600_000;
/** RFC 5321 §4.5.3.1: a path is at most 256 octets including the angle brackets. */
const MAX_EMAIL_LENGTH = 254;

type AccountRepos = Pick<StoreTx, 'adminAccounts' | 'organizations'>;

/** The part of the Store accounts need (a full Store fits). */
export interface AdminAccountStore extends AccountRepos {
  transaction<T>(fn: (tx: AccountRepos) => Promise<T>): Promise<T>;
}

export interface AdminAccountDeps {
  readonly store: AdminAccountStore;
  readonly clock: Clock;
  readonly ids: Ids;
}

export interface AdminUserListing extends AdminUserRecord {
  /** null: instance-wide. */
  readonly orgSlug: string | null;
}

export interface CreatedAdmin {
  readonly user: AdminUserRecord;
  readonly organization: Organization | null;
}

export interface InvitedAdmin extends CreatedAdmin {
  /** The setup token: shown once (in the setup URL), never stored. */
  readonly token: string;
}

export type SetupResult =
  | { readonly kind: 'created'; readonly session: StartedSession }
  | { readonly kind: 'invalid_token' }
  | { readonly kind: 'setup_done' }
  | { readonly kind: 'wrong_email' };

/** Trimmed; one `@` with something on both sides, no spaces. Deliverability is not this check's business. */
export function checkEmail(email: string): string {
  const trimmed = email.trim();
  if (trimmed.length > MAX_EMAIL_LENGTH || !/^[^\s@]+@[^\s@]+$/.test(trimmed)) {
    throw invalidValue(`${JSON.stringify(email)} is not an email address`);
  }
  return trimmed;
}

function newUser(
  ids: Ids,
  now: string,
  email: string,
  orgId: string | null,
  hash: string | null,
): AdminUserRecord {
  return {
    id: ids.newId(),
    orgId,
    email,
    emailKey: emailKeyOf(email),
    passwordHash: hash,
    createdAt: now,
    updatedAt: now,
    lastLoginAt: null,
  };
}

async function organizationFor(
  tx: AccountRepos,
  deps: AdminAccountDeps,
  orgSlug: string | undefined,
): Promise<Organization | null> {
  return orgSlug === undefined ? null : ensureOrganization(tx, deps.clock, deps.ids, orgSlug);
}

/** `muster admin create --password-stdin`. A taken email (any case) → 409 uniqueness. */
export async function createAdminUser(
  deps: AdminAccountDeps,
  input: { readonly email: string; readonly password: string; readonly orgSlug?: string },
): Promise<CreatedAdmin> {
  const email = checkEmail(input.email);
  checkPassword(input.password);
  const hash = await hashPassword(input.password);
  return deps.store.transaction(async (tx) => {
    const organization = await organizationFor(tx, deps, input.orgSlug);
    const user = newUser(deps.ids, deps.clock.now().toISOString(), email, organization?.id ?? null, hash);
    await tx.adminAccounts.insertUser(user);
    return { user, organization };
  });
}

function newSetupToken(deps: AdminAccountDeps, email: string | null) {
  const token = generateCredential(SETUP_TOKEN_PREFIX);
  const now = deps.clock.now();
  const record: AdminSetupTokenRecord = {
    id: deps.ids.newId(),
    tokenHash: hashCredential(token),
    email,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SETUP_TOKEN_LIFETIME_MS).toISOString(),
    usedAt: null,
  };
  return { token, record };
}

/**
 * `muster admin create` without a password: the admin without one, and a setup link that sets it. Inviting an admin
 * who has not set a password yet again gives a new link; an admin with a password → 409 uniqueness.
 */
export async function inviteAdmin(
  deps: AdminAccountDeps,
  input: { readonly email: string; readonly orgSlug?: string },
): Promise<InvitedAdmin> {
  const email = checkEmail(input.email);
  return deps.store.transaction(async (tx) => {
    const organization = await organizationFor(tx, deps, input.orgSlug);
    const existing = await tx.adminAccounts.findUserByEmailKey(emailKeyOf(email));
    if (
      existing !== undefined &&
      (existing.passwordHash !== null || existing.orgId !== (organization?.id ?? null))
    ) {
      throw uniqueness(`an admin with the email ${JSON.stringify(existing.email)} exists already`);
    }
    const user =
      existing ?? newUser(deps.ids, deps.clock.now().toISOString(), email, organization?.id ?? null, null);
    if (existing === undefined) await tx.adminAccounts.insertUser(user);
    const { token, record } = newSetupToken(deps, user.email);
    await tx.adminAccounts.insertSetupToken(record);
    return { user, token, organization };
  });
}

/** While no admin exists: a new first-admin setup token (each start-up prints a fresh one). Else undefined. */
export async function ensureSetupToken(deps: AdminAccountDeps): Promise<string | undefined> {
  return deps.store.transaction(async (tx) => {
    if (await tx.adminAccounts.hasUsers()) return undefined;
    const { token, record } = newSetupToken(deps, null);
    await tx.adminAccounts.insertSetupToken(record);
    return token;
  });
}

export async function isSetupRequired(deps: Pick<AdminAccountDeps, 'store'>): Promise<boolean> {
  return !(await deps.store.adminAccounts.hasUsers());
}

/** Every admin, oldest first, with its organization's slug. */
export async function listAdminUsers(
  deps: Pick<AdminAccountDeps, 'store'>,
): Promise<readonly AdminUserListing[]> {
  const [orgs, users] = await Promise.all([
    deps.store.organizations.list(),
    deps.store.adminAccounts.listUsers(),
  ]);
  const slugs = new Map(orgs.map((o) => [o.id, o.slug]));
  return users.map((u) => ({ ...u, orgSlug: u.orgId === null ? null : (slugs.get(u.orgId) ?? u.orgId) }));
}

type TokenVerdict =
  | { readonly kind: 'usable'; readonly record: AdminSetupTokenRecord; readonly invited?: AdminUserRecord }
  | Exclude<SetupResult, { kind: 'created' }>;

async function judgeToken(
  tx: Pick<StoreTx, 'adminAccounts'>,
  token: string,
  emailKey: string,
  nowMs: number,
): Promise<TokenVerdict> {
  if (!SETUP_TOKEN_PATTERN.test(token)) return { kind: 'invalid_token' };
  const hash = hashCredential(token);
  const record = await tx.adminAccounts.findSetupTokenByHash(hash);
  if (record === undefined || !isSameHash(record.tokenHash, hash)) return { kind: 'invalid_token' };
  if (record.usedAt !== null || Date.parse(record.expiresAt) <= nowMs) return { kind: 'invalid_token' };
  if (record.email === null) {
    // The first-admin token creates the first admin only; later admins are invited (CLI) by email.
    return (await tx.adminAccounts.hasUsers()) ? { kind: 'setup_done' } : { kind: 'usable', record };
  }
  if (emailKeyOf(record.email) !== emailKey) return { kind: 'wrong_email' };
  // The invited admin must still be waiting for a password (not deleted, not set up another way meanwhile).
  const invited = await tx.adminAccounts.findUserByEmailKey(emailKey);
  if (invited?.passwordHash !== null) return { kind: 'invalid_token' };
  return { kind: 'usable', record, invited };
}

/**
 * Setup link + email + password → the admin (created, or the invited one given its password) and a session, in one
 * transaction, so the token is used at most once whatever two requests do. The token is judged before the password is
 * hashed (a bad link costs no scrypt), and again inside the transaction.
 */
export async function completeSetup(
  deps: AdminAccountDeps & Pick<AdminSessionDeps, 'policy'>,
  input: { readonly token: string; readonly email: string; readonly password: string },
): Promise<SetupResult> {
  const email = checkEmail(input.email);
  const emailKey = emailKeyOf(email);
  const first = await judgeToken(deps.store, input.token, emailKey, deps.clock.now().getTime());
  if (first.kind !== 'usable') return first;
  checkPassword(input.password);
  const hash = await hashPassword(input.password);
  return deps.store.transaction(async (tx): Promise<SetupResult> => {
    const now = deps.clock.now();
    const at = now.toISOString();
    const verdict = await judgeToken(tx, input.token, emailKey, now.getTime());
    if (verdict.kind !== 'usable') return verdict;
    if (!(await tx.adminAccounts.useSetupToken(verdict.record.id, at))) return { kind: 'invalid_token' };
    let user: AdminUserRecord;
    if (verdict.invited === undefined) {
      user = newUser(deps.ids, at, email, null, hash);
      await tx.adminAccounts.insertUser(user);
    } else {
      user = { ...verdict.invited, passwordHash: hash, updatedAt: at };
      await tx.adminAccounts.setPassword(user.id, hash, at);
    }
    return { kind: 'created', session: await startSession(tx.adminAccounts, deps, user, now) };
  });
}

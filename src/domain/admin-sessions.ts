// Console sessions (`mss_` + 256 random bits, only the SHA-256 stored): sign-in with email and password, the check of
// every request's session (absolute lifetime, idle timeout, revocation, the admin still existing) and sign-out.
// The CSRF token of a session is derived from its token, so nothing more is stored for it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ConsolePrincipal } from './admin-principal.js';
import {
  credentialPattern,
  generateCredential,
  hashCredential,
  isSameHash,
  lastUsedNotAfter,
} from './credentials.js';
import type { LoginThrottle } from './login-throttle.js';
import { decoyPasswordHash, verifyPassword } from './password-hash.js';
import type { AdminAccountRepo, AdminUserRecord, Clock, Ids, SsoRole, StoreTx } from './ports.js';

export const SESSION_PREFIX = 'mss_';
const SESSION_PATTERN = credentialPattern(SESSION_PREFIX);
const CSRF_CONTEXT = 'muster-csrf';

export interface AdminSessionPolicy {
  /** A session ends this long after sign-in, however it is used. */
  readonly absoluteMs: number;
  /** A session ends after this long without a request. */
  readonly idleMs: number;
}

export const DEFAULT_SESSION_POLICY: AdminSessionPolicy = {
  absoluteMs: 12 * 3_600_000,
  idleMs: 120 * 60_000,
};

type AccountRepos = Pick<StoreTx, 'adminAccounts' | 'sso'>;

export interface AdminSessionDeps {
  readonly store: AccountRepos & { transaction<T>(fn: (tx: AccountRepos) => Promise<T>): Promise<T> };
  readonly clock: Clock;
  readonly ids: Ids;
  readonly policy: AdminSessionPolicy;
}

/** A session as the console sees it: who, its CSRF token and when it ends at the latest. */
export interface AdminSessionView {
  /** Who signed in: an admin account, or (SSO) the user, whose id is then `userId` too. */
  readonly admin: { readonly id: string; readonly email: string; readonly orgId: string | null };
  /** Password sign-ins are admins; an SSO sign-in's role comes from its group → role mapping. */
  readonly role: SsoRole;
  readonly signedInWith: 'password' | 'oidc' | 'saml';
  /** The user a SSO sign-in linked to; null for an admin account. */
  readonly userId: string | null;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

export interface StartedSession extends AdminSessionView {
  /** The session token (the cookie's value). Returned once, never stored. */
  readonly token: string;
}

export interface ActiveSession extends AdminSessionView {
  readonly sessionId: string;
  readonly principal: ConsolePrincipal;
}

export type LoginResult =
  | { readonly kind: 'signed_in'; readonly session: StartedSession }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number };

/** base64url(HMAC-SHA256(key = session token, "muster-csrf")). */
export function csrfTokenOf(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update(CSRF_CONTEXT).digest('base64url');
}

/** Constant time whatever the presented value. */
export function isCsrfTokenOf(sessionToken: string, presented: string): boolean {
  const expected = Buffer.from(csrfTokenOf(sessionToken));
  const actual = Buffer.from(presented);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function viewOf(user: AdminUserRecord, token: string, expiresAt: string): AdminSessionView {
  return {
    admin: { id: user.id, email: user.email, orgId: user.orgId },
    role: 'admin',
    signedInWith: 'password',
    userId: null,
    csrfToken: csrfTokenOf(token),
    expiresAt,
  };
}

/** Inside the caller's transaction: a new session for `user`, who is recorded as signed in now. */
export async function startSession(
  repo: AdminAccountRepo,
  deps: Pick<AdminSessionDeps, 'ids' | 'policy'>,
  user: AdminUserRecord,
  now: Date,
): Promise<StartedSession> {
  const token = generateCredential(SESSION_PREFIX);
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + deps.policy.absoluteMs).toISOString();
  await repo.insertSession({
    id: deps.ids.newId(),
    adminUserId: user.id,
    tokenHash: hashCredential(token),
    createdAt: at,
    expiresAt,
    lastSeenAt: at,
    revokedAt: null,
  });
  await repo.recordLogin(user.id, at);
  return { ...viewOf(user, token, expiresAt), token };
}

/** The email as accounts are keyed: trimmed and lower-cased. */
export function emailKeyOf(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Email + password → a new session. A wrong password and an unknown email answer alike and take alike long: an
 * unknown email (or an account without a password yet) is checked against a decoy hash, one scrypt either way.
 */
export async function login(
  deps: AdminSessionDeps & { readonly throttle: LoginThrottle },
  input: { readonly email: string; readonly password: string; readonly client: string },
): Promise<LoginResult> {
  const { store, clock, throttle } = deps;
  const emailKey = emailKeyOf(input.email);
  // Counted as a failure until it succeeds, so concurrent guesses cannot all get past the limit.
  const retryAfterSeconds = throttle.begin(emailKey, input.client);
  if (retryAfterSeconds !== undefined) return { kind: 'throttled', retryAfterSeconds };
  const user = await store.adminAccounts.findUserByEmailKey(emailKey);
  const stored = user?.passwordHash ?? null;
  const matches = await verifyPassword(input.password, stored ?? decoyPasswordHash());
  if (user === undefined || stored === null || !matches) return { kind: 'invalid' };
  throttle.succeeded(emailKey, input.client);
  const session = await store.transaction((tx) => startSession(tx.adminAccounts, deps, user, clock.now()));
  return { kind: 'signed_in', session };
}

/**
 * Session token → the session, or undefined when malformed, unknown, signed out, past its lifetime, idle too long,
 * or its admin is gone (the caller answers 401 alike). last_seen_at is written at most once a minute.
 */
export async function authenticateSession(
  deps: Pick<AdminSessionDeps, 'store' | 'clock' | 'policy'>,
  token: string,
): Promise<ActiveSession | undefined> {
  const { store, clock, policy } = deps;
  if (!SESSION_PATTERN.test(token)) return undefined;
  const hash = hashCredential(token);
  const found = await store.adminAccounts.findSessionByHash(hash);
  if (found === undefined || !isSameHash(found.session.tokenHash, hash)) return undefined;
  const { session, user } = found;
  const now = clock.now();
  const nowMs = now.getTime();
  if (session.revokedAt !== null) return undefined;
  if (Date.parse(session.expiresAt) <= nowMs) return undefined;
  if (nowMs - Date.parse(session.lastSeenAt) >= policy.idleMs) return undefined;
  const notAfter = lastUsedNotAfter(nowMs);
  if (session.lastSeenAt < notAfter) {
    await store.adminAccounts.touchSession(session.id, now.toISOString(), notAfter);
  }
  return {
    ...viewOf(user, token, session.expiresAt),
    sessionId: session.id,
    principal: { kind: 'admin_user', adminUserId: user.id, email: user.email, orgId: user.orgId },
  };
}

/** Sign-out: the session stops working at once, in every process (no cache). */
export async function endSession(
  deps: Pick<AdminSessionDeps, 'store' | 'clock'>,
  sessionId: string,
): Promise<void> {
  await deps.store.adminAccounts.revokeSession(sessionId, deps.clock.now().toISOString());
}

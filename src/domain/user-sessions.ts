// Sessions of users who signed in through their organization's IdP (`mus_` + 256 random bits, only the SHA-256
// stored). Same cookie, lifetime, idle timeout and CSRF derivation as an admin account's session (admin-sessions.ts);
// they differ in whom they name (a user of one organization) and how they end: SCIM deprovisioning the user revokes
// them in its own transaction (record-changes.ts), and a user who is inactive or gone is refused on every request.
import type { ActiveSession, AdminSessionPolicy } from './admin-sessions.js';
import { csrfTokenOf } from './admin-sessions.js';
import {
  credentialPattern,
  generateCredential,
  hashCredential,
  isSameHash,
  lastUsedNotAfter,
} from './credentials.js';
import type { Clock, Ids, SsoConnectionRecord, SsoRepo, SsoRole, UserRecord } from './ports.js';

export const USER_SESSION_PREFIX = 'mus_';
const USER_SESSION_PATTERN = credentialPattern(USER_SESSION_PREFIX);

/** The email a console shows for a user: the primary one, else the first, else the userName. */
export function contactOf(user: UserRecord): string {
  const emails = user.data['emails'];
  if (Array.isArray(emails)) {
    const values = emails.flatMap((e) =>
      typeof e === 'object' && e !== null && !Array.isArray(e) && typeof e['value'] === 'string'
        ? [{ value: e['value'], primary: e['primary'] === true }]
        : [],
    );
    const chosen = values.find((e) => e.primary) ?? values[0];
    if (chosen !== undefined) return chosen.value;
  }
  return user.userName;
}

export interface StartedUserSession {
  /** The session token (the cookie's value). Returned once, never stored. */
  readonly token: string;
  readonly expiresAt: string;
}

/** Inside the sign-in's transaction: a new session of `user` through `connection` with `role`. */
export async function startUserSession(
  repo: SsoRepo,
  deps: { readonly ids: Ids; readonly policy: AdminSessionPolicy },
  input: {
    readonly user: UserRecord;
    readonly connection: SsoConnectionRecord;
    readonly role: SsoRole;
    readonly now: Date;
  },
): Promise<StartedUserSession> {
  const token = generateCredential(USER_SESSION_PREFIX);
  const at = input.now.toISOString();
  const expiresAt = new Date(input.now.getTime() + deps.policy.absoluteMs).toISOString();
  await repo.insertSession({
    id: deps.ids.newId(),
    orgId: input.user.orgId,
    userId: input.user.id,
    connectionId: input.connection.id,
    role: input.role,
    tokenHash: hashCredential(token),
    createdAt: at,
    expiresAt,
    lastSeenAt: at,
    revokedAt: null,
  });
  return { token, expiresAt };
}

export function isUserSessionToken(token: string): boolean {
  return token.startsWith(USER_SESSION_PREFIX);
}

/**
 * Session token → the session, or undefined when malformed, unknown, signed out, revoked by deprovisioning, past its
 * lifetime, idle too long, or its user is inactive or deleted. last_seen_at is written at most once a minute.
 */
export async function authenticateUserSession(
  deps: {
    readonly store: { readonly sso: SsoRepo };
    readonly clock: Clock;
    readonly policy: AdminSessionPolicy;
  },
  token: string,
): Promise<ActiveSession | undefined> {
  const { store, clock, policy } = deps;
  if (!USER_SESSION_PATTERN.test(token)) return undefined;
  const hash = hashCredential(token);
  const found = await store.sso.findSessionByHash(hash);
  if (found === undefined || !isSameHash(found.session.tokenHash, hash)) return undefined;
  const { session, user, via } = found;
  const now = clock.now();
  const nowMs = now.getTime();
  if (session.revokedAt !== null || !user.active) return undefined;
  if (Date.parse(session.expiresAt) <= nowMs) return undefined;
  if (nowMs - Date.parse(session.lastSeenAt) >= policy.idleMs) return undefined;
  const notAfter = lastUsedNotAfter(nowMs);
  if (session.lastSeenAt < notAfter) await store.sso.touchSession(session.id, now.toISOString(), notAfter);
  const email = contactOf(user);
  return {
    admin: { id: user.id, email, orgId: user.orgId },
    role: session.role,
    signedInWith: via,
    userId: user.id,
    csrfToken: csrfTokenOf(token),
    expiresAt: session.expiresAt,
    sessionId: session.id,
    principal: { kind: 'sso_user', userId: user.id, email, orgId: user.orgId, role: session.role },
  };
}

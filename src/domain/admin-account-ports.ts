// Ports of console sign-in: admin users, their sessions and setup tokens (re-exported by ports.ts). These belong to
// the instance, like admin keys: no method takes an organization id; org_id says what an admin may manage.

/** A person who signs in to the console. orgId null: instance-wide (every organization). */
export interface AdminUserRecord {
  readonly id: string;
  readonly orgId: string | null;
  /** As given at creation (trimmed). */
  readonly email: string;
  /** email lower-cased: the unique key sign-in looks the account up by. */
  readonly emailKey: string;
  /** Self-describing scrypt hash (password-hash.ts); null until a password is set. */
  readonly passwordHash: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly lastLoginAt: string | null;
}

export interface AdminSessionRecord {
  readonly id: string;
  readonly adminUserId: string;
  /** Lowercase hex SHA-256 of the session token. The token itself is never stored. */
  readonly tokenHash: string;
  readonly createdAt: string;
  /** Absolute end of the session, whatever its use. */
  readonly expiresAt: string;
  /** Written at most once a minute: the idle timeout counts from it. */
  readonly lastSeenAt: string;
  readonly revokedAt: string | null;
}

export interface AdminSetupTokenRecord {
  readonly id: string;
  readonly tokenHash: string;
  /**
   * The invited admin (created without a password) whose password the token sets; null: the first-admin token, usable
   * while no admin exists.
   */
  readonly email: string | null;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly usedAt: string | null;
}

export interface AdminAccountRepo {
  /** Throws ScimError uniqueness (409) when the email (any case) has an account already. */
  insertUser(user: AdminUserRecord): Promise<void>;
  getUser(id: string): Promise<AdminUserRecord | undefined>;
  findUserByEmailKey(emailKey: string): Promise<AdminUserRecord | undefined>;
  /** Oldest first. */
  listUsers(): Promise<readonly AdminUserRecord[]>;
  hasUsers(): Promise<boolean>;
  setPassword(id: string, passwordHash: string, at: string): Promise<void>;
  recordLogin(id: string, at: string): Promise<void>;
  /** Its sessions go with it. */
  deleteUser(id: string): Promise<boolean>;

  insertSession(session: AdminSessionRecord): Promise<void>;
  /** The session and its admin, read together: a session whose admin is gone is not found. */
  findSessionByHash(
    tokenHash: string,
  ): Promise<{ readonly session: AdminSessionRecord; readonly user: AdminUserRecord } | undefined>;
  /** Sets last_seen_at only when it is older than `notAfter` (at most one write per session per minute). */
  touchSession(id: string, at: string, notAfter: string): Promise<void>;
  revokeSession(id: string, at: string): Promise<boolean>;
  /**
   * Deletes at most `limit` sessions, oldest expiry first, that expired or were revoked before `endedBefore` or were
   * last seen before `lastSeenBefore`; resolves with how many.
   */
  deleteEndedSessions(
    cutoffs: { readonly endedBefore: string; readonly lastSeenBefore: string },
    limit: number,
  ): Promise<number>;

  insertSetupToken(token: AdminSetupTokenRecord): Promise<void>;
  findSetupTokenByHash(tokenHash: string): Promise<AdminSetupTokenRecord | undefined>;
  /** Marks the token used unless it was already: false means another request used it first. */
  useSetupToken(id: string, at: string): Promise<boolean>;
  /** Deletes at most `limit` setup tokens used or expired before `before`; resolves with how many. */
  deleteSpentSetupTokens(before: string, limit: number): Promise<number>;
}

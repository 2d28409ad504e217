// Ports of SSO sign-in (re-exported by ports.ts): an organization's connections to its IdP, the IdP subjects linked
// to users, the sessions of users who signed in, pending sign-ins and the SAML assertions already used.
import type { JsonObject } from '../shared/json.js';
import type { UserRecord } from './ports.js';

export type SsoKind = 'oidc' | 'saml';

/** What a signed-in user may do: `admin` manages the organization in the console, `member` sees their own account. */
export type SsoRole = 'admin' | 'member';

export interface SsoConnectionRecord {
  readonly id: string;
  readonly orgId: string;
  readonly kind: SsoKind;
  readonly enabled: boolean;
  /** The readable settings (sso-settings.ts validates them); never a secret. */
  readonly settings: JsonObject;
  /** OIDC client secret, in clear because the token endpoint needs it; never returned by the API. */
  readonly clientSecret: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** An IdP subject linked to a user: how every later sign-in of that person finds the user. */
export interface UserIdentityRecord {
  readonly id: string;
  readonly orgId: string;
  readonly userId: string;
  readonly connectionId: string;
  readonly subject: string;
  readonly createdAt: string;
  readonly lastLoginAt: string | null;
}

export interface UserSessionRecord {
  readonly id: string;
  readonly orgId: string;
  readonly userId: string;
  readonly connectionId: string;
  readonly role: SsoRole;
  /** Lowercase hex SHA-256 of the session token. */
  readonly tokenHash: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly lastSeenAt: string;
  readonly revokedAt: string | null;
}

/** A sign-in sent to the IdP and not yet answered. */
export interface SsoLoginRequestRecord {
  /** OIDC: the state; SAML: the AuthnRequest ID. */
  readonly id: string;
  readonly connectionId: string;
  /** SHA-256 of the browser-binding cookie's value (OIDC); null for SAML. */
  readonly browserHash: string | null;
  readonly nonce: string | null;
  readonly codeVerifier: string | null;
  readonly next: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** A team a reported IdP group names: by its externalId (Entra's object id) or its displayName (Okta's group name). */
export interface SignInTeamMatch {
  readonly id: string;
  readonly externalId: string | null;
  readonly displayName: string;
}

export interface SsoRepo {
  getConnection(orgId: string, kind: SsoKind): Promise<SsoConnectionRecord | undefined>;
  listConnections(orgId: string): Promise<readonly SsoConnectionRecord[]>;
  /** Inserts or replaces the organization's connection of that kind (id and createdAt of an existing one stay). */
  saveConnection(connection: SsoConnectionRecord): Promise<SsoConnectionRecord>;
  /** Its identities, sessions and pending sign-ins go with it. */
  deleteConnection(orgId: string, kind: SsoKind): Promise<boolean>;

  findIdentity(connectionId: string, subject: string): Promise<UserIdentityRecord | undefined>;
  /** False when the subject is linked already (a concurrent first sign-in won). */
  insertIdentity(identity: UserIdentityRecord): Promise<boolean>;
  touchIdentity(id: string, at: string): Promise<void>;
  /** Points a link whose user was deleted at the user SCIM created again for the same person. */
  relinkIdentity(id: string, userId: string): Promise<void>;
  identitiesOf(orgId: string, userId: string): Promise<readonly UserIdentityRecord[]>;

  /** Users of the org whose externalId is one of `values`. */
  usersByExternalId(orgId: string, values: readonly string[]): Promise<readonly UserRecord[]>;
  /** Users of the org whose userName or any email equals `email`, case-insensitively (at most `limit`). */
  usersByEmail(orgId: string, email: string, limit: number): Promise<readonly UserRecord[]>;
  /** Teams whose externalId is one of `refs` or whose displayName equals one, case-insensitively. */
  teamsForGroups(orgId: string, refs: readonly string[]): Promise<readonly SignInTeamMatch[]>;
  /** Adds the user to each team as a sign-in membership; an existing membership (SCIM's or not) is left alone. */
  addSignInMemberships(
    orgId: string,
    userId: string,
    teamIds: readonly string[],
    at: string,
  ): Promise<readonly string[]>;
  /** Removes the user's sign-in memberships in teams outside `keepTeamIds`; returns those teams' ids. */
  removeSignInMemberships(
    orgId: string,
    userId: string,
    keepTeamIds: readonly string[],
  ): Promise<readonly string[]>;

  insertLoginRequest(request: SsoLoginRequestRecord): Promise<void>;
  /**
   * Deletes and returns the pending sign-in, if its browser binding is `browserHash` (null: one without, SAML's): each
   * can be answered once, by the browser that started it.
   */
  takeLoginRequest(id: string, browserHash: string | null): Promise<SsoLoginRequestRecord | undefined>;
  /** Records a SAML assertion as used; false when it was already (a replay). */
  useSamlAssertion(connectionId: string, assertionId: string, expiresAt: string): Promise<boolean>;

  insertSession(session: UserSessionRecord): Promise<void>;
  /** The session, its user and its connection's kind: a session whose user is gone is not found. */
  findSessionByHash(
    tokenHash: string,
  ): Promise<
    { readonly session: UserSessionRecord; readonly user: UserRecord; readonly via: SsoKind } | undefined
  >;
  touchSession(id: string, at: string, notAfter: string): Promise<void>;
  revokeSession(id: string, at: string): Promise<boolean>;
  /** Ends the connection's live sessions (of one role, or all with null); resolves with how many. */
  revokeConnectionSessions(connectionId: string, at: string, role: SsoRole | null): Promise<number>;
  /** Ends every live session of the user; resolves with how many. */
  revokeSessionsOf(orgId: string, userId: string, at: string): Promise<number>;
  /** Deletes at most `limit` ended sessions, expired login requests and used assertions past their expiry. */
  deleteEnded(
    cutoffs: { readonly endedBefore: string; readonly lastSeenBefore: string },
    limit: number,
  ): Promise<number>;

  memberApiKeysAllowed(orgId: string): Promise<boolean>;
  setMemberApiKeysAllowed(orgId: string, allowed: boolean): Promise<void>;
}

// Completing an SSO sign-in once the IdP's answer is verified (OIDC tokens, SAML assertion): find the user, check they
// may sign in, sync their teams from the reported groups and start their session, all in one transaction.
//
// Linking never trusts an email on its own (a look-alike or unverified address must not take over an account):
//   1. the IdP subject linked before (user_identities);
//   2. a user whose SCIM externalId is the subject (Okta's user id, Entra's object id when mapped so);
//   3. the email, only when the admin enabled it and the IdP says it is verified, and only if exactly one user has it;
//   4. otherwise a new user when the connection may create users, unless the name is taken by an unlinked user.
// A subject whose user SCIM deleted stays linked to nothing: its sign-ins are refused, never given a new account.
import type { AdminSessionPolicy } from './admin-sessions.js';
import type { Clock, Ids, SsoConnectionRecord, StoreTx, UserRecord } from './ports.js';
import { recordUserChange, type ChangeScope } from './record-changes.js';
import type { SsoSettings } from './sso-settings.js';
import { roleOf, syncSignInGroups, type GroupSyncResult, type SignInGroup } from './sync-sign-in-groups.js';
import { startUserSession, type StartedUserSession } from './user-sessions.js';
import { toUserRecord } from './users.js';

/** What a verified IdP answer says about the person. */
export interface SignInIdentity {
  /** OIDC `sub`, SAML NameID. */
  readonly subject: string;
  /** Other stable ids the IdP sent that SCIM may have as externalId (Entra `oid`). */
  readonly alternateSubjects: readonly string[];
  readonly email: string | null;
  readonly emailVerified: boolean;
  readonly displayName: string | null;
  /** undefined: the IdP sent no groups claim (add-only changes nothing; full sync takes it as no groups). */
  readonly groups: readonly SignInGroup[] | undefined;
}

export type SignInRefusal =
  'not_provisioned' | 'deactivated' | 'ambiguous' | 'unlinked_user_exists' | 'disabled';

export type SignInResult =
  | {
      readonly kind: 'signed_in';
      readonly session: StartedUserSession;
      readonly user: UserRecord;
      readonly sync: GroupSyncResult | null;
      readonly role: GroupSyncResult['role'];
    }
  | { readonly kind: 'refused'; readonly reason: SignInRefusal; readonly message: string };

export interface SignInDeps {
  readonly store: { transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> };
  readonly clock: Clock;
  readonly ids: Ids;
  readonly policy: AdminSessionPolicy;
}

const refused = (reason: SignInRefusal, message: string): SignInResult => ({
  kind: 'refused',
  reason,
  message,
});

/** A user found for the sign-in; `identityId` when its subject is linked already (to this user). */
type Found = { readonly user: UserRecord; readonly identityId: string | null } | SignInResult;

function subjectsOf(identity: SignInIdentity): string[] {
  return [identity.subject, ...identity.alternateSubjects];
}

/** The one user whose SCIM externalId is a subject of this sign-in, or a refusal when several are. */
async function byExternalId(
  tx: StoreTx,
  orgId: string,
  identity: SignInIdentity,
): Promise<UserRecord | SignInResult | undefined> {
  const users = await tx.sso.usersByExternalId(orgId, subjectsOf(identity));
  if (users.length > 1)
    return refused('ambiguous', "More than one user has this sign-in's subject as externalId");
  return users[0];
}

/**
 * The user an email links to: exactly one with that userName or email, and only one this sign-in could be: not linked
 * to another subject of this connection, and with no externalId naming someone else. Otherwise a second IdP account
 * with the same (changed or added) address would take the user over.
 */
async function byEmail(
  tx: StoreTx,
  connection: SsoConnectionRecord,
  identity: SignInIdentity,
  email: string,
): Promise<UserRecord | SignInResult | undefined> {
  const users = await tx.sso.usersByEmail(connection.orgId, email, 2);
  if (users.length > 1) return refused('ambiguous', 'More than one user has this email address');
  const user = users[0];
  if (user === undefined) return undefined;
  const linked = await tx.sso.identitiesOf(connection.orgId, user.id);
  const otherExternalId = user.externalId !== null && !subjectsOf(identity).includes(user.externalId);
  if (otherExternalId || linked.some((i) => i.connectionId === connection.id)) {
    return refused(
      'unlinked_user_exists',
      `The user with email ${email} is linked to another account of this identity provider`,
    );
  }
  return user;
}

async function findUser(
  tx: StoreTx,
  connection: SsoConnectionRecord,
  settings: SsoSettings,
  identity: SignInIdentity,
): Promise<Found | undefined> {
  const orgId = connection.orgId;
  const linked = await tx.sso.findIdentity(connection.id, identity.subject);
  if (linked !== undefined) {
    const user = await tx.users.get(orgId, linked.userId);
    if (user !== undefined) return { user, identityId: linked.id };
    // Its user was deleted. SCIM may have created the person again (an IdP unassigning and reassigning them): the
    // link moves to that user. Otherwise the person stays refused, never given a new account.
    const again = await byExternalId(tx, orgId, identity);
    if (again === undefined) {
      return refused('deactivated', 'This user was deleted by the identity provider and cannot sign in');
    }
    if ('kind' in again) return again;
    await tx.sso.relinkIdentity(linked.id, again.id);
    return { user: again, identityId: linked.id };
  }
  const external = await byExternalId(tx, orgId, identity);
  if (external !== undefined) return 'kind' in external ? external : { user: external, identityId: null };
  if (settings.linkByEmail && identity.emailVerified && identity.email !== null) {
    const found = await byEmail(tx, connection, identity, identity.email);
    if (found !== undefined) return 'kind' in found ? found : { user: found, identityId: null };
  }
  return undefined;
}

/**
 * A new user for a sign-in no user matches. Named by the verified email, else the subject: never by
 * preferred_username or an unverified address, which the person may choose (OIDC Core §5.7) and so could claim a
 * name SCIM later matches a real account by.
 */
async function createUser(scope: ChangeScope, identity: SignInIdentity): Promise<UserRecord | SignInResult> {
  const email = identity.emailVerified ? identity.email : null;
  const userName = email ?? identity.subject;
  const taken = await scope.tx.sso.usersByEmail(scope.orgId, userName, 1);
  if (taken.length > 0) {
    return refused(
      'unlinked_user_exists',
      `A user named ${userName} exists but is not linked to this sign-in: give it the IdP's subject as externalId, or enable linking by verified email`,
    );
  }
  const data = {
    userName,
    active: true,
    ...(identity.displayName === null ? {} : { displayName: identity.displayName }),
    ...(email === null ? {} : { emails: [{ value: email, type: 'work', primary: true }] }),
  };
  const user = {
    ...toUserRecord(
      { id: scope.ids.newId(), orgId: scope.orgId, version: 1, createdAt: scope.at, updatedAt: scope.at },
      data,
    ),
    managedBy: 'sso' as const,
  };
  await scope.tx.users.insert(user);
  await recordUserChange(scope, undefined, user);
  return user;
}

/** Links, checks, syncs and starts the session: one transaction, so a refused sign-in changes nothing. */
export async function completeSignIn(
  deps: SignInDeps,
  input: {
    readonly connection: SsoConnectionRecord;
    readonly settings: SsoSettings;
    readonly identity: SignInIdentity;
  },
): Promise<SignInResult> {
  const { connection, settings, identity } = input;
  if (!connection.enabled) return refused('disabled', 'Sign-in with this identity provider is turned off');
  return deps.store.transaction(async (tx) => {
    const now = deps.clock.now();
    const scope: ChangeScope = { tx, orgId: connection.orgId, at: now.toISOString(), ids: deps.ids };
    const found = await findUser(tx, connection, settings, identity);
    if (found !== undefined && 'kind' in found) return found;
    let user: UserRecord;
    if (found !== undefined) {
      user = found.user;
    } else if (settings.createUsers) {
      const created = await createUser(scope, identity);
      if ('kind' in created) return created;
      user = created;
    } else {
      return refused(
        'not_provisioned',
        'No user matches this sign-in: your identity provider has not provisioned you to this organization yet',
      );
    }
    if (!user.active) {
      return refused('deactivated', 'This user was deactivated by the identity provider and cannot sign in');
    }
    if (found === undefined || found.identityId === null) {
      // Write transactions run one at a time (SQLite's lock, PostgreSQL's per-schema lock), so the subject cannot
      // have been linked since findUser looked.
      const inserted = await tx.sso.insertIdentity({
        id: deps.ids.newId(),
        orgId: connection.orgId,
        userId: user.id,
        connectionId: connection.id,
        subject: identity.subject,
        createdAt: scope.at,
        lastLoginAt: scope.at,
      });
      if (!inserted) throw new Error('the sign-in subject was linked by a concurrent transaction');
    } else {
      await tx.sso.touchIdentity(found.identityId, scope.at);
    }
    // No groups claim at all: Okta and Entra leave it out when a person is in no (matching) group, so a full sync
    // reads it as "none"; add-only has nothing to add.
    const groups = identity.groups ?? (settings.membershipSync === 'full' ? [] : undefined);
    const sync = groups === undefined ? null : await syncSignInGroups(scope, user.id, groups, settings);
    const role = sync?.role ?? roleOf([], settings);
    const session = await startUserSession(tx.sso, deps, { user, connection, role, now });
    return { kind: 'signed_in', session, user, sync, role };
  });
}

// Group → team sync at sign-in: the groups the IdP reported join the user to teams (created first in "create" mode),
// and in "full" mode the memberships earlier sign-ins added and the IdP no longer reports are removed. Memberships
// SCIM or an admin manage (via_sign_in = 0) are never removed here. Each change is recorded like SCIM's: team.created,
// team.members_added / removed events, version bumps and key blocks, in the sign-in's transaction.
import { recordMembershipChange, recordTeamChange, type ChangeScope } from './record-changes.js';
import type { GroupRecord, SignInTeamMatch, SsoRole } from './ports.js';
import type { SignInPolicy } from './sso-settings.js';

/** A group as the IdP reported it: its reference (Entra object id, Okta group name…) and a name when known. */
export interface SignInGroup {
  readonly ref: string;
  readonly displayName: string | null;
}

export interface GroupSyncResult {
  readonly role: SsoRole;
  readonly teamIds: readonly string[];
  readonly joined: readonly string[];
  readonly left: readonly string[];
  readonly created: readonly string[];
}

const key = (value: string): string => value.toLowerCase();

// Groups are matched by their reference only, as the IdP's token or assertion carries it (Entra's object id, Okta's
// group name). A displayName looked up elsewhere (Graph, on Entra's overage) only names a team created here: in Entra
// anyone may create a group and name it "Muster Admins", so a name from Graph must never grant a role or a team.
function isListed(group: SignInGroup, list: ReadonlySet<string>): boolean {
  return list.has(key(group.ref));
}

/** The highest role any reported group maps to; `member` without a match. */
export function roleOf(groups: readonly SignInGroup[], policy: SignInPolicy): SsoRole {
  const admins = new Set(policy.roleMappings.filter((m) => m.role === 'admin').map((m) => key(m.group)));
  return groups.some((g) => isListed(g, admins)) ? 'admin' : 'member';
}

/** The teams a group names: by externalId (exact), else by displayName (case-insensitive), both against its ref. */
function teamsOf(group: SignInGroup, teams: readonly SignInTeamMatch[]): SignInTeamMatch[] {
  const byExternalId = teams.filter((t) => t.externalId === group.ref);
  if (byExternalId.length > 0) return byExternalId;
  return teams.filter((t) => key(t.displayName) === key(group.ref));
}

async function createTeam(scope: ChangeScope, group: SignInGroup): Promise<GroupRecord> {
  const displayName = group.displayName ?? group.ref;
  const team: GroupRecord = {
    id: scope.ids.newId(),
    orgId: scope.orgId,
    displayName,
    externalId: group.ref,
    data: { displayName, externalId: group.ref },
    version: 1,
    createdAt: scope.at,
    updatedAt: scope.at,
    managedBy: 'sso',
  };
  await scope.tx.groups.insert(team);
  await recordTeamChange(scope, undefined, team);
  return team;
}

async function bumpVersion(scope: ChangeScope, teamId: string): Promise<void> {
  const team = await scope.tx.groups.get(scope.orgId, teamId);
  if (team !== undefined) await scope.tx.groups.touch(scope.orgId, teamId, team.version + 1, scope.at);
}

/** Syncs `userId`'s teams with the groups of this sign-in, inside the sign-in's transaction. */
export async function syncSignInGroups(
  scope: ChangeScope,
  userId: string,
  groups: readonly SignInGroup[],
  policy: SignInPolicy,
): Promise<GroupSyncResult> {
  const role = roleOf(groups, policy);
  const allowed = new Set(policy.allowedGroups.map(key));
  const unique = [...new Map(groups.map((g) => [g.ref, g])).values()];
  const synced = allowed.size === 0 ? unique : unique.filter((g) => isListed(g, allowed));
  const existing = await scope.tx.sso.teamsForGroups(
    scope.orgId,
    synced.map((g) => g.ref),
  );
  const teamIds = new Set<string>();
  const created: string[] = [];
  for (const group of synced) {
    const matches = teamsOf(group, existing);
    if (matches.length === 0 && policy.teamCreation === 'create') {
      const team = await createTeam(scope, group);
      created.push(team.id);
      teamIds.add(team.id);
    }
    for (const team of matches) teamIds.add(team.id);
  }
  const member = [{ id: userId, type: 'User' as const }];
  const joined = await scope.tx.sso.addSignInMemberships(scope.orgId, userId, [...teamIds], scope.at);
  for (const teamId of joined) {
    await bumpVersion(scope, teamId);
    await recordMembershipChange(scope, teamId, { added: member, removed: [] });
  }
  const left =
    policy.membershipSync === 'full'
      ? await scope.tx.sso.removeSignInMemberships(scope.orgId, userId, [...teamIds])
      : [];
  for (const teamId of left) {
    await bumpVersion(scope, teamId);
    await recordMembershipChange(scope, teamId, { added: [], removed: member });
  }
  return { role, teamIds: [...teamIds], joined, left, created };
}

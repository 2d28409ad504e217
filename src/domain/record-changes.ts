// What every change to users, teams and memberships does besides the write itself, in the same transaction: the
// outbox events, the API-key blocks and (deprovisioning) the end of the user's console sessions. SCIM, the admin API
// and SSO sign-in all call these, so a change through any surface has exactly the same effect, and it commits (or
// rolls back) together with the change.
import type { JsonObject } from '../shared/json.js';
import { isSameJson } from './is-same-json.js';
import type {
  ApiKeyBlockReason,
  ApiKeyRecord,
  ApiKeyScope,
  GroupRecord,
  Ids,
  MemberChange,
  NewEvent,
  StoreTx,
  UserRecord,
} from './ports.js';

/** Where a change is recorded: the transaction it commits with, its organization and time. */
export interface ChangeScope {
  readonly tx: StoreTx;
  readonly orgId: string;
  /** ISO-8601 time of the change. */
  readonly at: string;
  readonly ids: Ids;
}

/** Blocks no later change can lift: the user or the team is gone for good. */
const FINAL_REASONS: ReadonlySet<ApiKeyBlockReason> = new Set(['user_deleted', 'team_deleted']);

export function userEventData(user: UserRecord): JsonObject {
  return {
    id: user.id,
    userName: user.userName,
    externalId: user.externalId,
    displayName: user.displayName,
    active: user.active,
  };
}

export function teamEventData(team: GroupRecord): JsonObject {
  return { id: team.id, displayName: team.displayName, externalId: team.externalId };
}

export function apiKeyEventData(key: ApiKeyRecord): JsonObject {
  return {
    id: key.id,
    name: key.name,
    ownerType: key.ownerType,
    userId: key.userId,
    teamId: key.teamId,
    ...(key.blockedReason === null ? {} : { blockedReason: key.blockedReason }),
  };
}

export function newEvent(ids: Ids, event: Omit<NewEvent, 'id'>): NewEvent {
  return { id: ids.newId(), ...event };
}

/** Top-level attribute names whose values differ (the `changed` list of an update event). */
function changedAttributes(before: JsonObject, after: JsonObject, ignore: readonly string[]): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((name) => !ignore.includes(name) && !isSameJson(before[name] ?? null, after[name] ?? null))
    .sort();
}

/**
 * Blocks the keys in `candidates` that are usable; a final reason also replaces a non-final block, so reactivation
 * can never revive the key of a deleted user or team. Returns the api_key.blocked events (usable → blocked only).
 */
async function blockKeys(
  scope: ChangeScope,
  candidates: readonly ApiKeyRecord[],
  reason: ApiKeyBlockReason,
): Promise<NewEvent[]> {
  const final = FINAL_REASONS.has(reason);
  const targets = candidates.filter(
    (k) => k.blockedReason === null || (final && !FINAL_REASONS.has(k.blockedReason)),
  );
  if (targets.length === 0) return [];
  await scope.tx.apiKeys.setBlocked(
    scope.orgId,
    targets.map((k) => k.id),
    reason,
    scope.at,
  );
  return targets
    .filter((k) => k.blockedReason === null)
    .map((k) =>
      newEvent(scope.ids, {
        type: 'api_key.blocked',
        resourceType: 'api_key',
        resourceId: k.id,
        data: apiKeyEventData({ ...k, blockedReason: reason, blockedAt: scope.at }),
      }),
    );
}

/** Lifts exactly the blocks `reason` put on `candidates`; other blocks and revocations stay. */
async function unblockKeys(
  scope: ChangeScope,
  candidates: readonly ApiKeyRecord[],
  reason: ApiKeyBlockReason,
): Promise<NewEvent[]> {
  const targets = candidates.filter((k) => k.blockedReason === reason);
  if (targets.length === 0) return [];
  await scope.tx.apiKeys.setBlocked(
    scope.orgId,
    targets.map((k) => k.id),
    null,
    null,
  );
  return targets.map((k) =>
    newEvent(scope.ids, {
      type: 'api_key.unblocked',
      resourceType: 'api_key',
      resourceId: k.id,
      data: apiKeyEventData({ ...k, blockedReason: null, blockedAt: null }),
    }),
  );
}

/** The teams, among those `keys` are bound to, that the user is no longer a member of. */
async function teamsLeft(
  scope: ChangeScope,
  userId: string,
  keys: readonly ApiKeyRecord[],
): Promise<Set<string>> {
  const left = new Set<string>();
  for (const teamId of new Set(keys.flatMap((k) => (k.teamId === null ? [] : [k.teamId])))) {
    if (!(await scope.tx.memberships.has(scope.orgId, teamId, userId))) left.add(teamId);
  }
  return left;
}

function keysIn(scope: ChangeScope, keyScope: ApiKeyScope): Promise<readonly ApiKeyRecord[]> {
  return scope.tx.apiKeys.inScope(scope.orgId, keyScope);
}

/**
 * A user was created (before undefined), changed, or deleted (after undefined). Deactivation blocks every key of the
 * user and reactivation lifts exactly those blocks; keys revoked by a person stay revoked.
 */
export async function recordUserChange(
  scope: ChangeScope,
  before: UserRecord | undefined,
  after: UserRecord | undefined,
): Promise<void> {
  const events: NewEvent[] = [];
  const event = (type: NewEvent['type'], user: UserRecord, extra: JsonObject = {}): void => {
    events.push(
      newEvent(scope.ids, {
        type,
        resourceType: 'user',
        resourceId: user.id,
        data: { ...userEventData(user), ...extra },
      }),
    );
  };

  if (before === undefined && after !== undefined) {
    event('user.created', after);
  } else if (before !== undefined && after === undefined) {
    events.push(
      ...(await blockKeys(scope, await keysIn(scope, { kind: 'user', userId: before.id }), 'user_deleted')),
    );
    await scope.tx.sso.revokeSessionsOf(scope.orgId, before.id, scope.at);
    event('user.deleted', before);
  } else if (before !== undefined && after !== undefined) {
    if (before.active !== after.active) {
      const keys = await keysIn(scope, { kind: 'user', userId: after.id });
      if (after.active) {
        event('user.reactivated', after);
        // A key bound to a team the user left while deactivated stays blocked, now for the team: rejoining lifts it.
        const left = await teamsLeft(scope, after.id, keys);
        const stillOut = keys.filter(
          (k) => k.blockedReason === 'user_deactivated' && left.has(k.teamId ?? ''),
        );
        if (stillOut.length > 0) {
          await scope.tx.apiKeys.setBlocked(
            scope.orgId,
            stillOut.map((k) => k.id),
            'team_membership_removed',
            scope.at,
          );
        }
        const out = new Set(stillOut.map((k) => k.id));
        events.push(
          ...(await unblockKeys(
            scope,
            keys.filter((k) => !out.has(k.id)),
            'user_deactivated',
          )),
        );
      } else {
        event('user.deactivated', after);
        events.push(...(await blockKeys(scope, keys, 'user_deactivated')));
        // Console sessions end with the keys; unlike key blocks, reactivation never revives them.
        await scope.tx.sso.revokeSessionsOf(scope.orgId, after.id, scope.at);
      }
    }
    const changed = changedAttributes(before.data, after.data, ['active']);
    if (changed.length > 0) event('user.updated', after, { changed });
  }
  await scope.tx.events.append(scope.orgId, events, scope.at);
}

/** A team was created, changed (its own attributes) or deleted. Deleting it blocks its keys for good. */
export async function recordTeamChange(
  scope: ChangeScope,
  before: GroupRecord | undefined,
  after: GroupRecord | undefined,
): Promise<void> {
  const events: NewEvent[] = [];
  const event = (type: NewEvent['type'], team: GroupRecord, extra: JsonObject = {}): void => {
    events.push(
      newEvent(scope.ids, {
        type,
        resourceType: 'team',
        resourceId: team.id,
        data: { ...teamEventData(team), ...extra },
      }),
    );
  };

  if (before === undefined && after !== undefined) {
    event('team.created', after);
  } else if (before !== undefined && after === undefined) {
    events.push(
      ...(await blockKeys(scope, await keysIn(scope, { kind: 'team', teamId: before.id }), 'team_deleted')),
    );
    event('team.deleted', before);
  } else if (before !== undefined && after !== undefined) {
    const changed = changedAttributes(before.data, after.data, []);
    if (changed.length > 0) event('team.updated', after, { changed });
  }
  await scope.tx.events.append(scope.orgId, events, scope.at);
}

export interface MembershipDelta {
  readonly added: readonly MemberChange[];
  readonly removed: readonly MemberChange[];
}

/**
 * Members joined or left a team. A user who leaves loses the keys bound to that team; one who rejoins gets back the
 * keys the leaving blocked (still blocked as deactivated when the user is inactive now). One key lookup per call,
 * whatever the number of members.
 */
export async function recordMembershipChange(
  scope: ChangeScope,
  teamId: string,
  delta: MembershipDelta,
): Promise<void> {
  if (delta.added.length === 0 && delta.removed.length === 0) return;
  const events: NewEvent[] = [];
  const memberEvent = (type: NewEvent['type'], member: MemberChange): NewEvent =>
    newEvent(scope.ids, {
      type,
      resourceType: 'team',
      resourceId: teamId,
      data: { teamId, memberId: member.id, memberType: member.type },
    });
  events.push(...delta.removed.map((m) => memberEvent('team.member_removed', m)));
  events.push(...delta.added.map((m) => memberEvent('team.member_added', m)));

  const teamKeys = await keysIn(scope, { kind: 'team', teamId });
  const userKeys = teamKeys.filter((k) => k.ownerType === 'user');
  if (userKeys.length > 0) {
    const left = new Set(delta.removed.filter((m) => m.type === 'User').map((m) => m.id));
    const joined = new Set(delta.added.filter((m) => m.type === 'User').map((m) => m.id));
    events.push(
      ...(await blockKeys(
        scope,
        userKeys.filter((k) => k.userId !== null && left.has(k.userId)),
        'team_membership_removed',
      )),
    );
    const rejoined = userKeys.filter(
      (k) => k.userId !== null && joined.has(k.userId) && k.blockedReason === 'team_membership_removed',
    );
    for (const userId of new Set(rejoined.map((k) => k.userId))) {
      if (userId === null) continue;
      const keys = rejoined.filter((k) => k.userId === userId);
      const user = await scope.tx.users.get(scope.orgId, userId);
      if (user?.active === true) {
        events.push(...(await unblockKeys(scope, keys, 'team_membership_removed')));
      } else if (user !== undefined) {
        // Back in the team but deactivated: the key now waits for reactivation instead.
        await scope.tx.apiKeys.setBlocked(
          scope.orgId,
          keys.map((k) => k.id),
          'user_deactivated',
          scope.at,
        );
      }
    }
  }
  await scope.tx.events.append(scope.orgId, events, scope.at);
}

/**
 * Deletes a user with everything that goes with it: its keys blocked for good, its memberships removed (each an event
 * of its team), then the row. Keys are blocked as deleted first, so leaving the teams blocks nothing twice.
 */
export async function deleteUserRecorded(scope: ChangeScope, user: UserRecord): Promise<void> {
  await recordUserChange(scope, user, undefined);
  for (const teamId of await scope.tx.memberships.removeEverywhere(scope.orgId, user.id)) {
    await recordMembershipChange(scope, teamId, { added: [], removed: [{ id: user.id, type: 'User' }] });
  }
  await scope.tx.users.delete(scope.orgId, user.id);
}

/**
 * Deletes a team: its own member rows go with it (ON DELETE CASCADE; team.deleted stands for them), its rows as a
 * nested member of other teams are each an event of that team, and its keys and the keys bound to it are blocked.
 */
export async function deleteTeamRecorded(scope: ChangeScope, team: GroupRecord): Promise<void> {
  for (const parentId of await scope.tx.memberships.removeEverywhere(scope.orgId, team.id)) {
    await recordMembershipChange(scope, parentId, { added: [], removed: [{ id: team.id, type: 'Group' }] });
  }
  await recordTeamChange(scope, team, undefined);
  await scope.tx.groups.delete(scope.orgId, team.id);
}

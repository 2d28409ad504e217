// An organization's teams, memberships and keys in memory for the unit tests of syncSignInGroups
// (src/domain/sync-sign-in-groups*.test.ts), with the sign-in policy they start from.
import type {
  ApiKeyRecord,
  ApiKeyRepo,
  EventRecord,
  EventRepo,
  GroupRecord,
  GroupRepo,
  NewEvent,
  SignInTeamMatch,
  SsoRepo,
  StoreTx,
} from '../../src/domain/ports.js';
import type { ChangeScope } from '../../src/domain/record-changes.js';
import type { SignInPolicy } from '../../src/domain/sso-settings.js';

export const ORG = 'org-1';
export const USER = 'user-1';
export const AT = '2026-03-01T10:00:00.000Z';

export const POLICY: SignInPolicy = {
  groupsClaim: 'groups',
  teamCreation: 'create',
  membershipSync: 'add_only',
  allowedGroups: [],
  roleMappings: [],
  linkByEmail: false,
  createUsers: false,
};

export const policy = (overrides: Partial<SignInPolicy>): SignInPolicy => ({ ...POLICY, ...overrides });

/** The parts of StoreTx that syncSignInGroups and the recording it does (record-changes.ts) reach. */
interface SyncTx {
  readonly sso: Pick<SsoRepo, 'teamsForGroups' | 'addSignInMemberships' | 'removeSignInMemberships'>;
  readonly groups: Pick<GroupRepo, 'insert' | 'get' | 'touch'>;
  readonly events: Pick<EventRepo, 'append'>;
  readonly apiKeys: Pick<ApiKeyRepo, 'inScope' | 'setBlocked'>;
}

export interface Membership {
  readonly teamId: string;
  readonly userId: string;
  /** Added by a sign-in (via_sign_in = 1); false: SCIM's or an admin's. */
  readonly viaSignIn: boolean;
}

export function team(id: string, displayName: string, externalId: string | null): GroupRecord {
  return {
    id,
    orgId: ORG,
    displayName,
    externalId,
    data: { displayName, ...(externalId === null ? {} : { externalId }) },
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    managedBy: 'scim',
  };
}

export function userKey(id: string, teamId: string): ApiKeyRecord {
  return {
    id,
    orgId: ORG,
    ownerType: 'user',
    userId: USER,
    teamId,
    name: 'ci',
    keyHash: 'f'.repeat(64),
    displayPrefix: 'mk_abcdefghi',
    createdAt: '2026-01-01T00:00:00.000Z',
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
    blockedAt: null,
    blockedReason: null,
  };
}

/**
 * An organization's teams, memberships and keys in memory, behaving as SsoRepo, GroupRepo, EventRepo and ApiKeyRepo
 * document. It records the refs asked for and the teams kept, so the tests can check what was asked of the store.
 */
export function createFakeStore(
  initial: {
    readonly teams?: readonly GroupRecord[];
    readonly memberships?: readonly Membership[];
    readonly keys?: readonly ApiKeyRecord[];
    /** Answer teamsForGroups with every team, so that only syncSignInGroups's own matching decides. */
    readonly answerEveryTeam?: boolean;
  } = {},
) {
  const teams = [...(initial.teams ?? [])];
  let memberships = [...(initial.memberships ?? [])];
  let keys = [...(initial.keys ?? [])];
  const events: NewEvent[] = [];
  const askedRefs: (readonly string[])[] = [];
  const keptTeamIds: (readonly string[])[] = [];
  let seq = 0;

  const tx: SyncTx = {
    sso: {
      teamsForGroups: (_orgId, refs) => {
        askedRefs.push(refs);
        const wanted = new Set(refs.map((r) => r.toLowerCase()));
        const found: SignInTeamMatch[] = teams
          .filter(
            (t) =>
              initial.answerEveryTeam === true ||
              (t.externalId !== null && refs.includes(t.externalId)) ||
              wanted.has(t.displayName.toLowerCase()),
          )
          .map((t) => ({ id: t.id, externalId: t.externalId, displayName: t.displayName }));
        return Promise.resolve(found);
      },
      addSignInMemberships: (_orgId, userId, teamIds) => {
        const added = teamIds.filter(
          (id) => !memberships.some((m) => m.teamId === id && m.userId === userId),
        );
        memberships.push(...added.map((teamId) => ({ teamId, userId, viaSignIn: true })));
        return Promise.resolve(added);
      },
      removeSignInMemberships: (_orgId, userId, keepTeamIds) => {
        keptTeamIds.push(keepTeamIds);
        const gone = memberships.filter(
          (m) => m.userId === userId && m.viaSignIn && !keepTeamIds.includes(m.teamId),
        );
        memberships = memberships.filter((m) => !gone.includes(m));
        return Promise.resolve(gone.map((m) => m.teamId));
      },
    },
    groups: {
      insert: (group) => {
        teams.push(group);
        return Promise.resolve();
      },
      get: (_orgId, id) => Promise.resolve(teams.find((t) => t.id === id)),
      touch: (_orgId, id, version, at) => {
        const index = teams.findIndex((t) => t.id === id);
        const found = teams[index];
        if (found !== undefined) teams[index] = { ...found, version, updatedAt: at };
        return Promise.resolve();
      },
    },
    events: {
      append: (orgId, appended, occurredAt) => {
        events.push(...appended);
        const records: EventRecord[] = appended.map((e) => ({ ...e, orgId, seq: ++seq, occurredAt }));
        return Promise.resolve(records);
      },
    },
    apiKeys: {
      inScope: (_orgId, scope) =>
        Promise.resolve(
          keys.filter(
            (k) =>
              k.revokedAt === null &&
              (scope.kind === 'team'
                ? k.teamId === scope.teamId
                : k.userId === scope.userId && (scope.kind === 'user' || k.teamId === scope.teamId)),
          ),
        ),
      setBlocked: (_orgId, ids, reason, at) => {
        keys = keys.map((k) => (ids.includes(k.id) ? { ...k, blockedReason: reason, blockedAt: at } : k));
        return Promise.resolve();
      },
    },
  };

  let nextId = 0;
  const scope: ChangeScope = {
    // syncSignInGroups reaches only the SyncTx parts; touching any other repository fails the test with a TypeError.
    tx: tx as StoreTx,
    orgId: ORG,
    at: AT,
    ids: { newId: () => `id-${++nextId}` },
  };

  return {
    scope,
    teams,
    events,
    askedRefs,
    keptTeamIds,
    membershipsOf: (userId: string) => memberships.filter((m) => m.userId === userId).map((m) => m.teamId),
    keys: () => keys,
  };
}

export const eventsOfType = (events: readonly NewEvent[], type: NewEvent['type']): NewEvent[] =>
  events.filter((e) => e.type === type);

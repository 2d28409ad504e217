import { describe, expect, it } from 'vitest';
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
} from './ports.js';
import type { ChangeScope } from './record-changes.js';
import type { SignInPolicy } from './sso-settings.js';
import { roleOf, syncSignInGroups, type SignInGroup } from './sync-sign-in-groups.js';

const ORG = 'org-1';
const USER = 'user-1';
const AT = '2026-03-01T10:00:00.000Z';

const POLICY: SignInPolicy = {
  groupsClaim: 'groups',
  teamCreation: 'create',
  membershipSync: 'add_only',
  allowedGroups: [],
  roleMappings: [],
  linkByEmail: false,
  createUsers: false,
};

const policy = (overrides: Partial<SignInPolicy>): SignInPolicy => ({ ...POLICY, ...overrides });

describe('roleOf', () => {
  const mappings = policy({
    roleMappings: [
      { group: 'Muster-Admins', role: 'admin' },
      { group: '5F0C9A1E-0000-4000-8000-000000000001', role: 'admin' },
      { group: 'Engineering', role: 'member' },
    ],
  });

  const cases: readonly {
    readonly name: string;
    readonly groups: readonly SignInGroup[];
    readonly expected: 'admin' | 'member';
  }[] = [
    {
      name: 'a displayName matching an admin mapping, when its ref does not (a name never grants a role)',
      groups: [{ ref: 'a1b2', displayName: 'Muster-Admins' }],
      expected: 'member',
    },
    {
      name: 'a displayName matching an admin mapping in another case, when its ref does not',
      groups: [{ ref: 'a1b2', displayName: 'muster-admins' }],
      expected: 'member',
    },
    {
      name: 'a ref matching an admin mapping, case-insensitively',
      groups: [{ ref: '5f0c9a1e-0000-4000-8000-000000000001', displayName: 'Admins' }],
      expected: 'admin',
    },
    {
      name: 'a ref without displayName matching an admin mapping',
      groups: [{ ref: 'MUSTER-ADMINS', displayName: null }],
      expected: 'admin',
    },
    {
      name: 'one admin group (by ref) among others',
      groups: [
        { ref: 'g-1', displayName: 'Engineering' },
        { ref: 'muster-admins', displayName: null },
      ],
      expected: 'admin',
    },
    {
      name: 'an admin mapping matched only by displayNames among other groups',
      groups: [
        { ref: 'g-1', displayName: 'Engineering' },
        { ref: 'g-2', displayName: 'Muster-Admins' },
      ],
      expected: 'member',
    },
    {
      name: 'groups matching no mapping',
      groups: [{ ref: 'g-9', displayName: 'Finance' }],
      expected: 'member',
    },
    {
      name: 'a group matching only a member mapping',
      groups: [{ ref: 'g-1', displayName: 'Engineering' }],
      expected: 'member',
    },
    { name: 'no groups', groups: [], expected: 'member' },
  ];

  it.each(cases)('gives $expected for $name', ({ groups, expected }) => {
    expect(roleOf(groups, mappings)).toBe(expected);
  });

  it('gives member when every mapping is a member mapping, even for the mapped group', () => {
    const onlyMembers = policy({ roleMappings: [{ group: 'Muster-Admins', role: 'member' }] });
    expect(roleOf([{ ref: 'Muster-Admins', displayName: 'Muster-Admins' }], onlyMembers)).toBe('member');
  });
});

// ---- syncSignInGroups over an in-memory store ----------------------------------------------------------------------

/** The parts of StoreTx that syncSignInGroups and the recording it does (record-changes.ts) reach. */
interface SyncTx {
  readonly sso: Pick<SsoRepo, 'teamsForGroups' | 'addSignInMemberships' | 'removeSignInMemberships'>;
  readonly groups: Pick<GroupRepo, 'insert' | 'get' | 'touch'>;
  readonly events: Pick<EventRepo, 'append'>;
  readonly apiKeys: Pick<ApiKeyRepo, 'inScope' | 'setBlocked'>;
}

interface Membership {
  readonly teamId: string;
  readonly userId: string;
  /** Added by a sign-in (via_sign_in = 1); false: SCIM's or an admin's. */
  readonly viaSignIn: boolean;
}

function team(id: string, displayName: string, externalId: string | null): GroupRecord {
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

function userKey(id: string, teamId: string): ApiKeyRecord {
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
function createFakeStore(
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

const eventsOfType = (events: readonly NewEvent[], type: NewEvent['type']): NewEvent[] =>
  events.filter((e) => e.type === type);

describe('syncSignInGroups: matching teams', () => {
  it('joins the team whose externalId is the ref, not the one whose displayName matches', async () => {
    const store = createFakeStore({
      teams: [team('t-name', 'Engineering', null), team('t-ext', 'Eng (Entra)', 'g-1')],
    });
    const result = await syncSignInGroups(
      store.scope,
      USER,
      [{ ref: 'g-1', displayName: 'Engineering' }],
      POLICY,
    );
    expect(result.teamIds).toEqual(['t-ext']);
    expect(result.created).toEqual([]);
    expect(store.membershipsOf(USER)).toEqual(['t-ext']);
  });

  const byName: readonly { readonly name: string; readonly group: SignInGroup }[] = [
    { name: 'ref (an Okta group name) in another case', group: { ref: 'engineering', displayName: null } },
    { name: 'ref, whatever the displayName', group: { ref: 'ENGINEERING', displayName: 'Design' } },
  ];

  it.each(byName)('joins the team whose displayName matches the $name', async ({ group }) => {
    const store = createFakeStore({ teams: [team('t-eng', 'Engineering', null)] });
    const result = await syncSignInGroups(store.scope, USER, [group], POLICY);
    expect(result.teamIds).toEqual(['t-eng']);
    expect(result.created).toEqual([]);
    expect(store.teams).toHaveLength(1);
  });

  it('compares a ref with a team externalId exactly, not case-insensitively', async () => {
    const store = createFakeStore({ teams: [team('t-ext', 'Eng (Entra)', 'g-1')], answerEveryTeam: true });
    const result = await syncSignInGroups(
      store.scope,
      USER,
      [{ ref: 'G-1', displayName: null }],
      policy({ teamCreation: 'existing' }),
    );
    expect(result.teamIds).toEqual([]);
    expect(store.membershipsOf(USER)).toEqual([]);
  });

  const displayNames: readonly SignInGroup[] = [
    { ref: '9c1d-object-id', displayName: 'Engineering' },
    { ref: '9c1d-object-id', displayName: 'ENGINEERING' },
  ];

  it.each(displayNames)(
    'never joins an existing team through the displayName $displayName ("existing" mode)',
    async (group) => {
      const store = createFakeStore({ teams: [team('t-eng', 'Engineering', null)] });
      const result = await syncSignInGroups(store.scope, USER, [group], policy({ teamCreation: 'existing' }));
      expect(result.teamIds).toEqual([]);
      expect(result.joined).toEqual([]);
      expect(store.membershipsOf(USER)).toEqual([]);
    },
  );

  it('never joins an existing team through a displayName, even when the store answers with that team', async () => {
    const store = createFakeStore({
      teams: [team('t-eng', 'Engineering', null), team('t-admins', 'Muster Admins', 'admins-object-id')],
      answerEveryTeam: true,
    });
    const result = await syncSignInGroups(
      store.scope,
      USER,
      [{ ref: '9c1d-object-id', displayName: 'Muster Admins' }],
      policy({ teamCreation: 'existing' }),
    );
    expect(result.teamIds).toEqual([]);
    expect(store.membershipsOf(USER)).toEqual([]);
  });

  it('in "create" mode creates a new team for a group whose only match is by displayName', async () => {
    const store = createFakeStore({ teams: [team('t-eng', 'Engineering', null)] });
    const result = await syncSignInGroups(
      store.scope,
      USER,
      [{ ref: '9c1d-object-id', displayName: 'Engineering' }],
      POLICY,
    );
    const [createdId] = result.created;
    expect(createdId).toBeDefined();
    expect(createdId).not.toBe('t-eng');
    expect(result.teamIds).toEqual([createdId]);
    expect(store.membershipsOf(USER)).toEqual([createdId]);
    expect(store.teams.find((t) => t.id === createdId)).toMatchObject({
      displayName: 'Engineering',
      externalId: '9c1d-object-id',
    });
  });

  it('asks the store for the refs of the reported groups only, never their displayNames', async () => {
    const store = createFakeStore();
    await syncSignInGroups(
      store.scope,
      USER,
      [
        { ref: 'g-1', displayName: 'Engineering' },
        { ref: 'ops', displayName: null },
      ],
      policy({ teamCreation: 'existing' }),
    );
    expect(store.askedRefs).toEqual([['g-1', 'ops']]);
  });
});

describe('syncSignInGroups: creating teams', () => {
  const cases: readonly {
    readonly name: string;
    readonly group: SignInGroup;
    readonly displayName: string;
  }[] = [
    { name: 'its displayName', group: { ref: 'g-9', displayName: 'Design' }, displayName: 'Design' },
    {
      name: 'its ref when it has no displayName',
      group: { ref: 'ops', displayName: null },
      displayName: 'ops',
    },
  ];

  it.each(cases)(
    'in "create" mode creates a team named after $name, owned by sso',
    async ({ group, displayName }) => {
      const store = createFakeStore();
      const result = await syncSignInGroups(store.scope, USER, [group], POLICY);
      expect(result.created).toHaveLength(1);
      const [createdId] = result.created;
      expect(store.teams).toEqual([
        {
          id: createdId,
          orgId: ORG,
          displayName,
          externalId: group.ref,
          data: { displayName, externalId: group.ref },
          version: 2, // created at 1, then bumped by the user joining it
          createdAt: AT,
          updatedAt: AT,
          managedBy: 'sso',
        },
      ]);
      expect(result.teamIds).toEqual([createdId]);
      expect(result.joined).toEqual([createdId]);
      expect(store.membershipsOf(USER)).toEqual([createdId]);
    },
  );

  it('in "existing" mode creates no team and joins only the teams that exist', async () => {
    const store = createFakeStore({ teams: [team('t-eng', 'Engineering', 'g-1')] });
    const result = await syncSignInGroups(
      store.scope,
      USER,
      [
        { ref: 'g-1', displayName: 'Engineering' },
        { ref: 'g-9', displayName: 'Design' },
      ],
      policy({ teamCreation: 'existing' }),
    );
    expect(result.created).toEqual([]);
    expect(result.teamIds).toEqual(['t-eng']);
    expect(store.teams.map((t) => t.id)).toEqual(['t-eng']);
    expect(eventsOfType(store.events, 'team.created')).toEqual([]);
  });

  it('creates one team for a group reported twice', async () => {
    const store = createFakeStore();
    const design = { ref: 'g-9', displayName: 'Design' };
    const result = await syncSignInGroups(store.scope, USER, [design, { ...design }], POLICY);
    expect(result.created).toHaveLength(1);
    expect(store.teams).toHaveLength(1);
    expect(eventsOfType(store.events, 'team.created')).toHaveLength(1);
  });
});

describe('syncSignInGroups: allowed groups', () => {
  it('syncs only the groups listed by ref, case-insensitively; a listed displayName does not pass', async () => {
    const store = createFakeStore();
    const result = await syncSignInGroups(
      store.scope,
      USER,
      [
        { ref: 'g-1', displayName: 'design' },
        { ref: 'G-2', displayName: 'Ops' },
        { ref: 'g-3', displayName: 'Finance' },
      ],
      policy({ allowedGroups: ['Design', 'g-2'] }),
    );
    expect(store.teams.map((t) => t.externalId)).toEqual(['G-2']);
    expect(result.teamIds).toHaveLength(1);
    expect(store.askedRefs).toEqual([['G-2']]);
  });

  it('syncs nothing when only displayNames are on the allow-list', async () => {
    const store = createFakeStore({ teams: [team('t-design', 'Design', null)] });
    const result = await syncSignInGroups(
      store.scope,
      USER,
      [{ ref: 'g-1', displayName: 'Design' }],
      policy({ allowedGroups: ['Design'] }),
    );
    expect(result.teamIds).toEqual([]);
    expect(result.created).toEqual([]);
    expect(store.teams.map((t) => t.id)).toEqual(['t-design']);
    expect(store.membershipsOf(USER)).toEqual([]);
  });

  it('still derives the role from a group the allow-list leaves out', async () => {
    const store = createFakeStore();
    const result = await syncSignInGroups(
      store.scope,
      USER,
      [{ ref: 'g-admins', displayName: 'Admins' }],
      policy({ allowedGroups: ['Design'], roleMappings: [{ group: 'g-admins', role: 'admin' }] }),
    );
    expect(result.role).toBe('admin');
    expect(result.teamIds).toEqual([]);
    expect(store.teams).toEqual([]);
  });
});

describe('syncSignInGroups: membership sync', () => {
  /** The user is in t-keep (reported), t-old (an earlier sign-in added it) and t-scim (SCIM added it). */
  function storeWithEarlierMemberships() {
    return createFakeStore({
      teams: [
        team('t-keep', 'Engineering', 'g-1'),
        team('t-old', 'Design', 'g-2'),
        team('t-scim', 'Ops', 'g-3'),
      ],
      memberships: [
        { teamId: 't-keep', userId: USER, viaSignIn: true },
        { teamId: 't-old', userId: USER, viaSignIn: true },
        { teamId: 't-scim', userId: USER, viaSignIn: false },
      ],
      keys: [userKey('k-old', 't-old')],
    });
  }
  const reported: readonly SignInGroup[] = [{ ref: 'g-1', displayName: 'Engineering' }];

  it('in "full" mode removes the sign-in memberships outside the reported teams', async () => {
    const store = storeWithEarlierMemberships();
    const result = await syncSignInGroups(store.scope, USER, reported, policy({ membershipSync: 'full' }));
    expect(store.keptTeamIds).toEqual([['t-keep']]);
    expect(result.left).toEqual(['t-old']);
    expect(result.joined).toEqual([]);
    expect(store.membershipsOf(USER).sort()).toEqual(['t-keep', 't-scim']);
    expect(eventsOfType(store.events, 'team.member_removed')).toEqual([
      {
        id: expect.any(String) as string,
        type: 'team.member_removed',
        resourceType: 'team',
        resourceId: 't-old',
        data: { teamId: 't-old', memberId: USER, memberType: 'User' },
      },
    ]);
    expect(store.teams.find((t) => t.id === 't-old')).toMatchObject({ version: 2, updatedAt: AT });
  });

  it('in "full" mode blocks the key bound to the team the user left, as SCIM removal does', async () => {
    const store = storeWithEarlierMemberships();
    await syncSignInGroups(store.scope, USER, reported, policy({ membershipSync: 'full' }));
    expect(store.keys()).toEqual([
      { ...userKey('k-old', 't-old'), blockedReason: 'team_membership_removed', blockedAt: AT },
    ]);
    expect(eventsOfType(store.events, 'api_key.blocked').map((e) => e.resourceId)).toEqual(['k-old']);
  });

  it('in "add_only" mode removes nothing', async () => {
    const store = storeWithEarlierMemberships();
    const result = await syncSignInGroups(store.scope, USER, reported, POLICY);
    expect(store.keptTeamIds).toEqual([]);
    expect(result.left).toEqual([]);
    expect(store.membershipsOf(USER).sort()).toEqual(['t-keep', 't-old', 't-scim']);
    expect(eventsOfType(store.events, 'team.member_removed')).toEqual([]);
    expect(store.keys()[0]?.blockedReason).toBeNull();
  });
});

describe('syncSignInGroups: events', () => {
  it('appends team.created for a new team and team.member_added for each team joined', async () => {
    const store = createFakeStore({ teams: [team('t-eng', 'Engineering', 'g-1')] });
    const result = await syncSignInGroups(
      store.scope,
      USER,
      [
        { ref: 'g-1', displayName: 'Engineering' },
        { ref: 'g-9', displayName: 'Design' },
      ],
      POLICY,
    );
    const [createdId] = result.created;
    expect(createdId).toBeDefined();
    expect(
      eventsOfType(store.events, 'team.created').map(({ resourceType, resourceId, data }) => ({
        resourceType,
        resourceId,
        data,
      })),
    ).toEqual([
      {
        resourceType: 'team',
        resourceId: createdId,
        data: { id: createdId, displayName: 'Design', externalId: 'g-9' },
      },
    ]);
    expect(
      eventsOfType(store.events, 'team.member_added').map(({ resourceId, data }) => ({ resourceId, data })),
    ).toEqual(
      ['t-eng', createdId].map((teamId) => ({
        resourceId: teamId,
        data: { teamId, memberId: USER, memberType: 'User' },
      })),
    );
    expect(store.teams.find((t) => t.id === 't-eng')).toMatchObject({ version: 2, updatedAt: AT });
  });

  it('appends no member event and bumps no version for a team the user is in already', async () => {
    const store = createFakeStore({
      teams: [team('t-eng', 'Engineering', 'g-1')],
      memberships: [{ teamId: 't-eng', userId: USER, viaSignIn: false }],
    });
    const result = await syncSignInGroups(
      store.scope,
      USER,
      [{ ref: 'g-1', displayName: 'Engineering' }],
      POLICY,
    );
    expect(result.teamIds).toEqual(['t-eng']);
    expect(result.joined).toEqual([]);
    expect(store.events).toEqual([]);
    expect(store.teams[0]?.version).toBe(1);
  });
});

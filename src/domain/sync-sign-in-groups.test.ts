import { describe, expect, it } from 'vitest';
import {
  AT,
  createFakeStore,
  eventsOfType,
  ORG,
  POLICY,
  policy,
  team,
  USER,
} from '../../test/support/fake-sign-in-store.js';
import { roleOf, syncSignInGroups, type SignInGroup } from './sync-sign-in-groups.js';

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

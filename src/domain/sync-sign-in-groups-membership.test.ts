// syncSignInGroups: the allow-list, add-only and full membership sync, and the events each change records.
import { describe, expect, it } from 'vitest';
import {
  AT,
  createFakeStore,
  eventsOfType,
  POLICY,
  policy,
  team,
  USER,
  userKey,
} from '../../test/support/fake-sign-in-store.js';
import { syncSignInGroups, type SignInGroup } from './sync-sign-in-groups.js';

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

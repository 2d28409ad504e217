import { describe, expect, it } from 'vitest';
import { readGroupsClaim, type GroupsClaim } from './read-groups-claim.js';

/** Entra ID's overage shape in an ID token from the code flow (a distributed claim, OIDC Core §5.6.2). */
const ENTRA_OVERAGE = {
  _claim_names: { groups: 'src1' },
  _claim_sources: {
    src1: { endpoint: 'https://graph.windows.net/tenant/users/oid/getMemberObjects' },
  },
};

const CASES: readonly {
  readonly name: string;
  readonly claims: Record<string, unknown>;
  readonly claimName?: string;
  readonly expected: GroupsClaim;
}[] = [
  {
    name: 'a list of group names',
    claims: { groups: ['engineering', 'admins'] },
    expected: { kind: 'groups', groups: ['engineering', 'admins'] },
  },
  {
    name: 'an empty list: member of no group',
    claims: { groups: [] },
    expected: { kind: 'groups', groups: [] },
  },
  {
    name: 'a single string is one group',
    claims: { groups: 'engineering' },
    expected: { kind: 'groups', groups: ['engineering'] },
  },
  { name: 'no such claim', claims: { sub: 'u1' }, expected: { kind: 'absent' } },
  { name: 'a null claim is absent', claims: { groups: null }, expected: { kind: 'absent' } },
  {
    name: 'Entra overage (_claim_names + _claim_sources)',
    claims: ENTRA_OVERAGE,
    expected: { kind: 'overage' },
  },
  {
    name: 'Entra overage in an implicit-flow token (hasgroups)',
    claims: { hasgroups: true },
    expected: { kind: 'overage' },
  },
  { name: 'hasgroups false is not overage', claims: { hasgroups: false }, expected: { kind: 'absent' } },
  {
    name: '_claim_names pointing to a missing source is not overage',
    claims: { _claim_names: { groups: 'src1' }, _claim_sources: { src2: { endpoint: 'https://x' } } },
    expected: { kind: 'absent' },
  },
  {
    name: 'a distributed claim for another name is not overage',
    claims: { _claim_names: { roles: 'src1' }, _claim_sources: ENTRA_OVERAGE._claim_sources },
    expected: { kind: 'absent' },
  },
  {
    name: 'overage under the configured claim name',
    claims: { _claim_names: { roles: 'src1' }, _claim_sources: ENTRA_OVERAGE._claim_sources },
    claimName: 'roles',
    expected: { kind: 'overage' },
  },
  {
    name: 'groups present win over an overage marker',
    claims: { groups: ['a'], hasgroups: true },
    expected: { kind: 'groups', groups: ['a'] },
  },
  {
    name: 'a nested claim by dotted path (Keycloak realm roles)',
    claims: { realm_access: { roles: ['offline_access', 'muster-admin'] } },
    claimName: 'realm_access.roles',
    expected: { kind: 'groups', groups: ['offline_access', 'muster-admin'] },
  },
  {
    name: 'a dotted path that leads nowhere is absent',
    claims: { realm_access: { other: [] } },
    claimName: 'realm_access.roles',
    expected: { kind: 'absent' },
  },
  {
    name: 'a dotted path through a non-object is absent',
    claims: { realm_access: 'roles' },
    claimName: 'realm_access.roles',
    expected: { kind: 'absent' },
  },
  {
    name: 'a top-level claim whose name has dots (namespaced) is read as is',
    claims: { 'https://muster.example/groups': ['ops'] },
    claimName: 'https://muster.example/groups',
    expected: { kind: 'groups', groups: ['ops'] },
  },
];

describe('readGroupsClaim', () => {
  it.each(CASES)('$name', ({ claims, claimName, expected }) => {
    expect(readGroupsClaim(claims, claimName ?? 'groups')).toEqual(expected);
  });

  const MALFORMED: readonly { name: string; claims: Record<string, unknown>; message: RegExp }[] = [
    {
      name: 'a list with a number',
      claims: { groups: ['a', 42] },
      message: /"groups" claim is malformed: item 1 is a number/,
    },
    {
      name: 'a list with an object',
      claims: { groups: [{ id: 'a' }] },
      message: /item 0 is an object/,
    },
    { name: 'a number', claims: { groups: 7 }, message: /expected a list of group names, got a number/ },
    { name: 'an object', claims: { groups: { a: true } }, message: /got an object/ },
    { name: 'a boolean', claims: { groups: true }, message: /got a boolean/ },
  ];

  it.each(MALFORMED)('refuses a malformed claim: $name', ({ claims, message }) => {
    expect(() => readGroupsClaim(claims, 'groups')).toThrow(message);
  });
});

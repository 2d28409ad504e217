import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors.js';
import {
  CORE_GROUP_URN,
  CORE_USER_URN,
  ENTERPRISE_USER_URN,
  GROUP_RESOURCE_TYPE,
  USER_RESOURCE_TYPE,
} from '../schema/resource-types.js';
import type { ResourceTypeDef } from '../schema/schema-types.js';
import { checkImmutable, coerceResource } from './coerce-resource.js';

const USER = USER_RESOURCE_TYPE;
const GROUP = GROUP_RESOURCE_TYPE;

function scimErrorOf(fn: () => unknown): ScimError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError');
}

describe('coerceResource — Users', () => {
  it('coerces the RFC 7643 §8.2 minimal user', () => {
    const body = {
      schemas: [CORE_USER_URN],
      id: '2819c223',
      userName: 'bjensen@example.com',
      meta: { resourceType: 'User' },
    };
    expect(coerceResource(USER, body)).toEqual({ data: { userName: 'bjensen@example.com' } });
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'canonical names whatever the case sent',
      { USERNAME: 'ann', DisplayName: 'Ann', NAME: { givenname: 'Ann' } },
      { userName: 'ann', name: { givenName: 'Ann' }, displayName: 'Ann' },
    ],
    ['Entra string booleans', { userName: 'ann', active: 'False' }, { userName: 'ann', active: false }],
    [
      'strings kept exactly as sent (OneLogin)',
      { userName: ' ann', title: ' Dr ' },
      { userName: ' ann', title: ' Dr ' },
    ],
    ['OneLogin `"id": null` ignored', { id: null, userName: 'ann' }, { userName: 'ann' }],
    [
      'client id, meta and groups ignored',
      { id: 'x', meta: { created: 'x' }, groups: [{ value: 'g' }], userName: 'ann' },
      { userName: 'ann' },
    ],
    [
      'unknown attributes ignored (validator `adreses`)',
      { userName: 'ann', adreses: [{ street: 'x' }] },
      { userName: 'ann' },
    ],
    [
      'externalId kept',
      { userName: 'ann', externalId: 'auth0|1' },
      { externalId: 'auth0|1', userName: 'ann' },
    ],
    [
      'null, "" and [] are unassigned',
      { userName: 'ann', title: null, nickName: '', emails: [] },
      { userName: 'ann' },
    ],
    [
      'nested enterprise extension',
      {
        userName: 'ann',
        [ENTERPRISE_USER_URN]: { Department: 'R&D', manager: { value: 'm1', displayName: 'Boss' } },
      },
      { userName: 'ann', [ENTERPRISE_USER_URN]: { department: 'R&D', manager: { value: 'm1' } } },
    ],
    [
      'flat URN-qualified keys (Entra)',
      {
        userName: 'ann',
        [`${ENTERPRISE_USER_URN}:department`]: 'Sales',
        [`${ENTERPRISE_USER_URN}:manager`]: 'm2',
      },
      { userName: 'ann', [ENTERPRISE_USER_URN]: { department: 'Sales', manager: { value: 'm2' } } },
    ],
    [
      'nested and flat keys together',
      {
        userName: 'ann',
        [ENTERPRISE_USER_URN]: { department: 'A' },
        [`${ENTERPRISE_USER_URN}:costCenter`]: 'C1',
      },
      { userName: 'ann', [ENTERPRISE_USER_URN]: { costCenter: 'C1', department: 'A' } },
    ],
    [
      'an empty extension object dropped',
      { userName: 'ann', [ENTERPRISE_USER_URN]: { department: '' } },
      { userName: 'ann' },
    ],
    [
      'OneLogin URNs',
      {
        schemas: ['urn:scim:schemas:core:2.0', 'urn:scim:schemas:extension:enterprise:2.0'],
        userName: 'ann',
        'urn:scim:schemas:extension:enterprise:2.0': { employeeNumber: '7' },
      },
      { userName: 'ann', [ENTERPRISE_USER_URN]: { employeeNumber: '7' } },
    ],
    ['URN-qualified core keys', { [`${CORE_USER_URN}:userName`]: 'ann' }, { userName: 'ann' }],
    ['missing schemas tolerated', { userName: 'ann' }, { userName: 'ann' }],
  ])('%s', (_label, body, data) => {
    expect(coerceResource(USER, body).data).toEqual(data);
  });

  it('orders data keys as the schema does: externalId, core attributes, extensions', () => {
    const { data } = coerceResource(USER, {
      [ENTERPRISE_USER_URN]: { department: 'x' },
      active: true,
      externalId: 'e',
      userName: 'ann',
    });
    expect(Object.keys(data)).toEqual(['externalId', 'userName', 'active', ENTERPRISE_USER_URN]);
  });

  it('returns the password separately and never in data', () => {
    const result = coerceResource(USER, { userName: 'ann', password: 't1meMa$heen' });
    expect(result).toEqual({ data: { userName: 'ann' }, password: 't1meMa$heen' });
  });

  it('returns no members for Users', () => {
    expect(coerceResource(USER, { userName: 'ann', members: [{ value: 'x' }] })).toEqual({
      data: { userName: 'ann' },
    });
  });

  it('keeps multi-valued attributes with at most one primary', () => {
    const { data } = coerceResource(USER, {
      userName: 'ann',
      emails: [
        { value: 'a@x.test', type: 'work', primary: 'true' },
        { value: 'b@x.test', type: 'home', primary: true },
      ],
    });
    expect(data['emails']).toEqual([
      { value: 'a@x.test', type: 'work', primary: true },
      { value: 'b@x.test', type: 'home', primary: false },
    ]);
  });

  it.each<[string, unknown, string]>([
    ['a body that is not an object', [], 'invalidSyntax'],
    ['a string body', 'userName=ann', 'invalidSyntax'],
    ['schemas not an array', { schemas: CORE_USER_URN, userName: 'ann' }, 'invalidSyntax'],
    ['schemas with a non-string', { schemas: [1], userName: 'ann' }, 'invalidSyntax'],
    ['an extension that is not an object', { userName: 'ann', [ENTERPRISE_USER_URN]: 'x' }, 'invalidSyntax'],
    ['no userName', { displayName: 'Ann' }, 'invalidValue'],
    ['an empty userName', { userName: '' }, 'invalidValue'],
    ['a null userName', { userName: null }, 'invalidValue'],
    ['"banana" for active', { userName: 'ann', active: 'banana' }, 'invalidValue'],
  ])('rejects %s', (_label, body, scimType) => {
    expect(scimErrorOf(() => coerceResource(USER, body))).toMatchObject({ status: 400, scimType });
  });

  it('names the attribute in the error detail', () => {
    expect(scimErrorOf(() => coerceResource(USER, { userName: 'ann', active: 'banana' })).message).toMatch(
      /active/,
    );
    expect(scimErrorOf(() => coerceResource(USER, {})).message).toMatch(/userName/);
  });

  it('does not mutate the body', () => {
    const body = {
      userName: 'ann',
      emails: [
        { value: 'a', primary: true },
        { value: 'b', primary: true },
      ],
    };
    const copy = structuredClone(body);
    coerceResource(USER, body);
    expect(body).toEqual(copy);
  });
});

describe('coerceResource — Groups', () => {
  it.each<[string, Record<string, unknown>, ReturnType<typeof coerceResource>]>([
    [
      'no members key → members undefined',
      { schemas: [CORE_GROUP_URN], displayName: 'Tour Guides' },
      { data: { displayName: 'Tour Guides' } },
    ],
    ['members: [] clears', { displayName: 'G', members: [] }, { data: { displayName: 'G' }, members: [] }],
    [
      'members: null clears',
      { displayName: 'G', members: null },
      { data: { displayName: 'G' }, members: [] },
    ],
    [
      'members with types normalised',
      {
        displayName: 'G',
        members: [
          { value: 'u1', type: 'user', display: 'Ann' },
          { Value: 'g2', TYPE: 'GROUP' },
          { value: 'u3' },
        ],
      },
      {
        data: { displayName: 'G' },
        members: [{ value: 'u1', type: 'User' }, { value: 'g2', type: 'Group' }, { value: 'u3' }],
      },
    ],
    [
      'a single member object',
      { displayName: 'G', members: { value: 'u1' } },
      { data: { displayName: 'G' }, members: [{ value: 'u1' }] },
    ],
    [
      'empty member elements dropped',
      { displayName: 'G', members: [null, {}, { value: 'u1' }] },
      { data: { displayName: 'G' }, members: [{ value: 'u1' }] },
    ],
    [
      'externalId kept',
      { displayName: 'G', externalId: 'kc-1' },
      { data: { externalId: 'kc-1', displayName: 'G' } },
    ],
  ])('%s', (_label, body, expected) => {
    expect(coerceResource(GROUP, body)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['no displayName', { members: [] }],
    ['a member without value', { displayName: 'G', members: [{ display: 'Ann' }] }],
    ['a member with an empty value', { displayName: 'G', members: [{ value: '' }] }],
    ['a member that is a string', { displayName: 'G', members: ['u1'] }],
    ['a member of unknown type', { displayName: 'G', members: [{ value: 'u1', type: 'Device' }] }],
  ])('rejects %s with invalidValue', (_label, body) => {
    expect(scimErrorOf(() => coerceResource(GROUP, body))).toMatchObject({
      status: 400,
      scimType: 'invalidValue',
    });
  });
});

describe('checkImmutable', () => {
  // The shipped schemas have no top-level immutable attribute; a test type pins the rule itself.
  const TYPE: ResourceTypeDef = {
    ...USER,
    schema: {
      ...USER.schema,
      attributes: USER.schema.attributes.map((a) =>
        a.name === 'nickName'
          ? { ...a, mutability: 'immutable' as const }
          : a.name === 'name'
            ? {
                ...a,
                subAttributes: (a.subAttributes ?? []).map((s) =>
                  s.name === 'familyName' ? { ...s, mutability: 'immutable' as const } : s,
                ),
              }
            : a,
      ),
    },
  };

  it.each<[string, Record<string, unknown>, Record<string, unknown>, boolean]>([
    ['unchanged', { nickName: 'a' }, { nickName: 'a' }, true],
    ['set once when it had no value', {}, { nickName: 'a' }, true],
    ['changed', { nickName: 'a' }, { nickName: 'b' }, false],
    ['removed', { nickName: 'a' }, {}, false],
    ['readWrite attributes change freely', { title: 'a' }, { title: 'b' }, true],
    ['immutable sub-attribute changed', { name: { familyName: 'A' } }, { name: { familyName: 'B' } }, false],
    [
      'immutable sub-attribute unchanged, others changed',
      { name: { familyName: 'A', givenName: 'x' } },
      { name: { givenName: 'y', familyName: 'A' } },
      true,
    ],
  ])('%s', (_label, before, after, ok) => {
    const run = (): void => {
      checkImmutable(TYPE, before as never, after as never);
    };
    if (ok) expect(run).not.toThrow();
    else expect(scimErrorOf(run)).toMatchObject({ status: 400, scimType: 'mutability' });
  });

  it('accepts any PUT on the shipped User and Group schemas', () => {
    expect(() => {
      checkImmutable(USER, { userName: 'a', [ENTERPRISE_USER_URN]: { department: 'x' } }, { userName: 'b' });
    }).not.toThrow();
    expect(() => {
      checkImmutable(GROUP, { displayName: 'a' }, { displayName: 'b' });
    }).not.toThrow();
  });
});

// What identity providers really send (docs: /work/shared/design/IDP-NOTES.md), replayed against the PATCH engine.
import { describe, expect, it } from 'vitest';
import { ScimError, type ScimType } from '../errors.js';
import { ENTERPRISE_USER_URN, GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../schema/resource-types.js';
import type { ResourceTypeDef } from '../schema/schema-types.js';
import type { JsonObject } from '../../shared/json.js';
import { applyPatch } from './apply-patch.js';
import { parsePatchRequest } from './parse-patch-request.js';

const PATCH_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const GROUP_ID = 'g-1';

function patch(type: ResourceTypeDef, data: JsonObject, ...operations: unknown[]): JsonObject {
  return applyPatch(data, parsePatchRequest({ schemas: [PATCH_URN], Operations: operations }), type, {
    id: GROUP_ID,
  });
}
const patchUser = (data: JsonObject, ...operations: unknown[]): JsonObject =>
  patch(USER_RESOURCE_TYPE, data, ...operations);
const patchGroup = (data: JsonObject, ...operations: unknown[]): JsonObject =>
  patch(GROUP_RESOURCE_TYPE, data, ...operations);

function failure(run: () => unknown): ScimType | undefined | 'no error' {
  try {
    run();
  } catch (error) {
    if (error instanceof ScimError) return error.scimType;
    throw error;
  }
  return 'no error';
}

const user: JsonObject = {
  userName: 'ada@example.com',
  active: true,
  title: 'Engineer',
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  emails: [{ value: 'ada@home.example', type: 'home' }],
  phoneNumbers: [{ value: '+1 555 0100', type: 'work' }],
  [ENTERPRISE_USER_URN]: { department: 'R&D', manager: { value: 'boss-1' } },
};

describe('Microsoft Entra ID', () => {
  it('path-less replace whose keys are attribute paths', () => {
    const out = patchUser(user, {
      op: 'Replace',
      value: {
        'name.givenName': 'Augusta',
        'emails[type eq "work"].value': 'ada@work.example',
        [`${ENTERPRISE_USER_URN}:employeeNumber`]: '42',
        active: 'False',
        unknownThing: 'ignored',
      },
    });
    expect(out).toEqual({
      ...user,
      active: false,
      name: { givenName: 'Augusta', familyName: 'Lovelace' },
      emails: [
        { value: 'ada@home.example', type: 'home' },
        { type: 'work', value: 'ada@work.example' },
      ],
      [ENTERPRISE_USER_URN]: { department: 'R&D', manager: { value: 'boss-1' }, employeeNumber: '42' },
    });
  });

  it('a path-less value with an extension URN key holding an object of its attributes', () => {
    const out = patchUser(user, {
      op: 'Add',
      value: { [ENTERPRISE_USER_URN]: { costCenter: 'C1', manager: 'boss-2' } },
    });
    expect(out[ENTERPRISE_USER_URN]).toEqual({
      department: 'R&D',
      manager: { value: 'boss-2' },
      costCenter: 'C1',
    });
  });

  it('Add on emails[type eq "work"].value creates the work email when there is none', () => {
    const out = patchUser(user, {
      op: 'Add',
      path: 'emails[type eq "work"].value',
      value: 'ada@work.example',
    });
    expect(out['emails']).toEqual([
      { value: 'ada@home.example', type: 'home' },
      { type: 'work', value: 'ada@work.example' },
    ]);
  });

  it('Replace on emails[type eq "work"].value with no work email is 400 noTarget, as RFC 7644 §3.5.2.3 says', () => {
    expect(
      failure(() =>
        patchUser(user, { op: 'Replace', path: 'emails[type eq "work"].value', value: 'ada@work.example' }),
      ),
    ).toBe('noTarget');
  });

  it('Replace with null on a mobile phone the user does not have changes nothing', () => {
    const out = patchUser(user, { op: 'Replace', path: 'phoneNumbers[type eq "mobile"].value', value: null });
    expect(out).toEqual(user);
  });

  it('updates the existing work email instead of adding a second one', () => {
    const withWork: JsonObject = {
      ...user,
      emails: [{ value: 'old@work.example', type: 'work', primary: true }],
    };
    const out = patchUser(withWork, {
      op: 'Add',
      path: 'emails[type eq "work"].value',
      value: 'new@work.example',
    });
    expect(out['emails']).toEqual([{ value: 'new@work.example', type: 'work', primary: true }]);
  });

  it('sets the manager from a bare id and reads it back complex', () => {
    const out = patchUser(
      { userName: 'a' },
      { op: 'Add', path: `${ENTERPRISE_USER_URN}:manager`, value: 'boss-9' },
    );
    expect(out).toEqual({ userName: 'a', [ENTERPRISE_USER_URN]: { manager: { value: 'boss-9' } } });
  });

  it.each<[string, unknown]>([
    ['remove', { op: 'Remove', path: `${ENTERPRISE_USER_URN}:manager` }],
    [
      'remove with a value',
      { op: 'Remove', path: `${ENTERPRISE_USER_URN}:manager`, value: [{ value: 'boss-1' }] },
    ],
    ['replace with an empty value', { op: 'Replace', path: `${ENTERPRISE_USER_URN}:manager`, value: '' }],
    [
      'replace with an empty manager object',
      { op: 'Replace', path: `${ENTERPRISE_USER_URN}:manager`, value: { value: '' } },
    ],
  ])('removes the manager with %s', (_name, op) => {
    expect(patchUser(user, op)[ENTERPRISE_USER_URN]).toEqual({ department: 'R&D' });
  });

  it('null updates make title, the work phone and the department absent (and the empty extension goes)', () => {
    const out = patchUser(
      { ...user, [ENTERPRISE_USER_URN]: { department: 'R&D' } },
      { op: 'Replace', path: 'title', value: '' },
      { op: 'Replace', path: 'phoneNumbers[type eq "work"].value', value: null },
      { op: 'Replace', path: `${ENTERPRISE_USER_URN}:department`, value: '' },
    );
    expect(out).toEqual({
      userName: 'ada@example.com',
      active: true,
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      emails: [{ value: 'ada@home.example', type: 'home' }],
    });
  });

  it('a null update on a work phone that does not exist is a no-op', () => {
    const out = patchUser(
      { userName: 'a' },
      { op: 'Replace', path: 'phoneNumbers[type eq "work"].value', value: '' },
    );
    expect(out).toEqual({ userName: 'a' });
  });

  it('adds and removes group members with value arrays', () => {
    const group: JsonObject = { displayName: 'Eng', members: [{ value: 'u1' }] };
    const added = patchGroup(group, {
      op: 'Add',
      path: 'members',
      value: [{ value: 'u2' }, { value: 'u3' }],
    });
    expect(added['members']).toEqual([{ value: 'u1' }, { value: 'u2' }, { value: 'u3' }]);
    const removed = patchGroup(added, {
      op: 'Remove',
      path: 'members',
      value: [{ value: 'u1' }, { value: 'u3' }],
    });
    expect(removed['members']).toEqual([{ value: 'u2' }]);
  });
});

describe('Okta', () => {
  const group: JsonObject = { displayName: 'Old', members: [{ value: 'u1' }, { value: 'u2' }] };

  it('renames a group with its own id in the value', () => {
    const out = patchGroup(group, { op: 'replace', value: { id: GROUP_ID, displayName: 'New' } });
    expect(out).toEqual({ ...group, displayName: 'New' });
  });

  it('rejects a rename carrying a different id', () => {
    expect(
      failure(() => patchGroup(group, { op: 'replace', value: { id: 'other', displayName: 'New' } })),
    ).toBe('mutability');
  });

  it('rejects other readOnly attributes in a value, unless unchanged', () => {
    expect(failure(() => patchUser(user, { op: 'replace', value: { groups: [{ value: 'g' }] } }))).toBe(
      'mutability',
    );
    expect(patchUser(user, { op: 'replace', value: { groups: [], title: 'CTO' } })['title']).toBe('CTO');
  });

  it('removes a member by filter, and removing it again is a no-op', () => {
    const once = patchGroup(group, { op: 'remove', path: 'members[value eq "u1"]' });
    expect(once).toEqual({ displayName: 'Old', members: [{ value: 'u2' }] });
    expect(patchGroup(once, { op: 'remove', path: 'members[value eq "u1"]' })).toEqual(once);
  });

  it('deactivates with a path-less replace', () => {
    expect(patchUser(user, { op: 'replace', value: { active: false } })['active']).toBe(false);
  });
});

describe('Keycloak and string booleans', () => {
  it.each<[unknown, boolean]>([
    ['false', false],
    ['False', false],
    ['TRUE', true],
    [true, true],
  ])('replace active with %j', (value, expected) => {
    expect(patchUser(user, { op: 'replace', path: 'active', value })['active']).toBe(expected);
  });

  it('coerces a string boolean inside an element filter path', () => {
    const out = patchUser(user, { op: 'replace', path: 'emails[type eq "home"].primary', value: 'True' });
    expect(out['emails']).toEqual([{ value: 'ada@home.example', type: 'home', primary: true }]);
  });

  it('updates a group externalId', () => {
    expect(patchGroup({ displayName: 'G' }, { op: 'replace', path: 'externalId', value: 'kc-1' })).toEqual({
      displayName: 'G',
      externalId: 'kc-1',
    });
  });
});

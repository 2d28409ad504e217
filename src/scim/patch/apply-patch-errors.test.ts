// PATCH operations that must fail, with the RFC 7644 §3.12 scimType each one gets.
import { describe, expect, it } from 'vitest';
import { ScimError, type ScimType } from '../errors.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../schema/resource-types.js';
import type { ResourceTypeDef } from '../schema/schema-types.js';
import type { JsonObject } from '../../shared/json.js';
import { applyPatch } from './apply-patch.js';
import { parsePatchRequest } from './parse-patch-request.js';

const PATCH_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const MEMBER_2 = '902c246b-6245-4190-8e05-00816be7344a';

function patch(type: ResourceTypeDef, data: JsonObject, ...operations: unknown[]): JsonObject {
  return applyPatch(data, parsePatchRequest({ schemas: [PATCH_URN], Operations: operations }), type, {
    id: 'self',
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

const group: JsonObject = { displayName: 'Tour Guides', members: [{ value: MEMBER_2, type: 'User' }] };
const bjensen: JsonObject = {
  userName: 'bjensen',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@jensen.org', type: 'home' },
  ],
  addresses: [
    { type: 'work', streetAddress: '100 Universal City Plaza', locality: 'Hollywood', primary: true },
  ],
};

describe('applyPatch errors', () => {
  it.each<[string, JsonObject, unknown[], ScimType]>([
    ['unknown attribute', bjensen, [{ op: 'replace', path: 'nosuchattribute', value: 'x' }], 'invalidPath'],
    ['unknown sub-attribute', bjensen, [{ op: 'replace', path: 'name.nosuch', value: 'x' }], 'invalidPath'],
    [
      'filter on a single-valued attribute',
      bjensen,
      [{ op: 'replace', path: 'name[givenName eq "x"]', value: {} }],
      'invalidPath',
    ],
    // RFC 7644 §3.5.2.3: a replace filter that matches nothing → noTarget.
    [
      'replace on an unmatched filter without sub-attribute',
      bjensen,
      [{ op: 'replace', path: 'emails[type eq "other"]', value: { value: 'x' } }],
      'noTarget',
    ],
    [
      'replace on a non-eq filter that matches nothing',
      bjensen,
      [{ op: 'replace', path: 'emails[value co "nobody"].value', value: 'x' }],
      'noTarget',
    ],
    [
      'add with an or-filter that matches nothing',
      bjensen,
      [{ op: 'add', path: 'emails[type eq "a" or type eq "b"].value', value: 'x' }],
      'noTarget',
    ],
    ['readOnly id', bjensen, [{ op: 'replace', path: 'id', value: 'x' }], 'mutability'],
    [
      'readOnly meta sub-attribute',
      bjensen,
      [{ op: 'replace', path: 'meta.created', value: '2026-01-01T00:00:00Z' }],
      'mutability',
    ],
    ['readOnly groups', bjensen, [{ op: 'add', path: 'groups', value: [{ value: 'g' }] }], 'mutability'],
    ['removing a readOnly attribute', bjensen, [{ op: 'remove', path: 'meta' }], 'mutability'],
    [
      'readOnly manager.displayName',
      bjensen,
      [
        {
          op: 'replace',
          path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName',
          value: 'x',
        },
      ],
      'mutability',
    ],
    ['removing userName (required)', bjensen, [{ op: 'remove', path: 'userName' }], 'invalidValue'],
    [
      'replacing userName with null',
      bjensen,
      [{ op: 'replace', path: 'userName', value: null }],
      'invalidValue',
    ],
    ['a garbage boolean', bjensen, [{ op: 'replace', path: 'active', value: 'banana' }], 'invalidValue'],
    [
      'a bad value in the second op',
      bjensen,
      [
        { op: 'replace', path: 'title', value: 'x' },
        { op: 'add', path: 'x509Certificates', value: 'not base64!' },
      ],
      'invalidValue',
    ],
  ])('%s', (_name, data, ops, scimType) => {
    expect(failure(() => patchUser(data, ...ops))).toBe(scimType);
  });

  it.each<[string, unknown[], ScimType]>([
    [
      'changing an immutable member value',
      [{ op: 'replace', path: `members[value eq "${MEMBER_2}"].value`, value: 'other' }],
      'mutability',
    ],
    ['removing the required displayName', [{ op: 'remove', path: 'displayName' }], 'invalidValue'],
  ])('group: %s', (_name, ops, scimType) => {
    expect(failure(() => patchGroup(group, ...ops))).toBe(scimType);
  });

  it('removing a whole member element is not a change of its immutable value', () => {
    expect(patchGroup(group, { op: 'remove', path: `members[value eq "${MEMBER_2}"]` })).toEqual({
      displayName: 'Tour Guides',
    });
  });
});

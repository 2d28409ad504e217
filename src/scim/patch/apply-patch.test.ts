// RFC 7644 §3.5.2 examples and the core add/replace/remove semantics.
import { describe, expect, it } from 'vitest';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../schema/resource-types.js';
import type { ResourceTypeDef } from '../schema/schema-types.js';
import type { JsonObject } from '../../shared/json.js';
import { applyPatch } from './apply-patch.js';
import { parsePatchRequest } from './parse-patch-request.js';

const PATCH_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ID = '2819c223-7f76-453a-919d-413861904646';
const MEMBER_2 = '902c246b-6245-4190-8e05-00816be7344a';
const USER_REF = `https://example.com/v2/Users/${ID}`;

function patch(type: ResourceTypeDef, data: JsonObject, ...operations: unknown[]): JsonObject {
  return applyPatch(data, parsePatchRequest({ schemas: [PATCH_URN], Operations: operations }), type, {
    id: 'self',
  });
}
const patchUser = (data: JsonObject, ...operations: unknown[]): JsonObject =>
  patch(USER_RESOURCE_TYPE, data, ...operations);
const patchGroup = (data: JsonObject, ...operations: unknown[]): JsonObject =>
  patch(GROUP_RESOURCE_TYPE, data, ...operations);

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
const { emails: _emails, ...bjensenWithoutEmails } = bjensen;

describe('RFC 7644 §3.5.2 examples', () => {
  it('§3.5.2.1 adds a member to a group (display is readOnly and dropped)', () => {
    const out = patchGroup(group, {
      op: 'add',
      path: 'members',
      value: [{ display: 'Babs Jensen', $ref: USER_REF, value: ID }],
    });
    expect(out['members']).toEqual([
      { value: MEMBER_2, type: 'User' },
      { value: ID, $ref: USER_REF },
    ]);
  });

  it('§3.5.2.1 path-less add appends emails and sets nickName (name canonicalised)', () => {
    const out = patchUser(bjensen, {
      op: 'add',
      value: {
        emails: [
          { value: 'babs@jensen.org', type: 'home' },
          { value: 'b@x.org', type: 'other' },
        ],
        nickname: 'Babs',
      },
    });
    expect(out['nickName']).toBe('Babs');
    // The exact duplicate babs@jensen.org is not added twice.
    expect(out['emails']).toEqual([
      ...(bjensen['emails'] as JsonObject[]),
      { value: 'b@x.org', type: 'other' },
    ]);
  });

  it('§3.5.2.2 removes a single member', () => {
    const out = patchGroup(
      { ...group, members: [{ value: ID }, { value: MEMBER_2 }] },
      { op: 'remove', path: `members[value eq "${ID}"]` },
    );
    expect(out['members']).toEqual([{ value: MEMBER_2 }]);
  });

  it('§3.5.2.2 removes all members', () => {
    expect(patchGroup(group, { op: 'remove', path: 'members' })).toEqual({ displayName: 'Tour Guides' });
  });

  it('§3.5.2.2 removes a value from a complex multi-valued attribute', () => {
    const out = patchUser(bjensen, {
      op: 'remove',
      path: 'emails[type eq "work" and value ew "example.com"]',
    });
    expect(out['emails']).toEqual([{ value: 'babs@jensen.org', type: 'home' }]);
  });

  it('§3.5.2.2 removes multiple members, and replaces all members with remove + add', () => {
    const three: JsonObject = { ...group, members: [{ value: ID }, { value: MEMBER_2 }, { value: 'm3' }] };
    expect(
      patchGroup(
        three,
        { op: 'remove', path: `members[value eq "${ID}"]` },
        { op: 'remove', path: `members[value eq "${MEMBER_2}"]` },
      ),
    ).toEqual({ displayName: 'Tour Guides', members: [{ value: 'm3' }] });
    expect(
      patchGroup(
        three,
        { op: 'remove', path: 'members' },
        { op: 'add', path: 'members', value: [{ value: 'm9' }] },
      ),
    ).toEqual({ displayName: 'Tour Guides', members: [{ value: 'm9' }] });
  });

  it('§3.5.2.3 replaces all members', () => {
    const out = patchGroup(group, {
      op: 'replace',
      path: 'members',
      value: [{ display: 'Babs Jensen', $ref: USER_REF, value: ID }, { value: 'm3' }],
    });
    expect(out['members']).toEqual([{ value: ID, $ref: USER_REF }, { value: 'm3' }]);
  });

  it('§3.5.2.3 replaces a work address (merged into the matching element)', () => {
    const out = patchUser(bjensen, {
      op: 'replace',
      path: 'addresses[type eq "work"]',
      value: { type: 'work', streetAddress: '911 Universal City Plaza', postalCode: '91608', primary: true },
    });
    expect(out['addresses']).toEqual([
      {
        type: 'work',
        streetAddress: '911 Universal City Plaza',
        locality: 'Hollywood',
        postalCode: '91608',
        primary: true,
      },
    ]);
  });

  it('§3.5.2.3 replaces one sub-attribute of the work address', () => {
    const out = patchUser(bjensen, {
      op: 'replace',
      path: 'addresses[type eq "work"].streetAddress',
      value: '1010 Broadway Ave',
    });
    expect(out['addresses']).toEqual([
      { type: 'work', streetAddress: '1010 Broadway Ave', locality: 'Hollywood', primary: true },
    ]);
  });

  it('§3.5.2.3 path-less replace replaces emails and sets nickName', () => {
    const emails = [
      { value: 'bjensen@example.com', type: 'work', primary: true },
      { value: 'babs@jensen.org', type: 'home' },
    ];
    const out = patchUser(
      { ...bjensen, emails: [{ value: 'old@example.com', type: 'work' }] },
      {
        op: 'replace',
        value: { emails, nickname: 'Babs' },
      },
    );
    expect(out['emails']).toEqual(emails);
    expect(out['nickName']).toBe('Babs');
  });
});

describe('add', () => {
  it.each<[string, JsonObject, unknown, JsonObject]>([
    [
      'sets a simple attribute',
      { userName: 'a' },
      { op: 'add', path: 'title', value: 'Boss' },
      { userName: 'a', title: 'Boss' },
    ],
    [
      'overwrites a single-valued attribute',
      { userName: 'a', title: 'x' },
      { op: 'add', path: 'title', value: 'y' },
      { userName: 'a', title: 'y' },
    ],
    [
      'merges a complex attribute',
      bjensen,
      { op: 'add', path: 'name', value: { middleName: 'J' } },
      { ...bjensen, name: { givenName: 'Barbara', familyName: 'Jensen', middleName: 'J' } },
    ],
    [
      'sets a sub-attribute',
      { userName: 'a' },
      { op: 'add', path: 'name.givenName', value: 'Ada' },
      { userName: 'a', name: { givenName: 'Ada' } },
    ],
    [
      'adds nothing for an empty value',
      { userName: 'a', title: 'x' },
      { op: 'add', path: 'title', value: '' },
      { userName: 'a', title: 'x' },
    ],
    [
      'coerces a single element for a multi-valued attribute',
      { userName: 'a' },
      { op: 'add', path: 'emails', value: { value: 'a@x', primary: 'True' } },
      { userName: 'a', emails: [{ value: 'a@x', primary: true }] },
    ],
  ])('%s', (_name, data, op, expected) => {
    expect(patchUser(data, op)).toEqual(expected);
  });

  it('a new primary element takes primary from the others', () => {
    const out = patchUser(bjensen, {
      op: 'add',
      path: 'emails',
      value: [{ value: 'new@x', type: 'other', primary: true }],
    });
    expect(out['emails']).toEqual([
      { value: 'bjensen@example.com', type: 'work', primary: false },
      { value: 'babs@jensen.org', type: 'home' },
      { value: 'new@x', type: 'other', primary: true },
    ]);
  });

  it('sets a sub-attribute on matching elements, and primary moves with it', () => {
    const out = patchUser(bjensen, { op: 'add', path: 'emails[type eq "home"].primary', value: true });
    expect(out['emails']).toEqual([
      { value: 'bjensen@example.com', type: 'work', primary: false },
      { value: 'babs@jensen.org', type: 'home', primary: true },
    ]);
  });
});

describe('replace', () => {
  it.each<[string, JsonObject, unknown, JsonObject]>([
    [
      'removes with null',
      { userName: 'a', title: 'x' },
      { op: 'replace', path: 'title', value: null },
      { userName: 'a' },
    ],
    [
      'removes with ""',
      { userName: 'a', title: 'x' },
      { op: 'replace', path: 'title', value: '' },
      { userName: 'a' },
    ],
    [
      'removes a multi-valued attribute with []',
      bjensen,
      { op: 'replace', path: 'emails', value: [] },
      bjensenWithoutEmails,
    ],
    [
      'removes a sub-attribute with null and drops an empty parent',
      { userName: 'a', name: { givenName: 'A' } },
      { op: 'replace', path: 'name.givenName', value: null },
      { userName: 'a' },
    ],
    [
      'merges sub-attributes of a complex attribute',
      bjensen,
      { op: 'replace', path: 'name', value: { givenName: 'Babs', familyName: '' } },
      { ...bjensen, name: { givenName: 'Babs' } },
    ],
    [
      'is case-insensitive on names',
      { userName: 'a' },
      { op: 'replace', path: 'NAME.GIVENNAME', value: 'A' },
      { userName: 'a', name: { givenName: 'A' } },
    ],
    [
      'removes matching elements with null',
      bjensen,
      { op: 'replace', path: 'emails[type eq "home"]', value: null },
      { ...bjensen, emails: [(bjensen['emails'] as JsonObject[])[0]!] },
    ],
  ])('%s', (_name, data, op, expected) => {
    expect(patchUser(data, op)).toEqual(expected);
  });
});

describe('remove', () => {
  it.each<[string, JsonObject, unknown, JsonObject]>([
    [
      'removes an attribute',
      { userName: 'a', title: 'x' },
      { op: 'remove', path: 'title' },
      { userName: 'a' },
    ],
    ['is a no-op when absent', { userName: 'a' }, { op: 'remove', path: 'title' }, { userName: 'a' }],
    [
      'is a no-op when a filter matches nothing',
      bjensen,
      { op: 'remove', path: 'emails[type eq "other"]' },
      bjensen,
    ],
    [
      'removes a sub-attribute',
      bjensen,
      { op: 'remove', path: 'name.familyName' },
      { ...bjensen, name: { givenName: 'Barbara' } },
    ],
    [
      'removes a sub-attribute of matching elements',
      bjensen,
      { op: 'remove', path: 'emails[type eq "home"].type' },
      { ...bjensen, emails: [(bjensen['emails'] as JsonObject[])[0]!, { value: 'babs@jensen.org' }] },
    ],
    [
      'drops elements left empty',
      { userName: 'a', emails: [{ value: 'x@y' }] },
      { op: 'remove', path: 'emails[value eq "x@y"].value' },
      { userName: 'a' },
    ],
    [
      'drops an element whose value is removed (RFC 7643 §2.4)',
      bjensen,
      { op: 'remove', path: 'emails[type eq "home"].value' },
      { ...bjensen, emails: [(bjensen['emails'] as JsonObject[])[0]!] },
    ],
    [
      'removes elements named by a value array',
      bjensen,
      { op: 'remove', path: 'emails', value: [{ value: 'babs@jensen.org' }] },
      { ...bjensen, emails: [(bjensen['emails'] as JsonObject[])[0]!] },
    ],
  ])('%s', (_name, data, op, expected) => {
    expect(patchUser(data, op)).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import type { AttrPath } from '../path/attr-path.js';
import {
  CORE_GROUP_URN,
  CORE_USER_URN,
  ENTERPRISE_USER_URN,
  GROUP_RESOURCE_TYPE,
  USER_RESOURCE_TYPE,
} from '../schema/resource-types.js';
import type { JsonObject } from '../../shared/json.js';
import { projectResource, wantsAttribute, type ProjectionSpec } from './project-resource.js';

/** Test-only path reader: `a.b`, or `<urn>:a.b` for the enterprise extension (the real parser lives in path/). */
function p(text: string): AttrPath {
  if (text.startsWith(`${ENTERPRISE_USER_URN}:`)) {
    const rest = text.slice(ENTERPRISE_USER_URN.length + 1);
    const [name = '', subAttr] = rest.split('.');
    return { schema: ENTERPRISE_USER_URN, name, ...(subAttr === undefined ? {} : { subAttr }) };
  }
  if (text.toLowerCase().startsWith('urn:')) return { name: text };
  const [name = '', subAttr] = text.split('.');
  return { name, ...(subAttr === undefined ? {} : { subAttr }) };
}

function spec(attributes: string[] = [], excluded: string[] = []): ProjectionSpec {
  return { attributes: attributes.map(p), excludedAttributes: excluded.map(p) };
}

// RFC 7643 §8.2-style full user, as toScimUser renders it.
const USER: JsonObject = {
  schemas: [CORE_USER_URN, ENTERPRISE_USER_URN],
  id: '2819c223',
  externalId: 'ext-1',
  userName: 'bjensen',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  displayName: 'Babs Jensen',
  active: true,
  password: 'should-never-show',
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@jensen.org', type: 'home' },
  ],
  groups: [{ value: 'g1', $ref: 'https://x/Groups/g1', display: 'Tour Guides', type: 'direct' }],
  [ENTERPRISE_USER_URN]: { department: 'Tour Operations', manager: { value: 'm1', displayName: 'John' } },
  meta: {
    resourceType: 'User',
    created: '2010-01-23T04:56:22Z',
    location: 'https://x/Users/2819c223',
    version: 'W/"1"',
  },
};

describe('projectResource', () => {
  it('returns everything except returned:never by default', () => {
    const { password: _password, ...expected } = USER;
    expect(projectResource(USER, USER_RESOURCE_TYPE, spec())).toEqual(expected);
  });

  it.each<[string, string[], string[], JsonObject]>([
    [
      'attributes=userName keeps id and schemas (returned:always), drops the emptied extension URN',
      ['userName'],
      [],
      { schemas: [CORE_USER_URN], id: '2819c223', userName: 'bjensen' },
    ],
    [
      'attribute names are case-insensitive',
      ['USERNAME', 'DisplayName'],
      [],
      { schemas: [CORE_USER_URN], id: '2819c223', userName: 'bjensen', displayName: 'Babs Jensen' },
    ],
    [
      'a sub-attribute of a complex attribute',
      ['name.givenName'],
      [],
      { schemas: [CORE_USER_URN], id: '2819c223', name: { givenName: 'Barbara' } },
    ],
    [
      'a sub-attribute of a multi-valued attribute',
      ['emails.value'],
      [],
      {
        schemas: [CORE_USER_URN],
        id: '2819c223',
        emails: [{ value: 'bjensen@example.com' }, { value: 'babs@jensen.org' }],
      },
    ],
    [
      'a sub-attribute and its parent: the whole parent',
      ['name.givenName', 'name'],
      [],
      { schemas: [CORE_USER_URN], id: '2819c223', name: { givenName: 'Barbara', familyName: 'Jensen' } },
    ],
    [
      'meta sub-attributes',
      ['meta.location'],
      [],
      { schemas: [CORE_USER_URN], id: '2819c223', meta: { location: 'https://x/Users/2819c223' } },
    ],
    [
      'password is never returned, even when asked for',
      ['password', 'userName'],
      [],
      { schemas: [CORE_USER_URN], id: '2819c223', userName: 'bjensen' },
    ],
    [
      'a URN-qualified extension attribute',
      [`${ENTERPRISE_USER_URN}:department`],
      [],
      {
        schemas: [CORE_USER_URN, ENTERPRISE_USER_URN],
        id: '2819c223',
        [ENTERPRISE_USER_URN]: { department: 'Tour Operations' },
      },
    ],
    [
      'a URN-qualified extension sub-attribute',
      [`${ENTERPRISE_USER_URN}:manager.value`],
      [],
      {
        schemas: [CORE_USER_URN, ENTERPRISE_USER_URN],
        id: '2819c223',
        [ENTERPRISE_USER_URN]: { manager: { value: 'm1' } },
      },
    ],
    [
      'the extension URN: the whole extension',
      [ENTERPRISE_USER_URN],
      [],
      {
        schemas: [CORE_USER_URN, ENTERPRISE_USER_URN],
        id: '2819c223',
        [ENTERPRISE_USER_URN]: USER[ENTERPRISE_USER_URN]!,
      },
    ],
    [
      'a URN-qualified core attribute',
      [`${CORE_USER_URN}:userName`],
      [],
      { schemas: [CORE_USER_URN], id: '2819c223', userName: 'bjensen' },
    ],
    [
      'unknown names are ignored',
      ['nope', 'userName'],
      [],
      { schemas: [CORE_USER_URN], id: '2819c223', userName: 'bjensen' },
    ],
  ])('%s', (_label, attributes, excluded, expected) => {
    expect(projectResource(USER, USER_RESOURCE_TYPE, spec(attributes, excluded))).toEqual(expected);
  });

  it.each<[string, string[], (full: JsonObject) => JsonObject]>([
    [
      'excludedAttributes removes attributes',
      ['emails', 'groups'],
      ({ emails: _e, groups: _g, ...rest }) => rest,
    ],
    [
      'excludedAttributes never removes returned:always',
      ['id', 'userName'],
      ({ userName: _u, ...rest }) => rest,
    ],
    [
      'excludedAttributes on a sub-attribute',
      ['emails.type', 'name.familyName'],
      (full) => ({
        ...full,
        name: { givenName: 'Barbara' },
        emails: [{ value: 'bjensen@example.com', primary: true }, { value: 'babs@jensen.org' }],
      }),
    ],
    [
      'excluding an extension attribute',
      [`${ENTERPRISE_USER_URN}:manager`],
      (full) => ({
        ...full,
        [ENTERPRISE_USER_URN]: { department: 'Tour Operations' },
      }),
    ],
    [
      'excluding the whole extension drops its URN from schemas',
      [ENTERPRISE_USER_URN],
      ({ [ENTERPRISE_USER_URN]: _x, ...rest }) => ({
        ...rest,
        schemas: [CORE_USER_URN],
      }),
    ],
  ])('%s', (_label, excluded, expected) => {
    const { password: _password, ...full } = USER;
    expect(projectResource(USER, USER_RESOURCE_TYPE, spec([], excluded))).toEqual(expected(full));
  });

  it('Entra excludedAttributes=members on a group', () => {
    const group: JsonObject = {
      schemas: [CORE_GROUP_URN],
      id: 'g1',
      displayName: 'Tour Guides',
      members: [{ value: 'u1', type: 'User' }],
      meta: { resourceType: 'Group' },
    };
    const projected = projectResource(group, GROUP_RESOURCE_TYPE, spec([], ['members']));
    expect(projected).toEqual({
      schemas: [CORE_GROUP_URN],
      id: 'g1',
      displayName: 'Tour Guides',
      meta: { resourceType: 'Group' },
    });
    expect('members' in projected).toBe(false);
  });

  it('never mutates its input', () => {
    const input = structuredClone(USER);
    projectResource(input, USER_RESOURCE_TYPE, spec(['emails.value', 'name']));
    projectResource(input, USER_RESOURCE_TYPE, spec([], ['emails.type', 'name.givenName']));
    projectResource(input, USER_RESOURCE_TYPE, spec());
    expect(input).toEqual(USER);
  });
});

describe('wantsAttribute', () => {
  it.each<[string, string[], string[], boolean]>([
    ['default', [], [], true],
    ['excluded', [], ['groups'], false],
    ['a sub-attribute excluded still wants the attribute', [], ['groups.display'], true],
    ['attributes without it', ['userName'], [], false],
    ['attributes with it', ['groups'], [], true],
    ['attributes with a sub-attribute of it', ['groups.value'], [], true],
  ])('groups — %s → %s', (_label, attributes, excluded, expected) => {
    expect(wantsAttribute(USER_RESOURCE_TYPE, spec(attributes, excluded), { name: 'groups' })).toBe(expected);
  });

  it.each<[string, string[], string[], boolean]>([
    ['excludedAttributes=members (Entra)', [], ['members'], false],
    ['attributes=displayName', ['displayName'], [], false],
    ['default', [], [], true],
  ])('members — %s → %s', (_label, attributes, excluded, expected) => {
    expect(wantsAttribute(GROUP_RESOURCE_TYPE, spec(attributes, excluded), { name: 'members' })).toBe(
      expected,
    );
  });

  it('never wants password, always wants id', () => {
    expect(wantsAttribute(USER_RESOURCE_TYPE, spec(), { name: 'password' })).toBe(false);
    expect(wantsAttribute(USER_RESOURCE_TYPE, spec(['userName'], ['id']), { name: 'id' })).toBe(true);
  });
});

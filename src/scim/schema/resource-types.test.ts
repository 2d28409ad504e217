import { describe, expect, it } from 'vitest';
import { COMMON_ATTRIBUTES } from './common-attributes.js';
import { findSubAttribute } from './resolve-attribute.js';
import {
  ENTERPRISE_USER_URN,
  GROUP_RESOURCE_TYPE,
  RESOURCE_TYPES,
  SCHEMAS,
  USER_RESOURCE_TYPE,
} from './resource-types.js';
import type { AttributeDef, SchemaDef } from './schema-types.js';

function attr(schema: SchemaDef, path: string): AttributeDef {
  const [name = '', sub] = path.split('.');
  const top = schema.attributes.find((a) => a.name === name);
  const found = sub === undefined || top === undefined ? top : findSubAttribute(top, sub);
  if (found === undefined) throw new Error(`no ${path} in ${schema.id}`);
  return found;
}

const user = USER_RESOURCE_TYPE.schema;
const group = GROUP_RESOURCE_TYPE.schema;
const enterprise = SCHEMAS.find((s) => s.id === ENTERPRISE_USER_URN)!;

describe('schema definitions (RFC 7643 §8.7.1)', () => {
  it('lists every core User attribute in RFC order', () => {
    expect(user.attributes.map((a) => a.name)).toEqual([
      'userName',
      'name',
      'displayName',
      'nickName',
      'profileUrl',
      'title',
      'userType',
      'preferredLanguage',
      'locale',
      'timezone',
      'active',
      'password',
      'emails',
      'phoneNumbers',
      'ims',
      'photos',
      'addresses',
      'groups',
      'entitlements',
      'roles',
      'x509Certificates',
    ]);
    expect(enterprise.attributes.map((a) => a.name)).toEqual([
      'employeeNumber',
      'costCenter',
      'organization',
      'division',
      'department',
      'manager',
    ]);
    expect(group.attributes.map((a) => a.name)).toEqual(['displayName', 'members']);
  });

  it.each<[SchemaDef, string, Partial<AttributeDef>]>([
    [user, 'userName', { required: true, caseExact: false, uniqueness: 'server', returned: 'default' }],
    [user, 'password', { mutability: 'writeOnly', returned: 'never' }],
    [user, 'profileUrl', { type: 'reference', referenceTypes: ['external'] }],
    [user, 'active', { type: 'boolean' }],
    [user, 'emails', { type: 'complex', multiValued: true }],
    [user, 'emails.type', { canonicalValues: ['work', 'home', 'other'] }],
    [user, 'addresses.postalCode', { type: 'string' }],
    [user, 'addresses.primary', { type: 'boolean' }],
    [user, 'groups', { mutability: 'readOnly', multiValued: true }],
    [user, 'groups.$ref', { mutability: 'readOnly', referenceTypes: ['User', 'Group'] }],
    [user, 'groups.type', { mutability: 'readOnly', canonicalValues: ['direct', 'indirect'] }],
    [user, 'x509Certificates.value', { type: 'binary' }],
    [enterprise, 'manager', { type: 'complex', multiValued: false }],
    [enterprise, 'manager.$ref', { referenceTypes: ['User'] }],
    [enterprise, 'manager.displayName', { mutability: 'readOnly' }],
    [group, 'displayName', { required: true }],
    [group, 'members.value', { mutability: 'immutable' }],
    [group, 'members.type', { canonicalValues: ['User', 'Group'] }],
  ])('%#: %s has the RFC characteristics', (schema, path, expected) => {
    expect(attr(schema, path)).toMatchObject(expected);
  });

  it('has common attributes with RFC 7643 §3.1 characteristics', () => {
    const byName = new Map(COMMON_ATTRIBUTES.map((a) => [a.name, a]));
    expect(byName.get('id')).toMatchObject({ caseExact: true, mutability: 'readOnly', returned: 'always' });
    expect(byName.get('externalId')).toMatchObject({ caseExact: true, mutability: 'readWrite' });
    expect(byName.get('meta')).toMatchObject({ mutability: 'readOnly', type: 'complex' });
    expect(byName.get('meta')?.subAttributes?.map((a) => a.name)).toEqual([
      'resourceType',
      'created',
      'lastModified',
      'location',
      'version',
    ]);
  });

  it('never gives two attributes of one scope the same name (case-insensitively)', () => {
    const scopes: (readonly AttributeDef[])[] = [COMMON_ATTRIBUTES];
    for (const schema of SCHEMAS) {
      scopes.push(schema.attributes);
      for (const a of schema.attributes) if (a.subAttributes !== undefined) scopes.push(a.subAttributes);
    }
    for (const attrs of scopes) {
      const names = attrs.map((a) => a.name.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('keeps core and common names apart, so unqualified resolution is unambiguous', () => {
    for (const type of RESOURCE_TYPES) {
      const core = new Set(type.schema.attributes.map((a) => a.name.toLowerCase()));
      for (const c of COMMON_ATTRIBUTES) expect(core.has(c.name.toLowerCase())).toBe(false);
    }
  });

  it('gives sub-attributes only to complex attributes', () => {
    for (const schema of [...SCHEMAS, { attributes: COMMON_ATTRIBUTES }]) {
      for (const a of schema.attributes) {
        expect(a.subAttributes !== undefined).toBe(a.type === 'complex');
      }
    }
  });

  it('offers the enterprise extension on User, optional', () => {
    expect(USER_RESOURCE_TYPE.extensions).toEqual([{ schema: enterprise, required: false }]);
    expect(GROUP_RESOURCE_TYPE.extensions).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors.js';
import type { AttrPath } from './attr-path.js';
import { parseAttrPath, parseAttrPathList } from './parse-attr-path.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

function errorOf(run: () => unknown): ScimError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError');
}

describe('parseAttrPath (RFC 7644 §3.10)', () => {
  const vectors: [string, AttrPath][] = [
    ['userName', { name: 'userName' }],
    ['name.givenName', { name: 'name', subAttr: 'givenName' }],
    ['members.$ref', { name: 'members', subAttr: '$ref' }],
    ['$ref', { name: '$ref' }],
    ['x-custom_attr9', { name: 'x-custom_attr9' }],
    [`${CORE_USER}:userName`, { schema: CORE_USER, name: 'userName' }],
    [`${CORE_USER}:name.familyName`, { schema: CORE_USER, name: 'name', subAttr: 'familyName' }],
    [`${ENTERPRISE}:manager.value`, { schema: ENTERPRISE, name: 'manager', subAttr: 'value' }],
    [`${ENTERPRISE}:manager`, { schema: ENTERPRISE, name: 'manager' }],
    [`${ENTERPRISE}:employeeNumber`, { schema: ENTERPRISE, name: 'employeeNumber' }],
    // A bare schema URN splits at its last colon; schema/resolve-attribute.ts recognises that form.
    [ENTERPRISE, { schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0', name: 'User' }],
    // OneLogin's pre-RFC URNs.
    [
      'urn:scim:schemas:core:2.0:User:userName',
      { schema: 'urn:scim:schemas:core:2.0:User', name: 'userName' },
    ],
    [
      'URN:IETF:params:scim:schemas:core:2.0:User:title',
      { schema: 'URN:IETF:params:scim:schemas:core:2.0:User', name: 'title' },
    ],
    ['  emails.value ', { name: 'emails', subAttr: 'value' }],
  ];
  it.each(vectors)('%s', (text, expected) => {
    expect(parseAttrPath(text)).toEqual(expected);
  });

  const invalid: [string, string][] = [
    ['', 'empty attribute path'],
    ['1name', 'attribute name expected'],
    ['name.', 'sub-attribute name expected'],
    ['name..x', 'sub-attribute name expected'],
    ['name.givenName.x', 'unexpected "."'],
    ['user name', 'unexpected " "'],
    ['emails[type eq "work"]', 'unexpected "["'],
    ['$refs', 'attribute name expected'],
    ['urn:', 'schema URN without attribute name'],
    ['urn:ietf:params:scim:schemas:core:2.0', 'attribute name expected'],
    [`${CORE_USER}:`, 'attribute name expected'],
    ['urn:a::b', 'invalid character in schema URN'],
    ['urn:a b:c', 'invalid character in schema URN'],
    ['na\u00efve', 'unexpected'],
  ];
  it.each(invalid)('rejects %j with invalidPath', (text, fragment) => {
    const error = errorOf(() => parseAttrPath(text));
    expect(error.status).toBe(400);
    expect(error.scimType).toBe('invalidPath');
    expect(error.message).toContain(fragment);
  });
});

describe('parseAttrPathList (attributes= / excludedAttributes=)', () => {
  it.each<[string, AttrPath[]]>([
    ['userName', [{ name: 'userName' }]],
    [
      'userName, name.givenName ,emails',
      [{ name: 'userName' }, { name: 'name', subAttr: 'givenName' }, { name: 'emails' }],
    ],
    ['members', [{ name: 'members' }]],
    [',,userName,, ,', [{ name: 'userName' }]],
    ['', []],
    [`${ENTERPRISE}:manager,displayName`, [{ schema: ENTERPRISE, name: 'manager' }, { name: 'displayName' }]],
  ])('%j', (text, expected) => {
    expect(parseAttrPathList(text)).toEqual(expected);
  });

  it('rejects a list with one bad item', () => {
    expect(errorOf(() => parseAttrPathList('userName,na me')).scimType).toBe('invalidPath');
  });
});

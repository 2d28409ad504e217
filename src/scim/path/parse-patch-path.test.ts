import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors.js';
import { parsePatchPath, type PatchPath } from './parse-patch-path.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const MEMBER = '2819c223-7f76-453a-919d-413861904646';

describe('parsePatchPath (RFC 7644 §3.5.2)', () => {
  const vectors: [string, PatchPath][] = [
    // RFC 7644 §3.5.2.1–3 examples. Filter positions are offsets in the whole path.
    ['members', { attr: { name: 'members' } }],
    ['name.familyName', { attr: { name: 'name', subAttr: 'familyName' } }],
    [
      'addresses[type eq "work"]',
      {
        attr: { name: 'addresses' },
        filter: { kind: 'compare', path: { name: 'type' }, op: 'eq', value: 'work', pos: 10 },
      },
    ],
    [
      `members[value eq "${MEMBER}"]`,
      {
        attr: { name: 'members' },
        filter: { kind: 'compare', path: { name: 'value' }, op: 'eq', value: MEMBER, pos: 8 },
      },
    ],
    [
      `members[value eq "${MEMBER}"].displayName`,
      {
        attr: { name: 'members' },
        filter: { kind: 'compare', path: { name: 'value' }, op: 'eq', value: MEMBER, pos: 8 },
        subAttr: 'displayName',
      },
    ],
    [
      'emails[type eq "work" and value ew "example.com"]',
      {
        attr: { name: 'emails' },
        filter: {
          kind: 'and',
          left: { kind: 'compare', path: { name: 'type' }, op: 'eq', value: 'work', pos: 7 },
          right: { kind: 'compare', path: { name: 'value' }, op: 'ew', value: 'example.com', pos: 26 },
        },
      },
    ],
    // Entra.
    [
      'emails[type eq "work"].value',
      {
        attr: { name: 'emails' },
        filter: { kind: 'compare', path: { name: 'type' }, op: 'eq', value: 'work', pos: 7 },
        subAttr: 'value',
      },
    ],
    [
      'phoneNumbers[type  EQ "work"].value',
      {
        attr: { name: 'phoneNumbers' },
        filter: { kind: 'compare', path: { name: 'type' }, op: 'eq', value: 'work', pos: 13 },
        subAttr: 'value',
      },
    ],
    [`${ENTERPRISE}:manager`, { attr: { schema: ENTERPRISE, name: 'manager' } }],
    [`${ENTERPRISE}:employeeNumber`, { attr: { schema: ENTERPRISE, name: 'employeeNumber' } }],
    [ENTERPRISE, { attr: { schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0', name: 'User' } }],
    [
      'emails[value eq "a]b"]',
      {
        attr: { name: 'emails' },
        filter: { kind: 'compare', path: { name: 'value' }, op: 'eq', value: 'a]b', pos: 7 },
      },
    ],
    [' title ', { attr: { name: 'title' } }],
  ];
  it.each(vectors)('%s', (text, expected) => {
    expect(parsePatchPath(text)).toEqual(expected);
  });

  const invalid: [string, string][] = [
    ['', 'empty attribute path'],
    ['emails[', 'missing "]"'],
    ['emails[type eq "work"', 'missing "]"'],
    ['emails[]', 'empty filter'],
    ['emails[type eq]', 'missing value'],
    ['emails[type eq "work"]value', 'expected end of path'],
    ['emails[type eq "work"].', 'expected end of path'],
    ['emails[type eq "work"].value.x', 'expected end of path'],
    ['emails[type eq "work"][value pr]', 'expected end of path'],
    ['emails[type[value pr]]', 'cannot be nested'],
    ['name.familyName[value pr]', 'not to a sub-attribute'],
    ['emails[type eq "work"].value eq "x"', 'expected end of path'],
    ['emails x', 'unexpected " "'],
    ['9lives', 'attribute name expected'],
  ];
  it.each(invalid)('rejects %j with invalidPath', (text, fragment) => {
    let caught: unknown;
    try {
      parsePatchPath(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScimError);
    expect((caught as ScimError).scimType).toBe('invalidPath');
    expect((caught as ScimError).message).toContain(fragment);
  });
});

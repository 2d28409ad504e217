// Property: for any operation list, applyPatch returns new data or throws a ScimError, never mutates its input, and
// never leaves an unassigned value (null, "", [], {}) in the result.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors.js';
import { ENTERPRISE_USER_URN, USER_RESOURCE_TYPE } from '../schema/resource-types.js';
import type { JsonObject, JsonValue } from '../../shared/json.js';
import { applyPatch } from './apply-patch.js';
import type { PatchOp } from './parse-patch-request.js';
import { parsePatchRequest } from './parse-patch-request.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

function hasEmpty(value: JsonValue): boolean {
  if (value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0 || value.some(hasEmpty);
  if (typeof value === 'object')
    return Object.keys(value).length === 0 || Object.values(value).some(hasEmpty);
  return false;
}

const paths = [
  'displayName',
  'title',
  'active',
  'userName',
  'name',
  'name.givenName',
  'emails',
  'emails.value',
  'emails[type eq "work"]',
  'emails[type eq "work"].value',
  'emails[type eq "home" and primary eq true].primary',
  'emails[value co "@"]',
  'phoneNumbers[type eq "work"].value',
  `${ENTERPRISE_USER_URN}:department`,
  `${ENTERPRISE_USER_URN}:manager`,
  `${ENTERPRISE_USER_URN}:manager.value`,
  ENTERPRISE_USER_URN,
  'id',
  'meta.created',
  'groups',
  'nosuchattribute',
];
const samples: JsonValue[] = [
  'x',
  'False',
  'true',
  '',
  'banana',
  '2026-01-01T00:00:00Z',
  'u-self',
  null,
  [],
  [
    { value: 'a@example.com', type: 'work', primary: true },
    { value: 'b@example.com', type: 'home' },
  ],
  { givenName: 'Ada' },
  { value: 'boss' },
  { 'name.givenName': 'Ada', 'emails[type eq "work"].value': 'w@x', active: 'False', id: 'u-self' },
  { department: 'R&D', manager: '' },
];
const values = fc.oneof(fc.constantFrom(...samples), fc.boolean(), fc.integer());
const operation = fc.record(
  {
    op: fc.constantFrom('add', 'replace', 'remove', 'Add', 'Replace', 'Remove'),
    // Mostly with a path: path-less operations are mostly rejected by the parser already.
    path: fc.option(fc.constantFrom(...paths), { freq: 6, nil: undefined }),
    value: values,
  },
  { requiredKeys: ['op', 'path'] },
);

const start: JsonObject = deepFreeze({
  userName: 'ada',
  displayName: 'Ada',
  active: true,
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  emails: [{ value: 'ada@example.com', type: 'work', primary: true }],
  [ENTERPRISE_USER_URN]: { department: 'Math', manager: { value: 'boss' } },
});
const snapshot = JSON.stringify(start);

describe('applyPatch (property)', () => {
  it('returns new data or throws a ScimError, never mutates the input, never keeps empty values', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 5 }), (operations) => {
        let ops: PatchOp[];
        try {
          ops = parsePatchRequest({ Operations: operations });
        } catch (error) {
          expect(error).toBeInstanceOf(ScimError);
          return;
        }
        try {
          const out = applyPatch(start, ops, USER_RESOURCE_TYPE, { id: 'u-self' });
          expect(out).not.toBe(start);
          expect(hasEmpty(out)).toBe(false);
          expect(out['userName']).toBeDefined();
        } catch (error) {
          expect(error).toBeInstanceOf(ScimError);
        }
        expect(JSON.stringify(start)).toBe(snapshot);
      }),
      { numRuns: 500 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectResource } from '../scim/resource/project-resource.js';
import { ENTERPRISE_USER_URN, USER_RESOURCE_TYPE } from '../scim/schema/resource-types.js';
import type { JsonObject } from '../shared/json.js';
import type { GroupRef, UserRecord } from './ports.js';
import { toScimUser, toScimUserJson } from './to-scim-resource.js';

const BASE = 'https://muster.example.com/scim/v2';
const DEFAULT = { attributes: [], excludedAttributes: [] };

function userWith(data: JsonObject): UserRecord {
  return {
    id: '0195f0c4-1a2b-7c3d-8e4f-5a6b7c8d9e0f',
    orgId: 'org-1',
    userName: typeof data['userName'] === 'string' ? data['userName'] : 'x',
    externalId: null,
    displayName: null,
    active: true,
    data,
    version: 3,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    managedBy: 'scim',
  };
}

/** What GET by id answered before the pass-through: the parsed document, mapped and projected. */
function parsedPath(user: UserRecord, groups: readonly GroupRef[]): JsonObject {
  return projectResource(toScimUser(user, groups, BASE), USER_RESOURCE_TYPE, DEFAULT);
}

function passThrough(user: UserRecord, groups: readonly GroupRef[]): string | undefined {
  const { data, ...fields } = user;
  return toScimUserJson({ user: fields, dataJson: JSON.stringify(data), groups }, BASE);
}

const GROUPS: GroupRef[] = [
  { value: 'g-1', display: 'Tour Guides' },
  { value: 'g-2', display: 'Quote " and \\ backslash' },
];

describe('toScimUserJson', () => {
  it('writes the same resource as the parsed path for a typical user, with and without groups', () => {
    const data: JsonObject = {
      userName: 'bjensen@example.com',
      name: { givenName: 'Barbara', familyName: 'Jensen' },
      emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }],
      active: true,
      [ENTERPRISE_USER_URN]: { employeeNumber: '701984', manager: { value: 'm-1' } },
    };
    for (const groups of [[], GROUPS]) {
      const json = passThrough(userWith(data), groups);
      expect(json).toBeDefined();
      expect(JSON.parse(json ?? '')).toEqual(parsedPath(userWith(data), groups));
    }
  });

  it('lists the enterprise schema only when the document has the extension', () => {
    const core = JSON.parse(passThrough(userWith({ userName: 'a' }), []) ?? '') as JsonObject;
    expect(core['schemas']).toEqual(['urn:ietf:params:scim:schemas:core:2.0:User']);
    // The URN as a string value is not the extension.
    const mention = JSON.parse(
      passThrough(userWith({ userName: 'a', title: `"${ENTERPRISE_USER_URN}":` }), []) ?? '',
    );
    expect(mention).toEqual(parsedPath(userWith({ userName: 'a', title: `"${ENTERPRISE_USER_URN}":` }), []));
  });

  it('leaves a document with an empty extension or a null to the parsed path', () => {
    expect(passThrough(userWith({ userName: 'a', [ENTERPRISE_USER_URN]: {} }), [])).toBeUndefined();
    expect(passThrough(userWith({ userName: 'a', title: null }), [])).toBeUndefined();
  });

  it('equals the parsed path for any stored document it takes (property)', () => {
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '"',
        '\\',
        ':{}',
        '":',
        ENTERPRISE_USER_URN,
        `"${ENTERPRISE_USER_URN}":{`,
        'é ✓ 𝄞',
        'null',
      ),
    );
    const document = fc.record(
      {
        userName: text,
        displayName: text,
        title: fc.oneof(text, fc.constant(null)),
        active: fc.boolean(),
        name: fc.record({ givenName: text, familyName: text }, { requiredKeys: [] }),
        emails: fc.array(fc.record({ value: text, primary: fc.boolean() }), { maxLength: 3 }),
        [ENTERPRISE_USER_URN]: fc.record({ department: text, employeeNumber: text }, { requiredKeys: [] }),
      },
      { requiredKeys: ['userName'] },
    );
    const groups = fc.array(fc.record({ value: fc.uuid(), display: text }), { maxLength: 3 });
    fc.assert(
      fc.property(document, groups, (data, refs) => {
        const user = userWith(data);
        const json = passThrough(user, refs);
        if (json !== undefined) expect(JSON.parse(json)).toEqual(parsedPath(user, refs));
      }),
      { numRuns: 500 },
    );
  });
});

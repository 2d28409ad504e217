// RFC 7644 §3.4.2.2: whatever filter a client sends, listing Users or Groups answers a page or a 400 invalidFilter
// (unknown attribute, a value of the wrong type, a syntax error), never another error, in the store and over HTTP.
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/domain/ports.js';
import { ScimError } from '../../src/scim/errors.js';
import { parseFilter } from '../../src/scim/filter/parse-filter.js';
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js';
import { GROUP_SCHEMA, newUser, scimRequest, type ScimRequest } from '../integration/scim-request.js';
import { openPostgresTestStore } from '../support/postgres-test-database.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { CORE_USER, ENTERPRISE, listQuery, org } from './store-fixtures.js';
import { seed } from './store-seed.js';

type StringUnit = 'binary' | 'grapheme';

interface ResourceVocabulary {
  /** Attribute paths as a client may write them: simple, sub-attributes, complex, URN-qualified, odd casing. */
  readonly paths: readonly string[];
  /** Multi-valued attributes and the sub-attributes a value filter on them may name. */
  readonly valuePaths: Readonly<Record<string, readonly string[]>>;
}

const USERS: ResourceVocabulary = {
  paths: [
    'userName',
    'USERNAME',
    `${CORE_USER}:userName`,
    'displayName',
    'nickName',
    'title',
    'userType',
    'locale',
    'active',
    'externalId',
    'id',
    'password',
    'name',
    'name.givenName',
    'name.familyName',
    'name.formatted',
    'emails',
    'emails.value',
    'emails.type',
    'emails.primary',
    'phoneNumbers.value',
    'addresses',
    'addresses.locality',
    'addresses.primary',
    'groups',
    'groups.value',
    'groups.display',
    'roles.value',
    'x509Certificates.value',
    'meta',
    'meta.created',
    'meta.lastModified',
    'meta.location',
    'meta.resourceType',
    'schemas',
    `${ENTERPRISE}:department`,
    `${ENTERPRISE}:employeeNumber`,
    `${ENTERPRISE}:manager`,
    `${ENTERPRISE}:manager.value`,
    `${ENTERPRISE}:manager.displayName`,
  ],
  valuePaths: {
    emails: ['value', 'type', 'primary', 'display'],
    phoneNumbers: ['value', 'type'],
    addresses: ['locality', 'type', 'primary'],
    groups: ['value', 'display', 'type', '$ref'],
    roles: ['value', 'primary'],
    x509Certificates: ['value'],
    [`${ENTERPRISE}:manager`]: ['value'],
  },
};

const GROUPS: ResourceVocabulary = {
  paths: [
    'displayName',
    'externalId',
    'id',
    'members',
    'members.value',
    'members.display',
    'members.type',
    'members.$ref',
    'meta.created',
    'meta.lastModified',
    'meta',
  ],
  valuePaths: { members: ['value', 'display', 'type', '$ref'] },
};

const OPERATORS = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'EQ', 'Ne', 'GT'] as const;

function valueArb(unit: StringUnit): fc.Arbitrary<string> {
  const strings = fc.oneof(
    fc.constantFrom(
      'bob',
      'Alice@Example.com',
      'work',
      'Work',
      '',
      '%',
      '_',
      'R&D',
      'Engineering',
      'User',
      'Group',
      // PostgreSQL cannot hold U+0000: a filter with it must still be a page or invalidFilter there.
      'a\u0000b',
    ),
    fc.string({ unit, maxLength: 12 }),
  );
  const dates = fc.oneof(
    fc
      .date({
        min: new Date('1970-01-01T00:00:00Z'),
        max: new Date('2100-01-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString()),
    fc.constantFrom(
      '2026-01-01',
      '2026-01-01T00:20:00Z',
      '2011-05-13T04:42:34+02:00',
      'yesterday',
      '2026-13-45',
    ),
  );
  const numbers = fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -1, 1.5, 1e308),
  );
  return fc.oneof(
    strings.map((s) => JSON.stringify(s)),
    dates.map((d) => JSON.stringify(d)),
    numbers.map((n) => JSON.stringify(n)),
    fc.constantFrom('true', 'false', 'null', 'True', 'NULL'),
  );
}

function conditionArb(paths: fc.Arbitrary<string>, unit: StringUnit): fc.Arbitrary<string> {
  return fc.oneof(
    paths.map((p) => `${p} pr`),
    fc
      .tuple(paths, fc.constantFrom(...OPERATORS), valueArb(unit))
      .map(([p, op, value]) => `${p} ${op} ${value}`),
  );
}

/** and/or/not/parentheses over `leaf`, shallow enough to stay far below the parser's depth limit. */
function treeArb(leaf: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      leaf,
      fc
        .tuple(tie('node'), fc.constantFrom('and', 'or', 'AND', 'Or'), tie('node'))
        .map(([left, keyword, right]) => `${left} ${keyword} ${right}`),
      tie('node').map((f) => `not (${f})`),
      tie('node').map((f) => `(${f})`),
    ),
  })).node;
}

const unknownNameArb = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/);
const unknownPathArb = fc.oneof(
  unknownNameArb,
  fc.tuple(unknownNameArb, unknownNameArb).map(([a, b]) => `${a}.${b}`),
  unknownNameArb.map((name) => `urn:example:unknown:1.0:User:${name}`),
  unknownNameArb.map((name) => `${ENTERPRISE}:${name}`),
);

/** Fragments that make random sequences look like filters, so they reach past the first characters. */
const FRAGMENTS = [
  'userName',
  'emails',
  '[',
  ']',
  '(',
  ')',
  'eq',
  'pr',
  'and',
  'or',
  'not',
  '"x"',
  '1',
  'true',
];

function filterTextArb(vocabulary: ResourceVocabulary, unit: StringUnit): fc.Arbitrary<string> {
  const realPath = fc.constantFrom(...vocabulary.paths);
  const valuePath = fc.constantFrom(...Object.keys(vocabulary.valuePaths)).chain((attr) => {
    const subs = fc.constantFrom(...(vocabulary.valuePaths[attr] ?? ['value']));
    const inner = treeArb(conditionArb(fc.oneof({ weight: 4, arbitrary: subs }, unknownNameArb), unit));
    return fc.oneof(
      inner.map((filter) => `${attr}[${filter}]`),
      // Entra: `emails[type eq "work"].value eq "x"`.
      fc
        .tuple(inner, conditionArb(subs, unit))
        .map(([filter, condition]) => `${attr}[${filter}].${condition}`),
    );
  });
  const wellFormed = treeArb(
    fc.oneof({ weight: 5, arbitrary: conditionArb(realPath, unit) }, { weight: 2, arbitrary: valuePath }),
  );
  const junkLeaf = fc.oneof(
    conditionArb(unknownPathArb, unit),
    fc.constantFrom('active gt "x"', 'meta.created gt 5', 'name pr', 'emails gt "a"', 'userName eq bjensen'),
  );
  const mixed = treeArb(
    fc.oneof({ weight: 3, arbitrary: conditionArb(realPath, unit) }, { weight: 1, arbitrary: junkLeaf }),
  );
  const soup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((parts) => parts.join(' '));
  return fc.oneof(
    { weight: 5, arbitrary: wellFormed },
    { weight: 3, arbitrary: mixed },
    { weight: 1, arbitrary: fc.string({ unit, maxLength: 60 }) },
    { weight: 1, arbitrary: soup },
  );
}

/** undefined when `error` is the 400 invalidFilter the property allows; otherwise what it was. */
function unexpected(error: unknown): unknown {
  return error instanceof ScimError && error.status === 400 && error.scimType === 'invalidFilter'
    ? undefined
    : error;
}

const stores: [string, () => Promise<Store>][] = [
  ['sqlite', () => createSqliteStore({ filename: ':memory:' })],
  ['postgres', () => openPostgresTestStore()],
];

describe.each(stores)(
  'store (%s): any filter lists a page or fails with invalidFilter',
  (_name, openStore) => {
    // Opened per test (there is one), so a store that cannot be opened fails that test rather than skipping it.
    let store: Store;
    beforeEach(async () => {
      store = await openStore();
      await store.organizations.insert(org('o1'));
      await store.organizations.insert(org('o2'));
      await seed(store);
    });
    afterEach(async () => {
      await store.close();
    });

    async function listWith(resource: 'users' | 'groups', text: string): Promise<void> {
      let outcome: { page: { totalResults: number; items: readonly unknown[] } } | { error: unknown };
      try {
        const query = listQuery({ filter: parseFilter(text) });
        outcome = { page: await store[resource].list('o1', query) };
      } catch (error) {
        outcome = { error };
      }
      if ('error' in outcome) {
        expect(unexpected(outcome.error)).toBeUndefined();
      } else {
        expect(Number.isInteger(outcome.page.totalResults)).toBe(true);
        expect(outcome.page.items.length).toBeLessThanOrEqual(outcome.page.totalResults);
      }
    }

    it('users and groups', async () => {
      const cases = fc.oneof(
        filterTextArb(USERS, 'binary').map((text) => ({ resource: 'users' as const, text })),
        filterTextArb(GROUPS, 'binary').map((text) => ({ resource: 'groups' as const, text })),
      );
      await fc.assert(
        fc.asyncProperty(cases, ({ resource, text }) => listWith(resource, text)),
        { numRuns: 300 },
      );
    });
  },
);

describe('GET /Users?filter=…: 200 or 400 invalidFilter, never 500', () => {
  let t: TestApp;
  let scim: ScimRequest;
  beforeAll(async () => {
    t = await createTestApp();
    scim = scimRequest(t);
    const alice = await scim(
      'POST',
      '/Users',
      newUser('alice@example.com', {
        name: { givenName: 'Alice', familyName: 'Liddell' },
        title: 'Engineer',
        emails: [{ value: 'alice@work.example', type: 'work', primary: true }],
        [ENTERPRISE]: { department: 'R&D', manager: { value: 'boss' } },
        schemas: [CORE_USER, ENTERPRISE],
      }),
    );
    const bob = await scim('POST', '/Users', newUser('bob', { active: false }));
    expect([alice.status, bob.status]).toEqual([201, 201]);
    const group = await scim('POST', '/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Engineering',
      members: [{ value: alice.body.id as string }],
    });
    expect(group.status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('users', async () => {
    await fc.assert(
      fc.asyncProperty(filterTextArb(USERS, 'grapheme'), async (text) => {
        const res = await scim('GET', `/Users?filter=${encodeURIComponent(text)}`);
        if (res.status === 200) {
          expect(Array.isArray(res.body.Resources) || res.body.totalResults === 0).toBe(true);
        } else {
          expect({ status: res.status, scimType: res.body?.scimType }).toEqual({
            status: 400,
            scimType: 'invalidFilter',
          });
        }
      }),
      { numRuns: 150 },
    );
  });
});

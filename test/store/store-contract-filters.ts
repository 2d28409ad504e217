// Store contract, filters: FilterNode ASTs compiled to SQL and checked on real rows (RFC 7644 §3.4.2.2).
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/domain/ports.js';
import type { FilterNode } from '../../src/scim/filter/filter-node.js';
import { parseFilter } from '../../src/scim/filter/parse-filter.js';
import type { ListParams } from '../../src/scim/list/list-params.js';
import { CORE_USER, ENTERPRISE, and, at, cmp, listQuery, not, or, path, pr, vp } from './store-fixtures.js';
import { scimErrorOf, seed, type Seed } from './store-seed.js';

export function describeFilterContract(getStore: () => Store): void {
  describe('list filters', () => {
    let s: Seed;
    let store: Store;
    beforeEach(async () => {
      store = getStore();
      s = await seed(store);
    });

    const userNames = async (filter: FilterNode, extra: Partial<ListParams> = {}): Promise<string[]> =>
      (await store.users.list('o1', listQuery({ filter, ...extra }))).items.map((u) => u.userName);

    const groupNames = async (filter: FilterNode): Promise<string[]> =>
      (await store.groups.list('o1', listQuery({ filter }))).items.map((g) => g.displayName);

    it("answers `userName eq` (the IdPs' lookup) exactly as the general query with the same rows does", async () => {
      const eq = cmp(path('USERNAME'), 'eq', 'alice@EXAMPLE.com');
      // `and userName pr` matches the same rows but takes the general path (sort, page, count).
      const general = and(eq, pr(path('userName')));
      for (const extra of [
        {},
        { startIndex: 2 },
        { count: 0 },
        { startIndex: 0, count: 1 },
      ] as Partial<ListParams>[]) {
        const fast = await store.users.list('o1', listQuery({ filter: eq, ...extra }), { withGroups: true });
        const slow = await store.users.list('o1', listQuery({ filter: general, ...extra }), {
          withGroups: true,
        });
        expect(fast).toEqual(slow);
      }
      const found = await store.users.list('o1', listQuery({ filter: eq }), { withGroups: true });
      expect(found.totalResults).toBe(1);
      expect(found.items.map((u) => u.userName)).toEqual(['Alice@Example.com']);
      const urn = cmp(path('userName', undefined, CORE_USER), 'eq', 'BOB');
      expect((await store.users.list('o1', listQuery({ filter: urn }))).items.map((u) => u.userName)).toEqual(
        ['bob'],
      );
      const none = await store.users.list('o1', listQuery({ filter: cmp(path('userName'), 'eq', 'nobody') }));
      expect(none).toEqual({ totalResults: 0, items: [] });
      const other = await store.users.list('o2', listQuery({ filter: eq }));
      expect(other.items.map((u) => u.orgId)).toEqual(other.items.map(() => 'o2'));
    });

    it.each<[string, () => FilterNode, string[]]>([
      [
        'userName eq, caseExact=false',
        () => cmp(path('userName'), 'eq', 'ALICE@example.COM'),
        ['Alice@Example.com'],
      ],
      ['userName ne', () => cmp(path('userName'), 'ne', 'BOB'), ['Alice@Example.com', 'carol', 'dave_100%']],
      ['userName co', () => cmp(path('userName'), 'co', 'EXAMPLE'), ['Alice@Example.com']],
      ['userName sw', () => cmp(path('userName'), 'sw', 'B'), ['bob']],
      ['userName ew', () => cmp(path('userName'), 'ew', '.COM'), ['Alice@Example.com']],
      ['co with % is literal, not a wildcard', () => cmp(path('userName'), 'co', '0%'), ['dave_100%']],
      ['co with _ is literal', () => cmp(path('userName'), 'co', 'e_1'), ['dave_100%']],
      ['sw with % is literal', () => cmp(path('userName'), 'sw', '%'), []],
      [
        'userName gt (lexicographic, folded)',
        () => cmp(path('userName'), 'gt', 'BOB'),
        ['carol', 'dave_100%'],
      ],
      ['userName le', () => cmp(path('userName'), 'le', 'bob'), ['Alice@Example.com', 'bob']],
      ['URN-qualified core path', () => cmp(path('userName', undefined, CORE_USER), 'eq', 'bob'), ['bob']],
      ['attribute names are case-insensitive', () => cmp(path('USERNAME'), 'eq', 'bob'), ['bob']],
      ['externalId is caseExact', () => cmp(path('externalId'), 'eq', 'EXT-1'), []],
      ['externalId eq', () => cmp(path('externalId'), 'eq', 'ext-1'), ['Alice@Example.com']],
      ['displayName pr', () => pr(path('displayName')), ['Alice@Example.com', 'bob', 'dave_100%']],
      ['pr: empty string is absent', () => pr(path('title')), ['Alice@Example.com']],
      ['not pr', () => not(pr(path('title'))), ['bob', 'carol', 'dave_100%']],
      ['title eq (JSON, caseExact=false)', () => cmp(path('title'), 'eq', 'engineer'), ['Alice@Example.com']],
      [
        'not eq matches absent values',
        () => not(cmp(path('title'), 'eq', 'Engineer')),
        ['bob', 'carol', 'dave_100%'],
      ],
      ['ne matches absent values', () => cmp(path('title'), 'ne', 'Engineer'), ['bob', 'carol', 'dave_100%']],
      ['eq null is "not present"', () => cmp(path('displayName'), 'eq', null), ['carol']],
      ['active eq false', () => cmp(path('active'), 'eq', false), ['bob']],
      ['active eq true', () => cmp(path('active'), 'eq', true), ['Alice@Example.com', 'carol', 'dave_100%']],
      ['active ne true', () => cmp(path('active'), 'ne', true), ['bob']],
      ['active eq "False" (Entra string boolean)', () => cmp(path('active'), 'eq', 'False'), ['bob']],
      [
        'meta.created gt (second precision value)',
        () => cmp(path('meta', 'created'), 'gt', at(20).replace('.000', '')),
        ['carol', 'dave_100%'],
      ],
      ['meta.created ge', () => cmp(path('meta', 'created'), 'ge', at(20)), ['bob', 'carol', 'dave_100%']],
      ['meta.created lt', () => cmp(path('meta', 'created'), 'lt', at(20)), ['Alice@Example.com']],
      ['meta.lastModified ge', () => cmp(path('meta', 'lastModified'), 'ge', at(100)), ['carol']],
      ['id eq', () => cmp(path('id'), 'eq', s.bob.id), ['bob']],
      ['name.givenName sw', () => cmp(path('name', 'givenName'), 'sw', 'al'), ['Alice@Example.com']],
      [
        'emails.value eq, caseExact=false',
        () => cmp(path('emails', 'value'), 'eq', 'bob@work.example'),
        ['bob'],
      ],
      [
        'emails.value ew',
        () => cmp(path('emails', 'value'), 'ew', '.EXAMPLE'),
        ['Alice@Example.com', 'bob', 'dave_100%'],
      ],
      ['emails pr', () => pr(path('emails')), ['Alice@Example.com', 'bob', 'dave_100%']],
      [
        'emails co (value sub-attribute by default)',
        () => cmp(path('emails'), 'co', 'home'),
        ['Alice@Example.com', 'dave_100%'],
      ],
      [
        'emails.value ne: no element equals',
        () => cmp(path('emails', 'value'), 'ne', 'BOB@work.example'),
        ['Alice@Example.com', 'carol', 'dave_100%'],
      ],
      [
        'emails[type eq "work"].value eq "x" (folded by the parser)',
        () =>
          vp(
            path('emails'),
            and(cmp(path('type'), 'eq', 'work'), cmp(path('value'), 'eq', 'alice@work.example')),
          ),
        ['Alice@Example.com'],
      ],
      [
        'valuePath: one element must satisfy the whole filter',
        () => vp(path('emails'), and(cmp(path('type'), 'eq', 'work'), cmp(path('value'), 'co', 'home'))),
        [],
      ],
      [
        'without brackets the conditions may hold on different elements',
        () => and(cmp(path('emails', 'type'), 'eq', 'work'), cmp(path('emails', 'value'), 'co', 'home')),
        ['Alice@Example.com'],
      ],
      [
        'valuePath with a sub-attribute filter only',
        () => vp(path('emails'), cmp(path('type'), 'eq', 'WORK')),
        ['Alice@Example.com', 'bob'],
      ],
      [
        'valuePath on a boolean sub-attribute',
        () => vp(path('emails'), cmp(path('primary'), 'eq', true)),
        ['Alice@Example.com'],
      ],
      [
        'valuePath on a single complex attribute',
        () => vp(path('name'), cmp(path('givenName'), 'eq', 'ALICE')),
        ['Alice@Example.com'],
      ],
      [
        'valuePath with not inside',
        () => vp(path('emails'), not(cmp(path('type'), 'eq', 'work'))),
        ['Alice@Example.com', 'dave_100%'],
      ],
      [
        'enterprise department (URN-qualified)',
        () => cmp(path('department', undefined, ENTERPRISE), 'eq', 'r&d'),
        ['Alice@Example.com'],
      ],
      ['enterprise department (bare name)', () => cmp(path('department'), 'eq', 'Sales'), ['bob']],
      [
        'enterprise manager.value',
        () => cmp(path('manager', 'value', ENTERPRISE), 'eq', 'boss-id'),
        ['Alice@Example.com'],
      ],
      [
        'enterprise department pr',
        () => pr(path('department', undefined, ENTERPRISE)),
        ['Alice@Example.com', 'bob'],
      ],
      ['groups.value eq', () => cmp(path('groups', 'value'), 'eq', s.sales.id), ['bob']],
      [
        'groups[value eq …]',
        () => vp(path('groups'), cmp(path('value'), 'eq', s.eng.id)),
        ['Alice@Example.com', 'bob'],
      ],
      ['groups.display eq', () => cmp(path('groups', 'display'), 'eq', 'sales'), ['bob']],
      ['groups pr', () => pr(path('groups')), ['Alice@Example.com', 'bob']],
      [
        'or',
        () => or(cmp(path('userName'), 'eq', 'bob'), cmp(path('userName'), 'eq', 'carol')),
        ['bob', 'carol'],
      ],
      ['and with not', () => and(cmp(path('active'), 'eq', true), not(pr(path('emails')))), ['carol']],
      [
        'precedence is the AST’s: (a or b) and c',
        () =>
          and(
            or(cmp(path('userName'), 'eq', 'bob'), cmp(path('userName'), 'eq', 'carol')),
            cmp(path('active'), 'eq', true),
          ),
        ['carol'],
      ],
    ])('users: %s', async (_name, filter, expected) => {
      expect(await userNames(filter())).toEqual(expected);
    });

    it.each<[string, () => FilterNode, string[]]>([
      [
        'displayName eq, caseExact=false',
        () => cmp(path('displayName'), 'eq', 'ENGINEERING'),
        ['Engineering'],
      ],
      ['displayName sw', () => cmp(path('displayName'), 'sw', 's'), ['Sales']],
      ['externalId eq', () => cmp(path('externalId'), 'eq', 'g-ext'), ['Engineering']],
      ['members.value eq', () => cmp(path('members', 'value'), 'eq', s.bob.id), ['Engineering', 'Sales']],
      ['members eq (value by default)', () => cmp(path('members'), 'eq', s.alice.id), ['Engineering']],
      [
        'members[value eq …]',
        () => vp(path('members'), cmp(path('value'), 'eq', s.alice.id)),
        ['Engineering'],
      ],
      [
        'members[type eq "Group"]',
        () => vp(path('members'), cmp(path('type'), 'eq', 'group')),
        ['Engineering'],
      ],
      ['members.display eq', () => cmp(path('members', 'display'), 'eq', 'alice liddell'), ['Engineering']],
      ['members pr', () => pr(path('members')), ['Engineering', 'Sales']],
      ['not (members pr)', () => not(pr(path('members'))), ['Empty']],
    ])('groups: %s', async (_name, filter, expected) => {
      expect(await groupNames(filter())).toEqual(expected);
    });

    it.each<[string, () => FilterNode]>([
      ['unknown attribute', () => cmp(path('foo'), 'eq', 'x')],
      ['unknown sub-attribute', () => cmp(path('emails', 'foo'), 'eq', 'x')],
      [
        'unknown schema URN',
        () => cmp(path('department', undefined, 'urn:example:unknown:1.0:User'), 'eq', 'x'),
      ],
      ['unknown sub-attribute inside brackets', () => vp(path('emails'), cmp(path('nope'), 'eq', 'x'))],
      ['gt on a boolean (RFC 7644 §3.4.2.2)', () => cmp(path('active'), 'gt', true)],
      ['co on a boolean', () => cmp(path('active'), 'co', 'tr')],
      ['string compared with a number', () => cmp(path('userName'), 'eq', 5)],
      ['gt null', () => cmp(path('title'), 'gt', null)],
      ['a date that does not parse', () => cmp(path('meta', 'created'), 'gt', 'yesterday')],
      ['password is never filterable', () => cmp(path('password'), 'eq', 'secret')],
      ['computed meta.location', () => cmp(path('meta', 'location'), 'eq', 'x')],
      ['complex attribute without a value sub-attribute', () => cmp(path('name'), 'eq', 'x')],
      ['valuePath on a simple attribute', () => vp(path('userName'), cmp(path('value'), 'eq', 'x'))],
    ])('users: %s → 400 invalidFilter', async (_name, filter) => {
      expect(await scimErrorOf(store.users.list('o1', listQuery({ filter: filter() })))).toEqual({
        status: 400,
        scimType: 'invalidFilter',
      });
    });

    it('groups: unknown attribute → 400 invalidFilter', async () => {
      expect(
        await scimErrorOf(store.groups.list('o1', listQuery({ filter: cmp(path('userName'), 'eq', 'x') }))),
      ).toEqual({
        status: 400,
        scimType: 'invalidFilter',
      });
    });

    // The same compiler fed by the real parser, with filters exactly as IdPs send them (docs: IDP-NOTES.md).
    it.each<[string, (s: Seed) => string, string[]]>([
      ['Okta/Entra existence check', () => 'userName eq "ALICE@example.com"', ['Alice@Example.com']],
      ['Entra work email', () => 'emails[type eq "work"].value eq "bob@work.example"', ['bob']],
      ['Auth0 correlation', () => 'externalId eq "ext-2"', ['bob']],
      ['Microsoft validator: meta.created gt', () => `meta.created gt "${at(20)}"`, ['carol', 'dave_100%']],
      [
        'Microsoft validator: and/or with parentheses',
        () => '(userName eq "bob" or userName eq "carol") and active eq true',
        ['carol'],
      ],
      ['enterprise URN path', () => `${ENTERPRISE}:department eq "Sales"`, ['bob']],
      [
        'RFC 7644 §3.4.2.2: title pr and not',
        () => 'title pr and not (userName sw "x")',
        ['Alice@Example.com'],
      ],
      ['groups.value', (seedRows) => `groups.value eq "${seedRows.sales.id}"`, ['bob']],
    ])('parsed filter: %s', async (_name, text, expected) => {
      expect(await userNames(parseFilter(text(s)))).toEqual(expected);
    });
  });
}

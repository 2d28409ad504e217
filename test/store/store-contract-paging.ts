// Store contract, sorting and paging: RFC 7644 §3.4.2.3 sortBy/sortOrder, §3.4.2.4 index paging, RFC 9865 cursors.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/domain/ports.js';
import type { FilterNode } from '../../src/scim/filter/filter-node.js';
import type { ListParams } from '../../src/scim/list/list-params.js';
import { ENTERPRISE, at, cmp, listQuery, path, user } from './store-fixtures.js';
import { scimErrorOf, seed, type Seed } from './store-seed.js';

export function describePagingContract(getStore: () => Store): void {
  describe('list sorting and paging', () => {
    let s: Seed;
    let store: Store;
    beforeEach(async () => {
      store = getStore();
      s = await seed(store);
    });

    const userNames = async (filter: FilterNode, extra: Partial<ListParams> = {}): Promise<string[]> =>
      (await store.users.list('o1', listQuery({ filter, ...extra }))).items.map((u) => u.userName);

    it('lists in creation order by default and reports the exact total', async () => {
      const page = await store.users.list('o1', listQuery());
      expect(page.totalResults).toBe(4);
      expect(page.items.map((u) => u.id)).toEqual([s.alice.id, s.bob.id, s.carol.id, s.dave.id]);
      expect(page.nextCursor).toBeUndefined();
      const groups = await store.groups.list('o1', listQuery());
      expect(groups.items.map((g) => g.id)).toEqual([s.eng.id, s.sales.id, s.empty.id]);
      expect(await userNames(cmp(path('userName'), 'eq', 'nobody'))).toEqual([]);
    });

    it.each<[string, Partial<ListParams>, string[]]>([
      [
        'userName ascending (case-insensitive)',
        { sortBy: path('userName') },
        ['Alice@Example.com', 'bob', 'carol', 'dave_100%'],
      ],
      [
        'userName descending',
        { sortBy: path('userName'), sortOrder: 'descending' },
        ['dave_100%', 'carol', 'bob', 'Alice@Example.com'],
      ],
      [
        'displayName: absent values last',
        { sortBy: path('displayName') },
        ['Alice@Example.com', 'bob', 'dave_100%', 'carol'],
      ],
      [
        'displayName descending: absent values still last',
        { sortBy: path('displayName'), sortOrder: 'descending' },
        ['dave_100%', 'bob', 'Alice@Example.com', 'carol'],
      ],
      [
        'meta.lastModified descending',
        { sortBy: path('meta', 'lastModified'), sortOrder: 'descending' },
        ['carol', 'dave_100%', 'bob', 'Alice@Example.com'],
      ],
      [
        'JSON attribute',
        { sortBy: path('department', undefined, ENTERPRISE) },
        ['Alice@Example.com', 'bob', 'carol', 'dave_100%'],
      ],
      ['index paging: startIndex and count', { startIndex: 2, count: 2 }, ['bob', 'carol']],
      ['startIndex < 1 is 1', { startIndex: 0, count: 1 }, ['Alice@Example.com']],
      ['startIndex past the end', { startIndex: 9, count: 5 }, []],
    ])('sorting and paging: %s', async (_name, params, expected) => {
      const page = await store.users.list('o1', listQuery(params));
      expect(page.items.map((u) => u.userName)).toEqual(expected);
      expect(page.totalResults).toBe(4);
    });

    it('count=0 returns only totalResults (filtered)', async () => {
      const page = await store.users.list(
        'o1',
        listQuery({ count: 0, filter: cmp(path('active'), 'eq', true) }),
      );
      expect(page).toEqual({ totalResults: 3, items: [] });
    });

    it.each<[string, Partial<ListParams>]>([
      ['unknown attribute', { sortBy: path('nope') }],
      ['multi-valued attribute', { sortBy: path('emails') }],
    ])('sortBy %s → 400 invalidValue', async (_name, params) => {
      expect(await scimErrorOf(store.users.list('o1', listQuery(params)))).toEqual({
        status: 400,
        scimType: 'invalidValue',
      });
    });

    describe('paging over ties', () => {
      const orders: [string, Partial<ListParams>][] = [
        ['default order', {}],
        ['displayName ascending with ties and absent values', { sortBy: path('displayName') }],
        [
          'displayName descending with ties and absent values',
          { sortBy: path('displayName'), sortOrder: 'descending' },
        ],
        ['title ascending (JSON) with ties', { sortBy: path('title') }],
      ];

      beforeEach(async () => {
        await store.transaction(async (tx) => {
          for (let i = 0; i < 23; i++) {
            const data = {
              userName: `tie${String(i).padStart(2, '0')}`,
              ...(i % 4 === 0 ? {} : { displayName: `Bucket ${i % 3}` }),
              ...(i % 5 === 0 ? {} : { title: i % 2 === 0 ? 'even' : 'Odd' }),
            };
            await tx.users.insert(user('o1', data, { createdAt: at(1000 + Math.floor(i / 4)) }));
          }
        });
      });

      it.each(orders)('index pages of 4 concatenate to the full list: %s', async (_name, params) => {
        const full = (await store.users.list('o1', listQuery(params))).items.map((u) => u.id);
        expect(full).toHaveLength(27);
        const paged: string[] = [];
        for (let start = 1; start <= full.length; start += 4) {
          const page = await store.users.list('o1', listQuery({ ...params, startIndex: start, count: 4 }));
          expect(page.totalResults).toBe(27);
          paged.push(...page.items.map((u) => u.id));
        }
        expect(paged).toEqual(full);
      });

      it.each(orders)('cursor pages walk every row exactly once: %s', async (_name, params) => {
        const full = (await store.users.list('o1', listQuery(params))).items.map((u) => u.id);
        const walked: string[] = [];
        let cursor: string | undefined = '';
        let pages = 0;
        while (cursor !== undefined) {
          const page = await store.users.list('o1', listQuery({ ...params, cursor, count: 5 }));
          expect(page.totalResults).toBe(27);
          walked.push(...page.items.map((u) => u.id));
          cursor = page.nextCursor;
          pages += 1;
          expect(pages).toBeLessThanOrEqual(6);
        }
        expect(pages).toBe(6);
        expect(walked).toEqual(full);
      });

      it('has no nextCursor when the last page is exactly full', async () => {
        const page = await store.users.list('o1', listQuery({ cursor: '', count: 27 }));
        expect(page.items).toHaveLength(27);
        expect(page.nextCursor).toBeUndefined();
      });
    });

    it('cursor paging with a filter walks only matching rows', async () => {
      const filter = cmp(path('active'), 'eq', true);
      const first = await store.users.list('o1', listQuery({ filter, cursor: '', count: 2 }));
      expect(first.items.map((u) => u.userName)).toEqual(['Alice@Example.com', 'carol']);
      expect(first.totalResults).toBe(3);
      const second = await store.users.list(
        'o1',
        listQuery({ filter, cursor: first.nextCursor ?? 'missing', count: 2 }),
      );
      expect(second.items.map((u) => u.userName)).toEqual(['dave_100%']);
      expect(second.totalResults).toBe(3);
      expect(second.nextCursor).toBeUndefined();
    });

    it.each<[string, () => Promise<string>]>([
      ['garbage', () => Promise.resolve('not a cursor!')],
      ['base64url of something else', () => Promise.resolve(Buffer.from('{"x":1}').toString('base64url'))],
      [
        'a cursor from another sort order',
        async () => (await store.users.list('o1', listQuery({ cursor: '', count: 1 }))).nextCursor ?? '',
      ],
    ])('cursor %s → 400 invalidCursor', async (_name, makeCursor) => {
      const cursor = await makeCursor();
      const result = await scimErrorOf(
        store.users.list('o1', listQuery({ cursor, count: 1, sortBy: path('userName') })),
      );
      expect(result).toEqual({ status: 400, scimType: 'invalidCursor' });
    });
  });
}

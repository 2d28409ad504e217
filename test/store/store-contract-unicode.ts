// Store contract, Unicode case folding: caseExact=false comparisons fold both sides exactly like
// String.prototype.toLowerCase (full Unicode mappings, final sigma, Turkish dotted I), on indexed key columns, plain
// columns and JSON attributes alike.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/domain/ports.js';
import type { FilterNode } from '../../src/scim/filter/filter-node.js';
import { cmp, listQuery, path, user } from './store-fixtures.js';

export function describeUnicodeContract(getStore: () => Store): void {
  describe('Unicode case-insensitive filters', () => {
    let store: Store;
    beforeEach(async () => {
      store = getStore();
      for (const [userName, displayName, title] of [
        ['ÉLODIE', 'Élodie Ärger', 'ÉQUIPE'],
        ['ΣΊΣΥΦΟΣ', 'ΣΊΣΥΦΟΣ', 'ΟΔΟΣ'],
        ['İSTANBUL', 'İstanbul', 'İZMİR'],
        ['istanbul', 'istanbul', 'izmir'],
        ['STRASSE', 'Straße', 'ẞ'],
      ] as const) {
        await store.users.insert(user('o1', { userName, displayName, title }));
      }
    });

    const userNames = async (filter: FilterNode): Promise<string[]> =>
      (await store.users.list('o1', listQuery({ filter }))).items.map((u) => u.userName);

    it.each<[string, FilterNode, string[]]>([
      ['userName eq (key column)', cmp(path('userName'), 'eq', 'élodie'), ['ÉLODIE']],
      ['userName eq, final sigma', cmp(path('userName'), 'eq', 'σίσυφος'), ['ΣΊΣΥΦΟΣ']],
      ['userName eq, dotted capital I is not i', cmp(path('userName'), 'eq', 'İstanbul'), ['İSTANBUL']],
      ['displayName eq (plain column)', cmp(path('displayName'), 'eq', 'ÉLODIE ÄRGER'), ['ÉLODIE']],
      ['displayName eq, final sigma', cmp(path('displayName'), 'eq', 'Σίσυφος'), ['ΣΊΣΥΦΟΣ']],
      ['displayName co, medial sigma', cmp(path('displayName'), 'co', 'ΣΥΦ'), ['ΣΊΣΥΦΟΣ']],
      ['displayName ew, final sigma', cmp(path('displayName'), 'ew', 'ΟΣ'), ['ΣΊΣΥΦΟΣ']],
      ['displayName eq İ folds to i + dot', cmp(path('displayName'), 'eq', 'İSTANBUL'), ['İSTANBUL']],
      ['displayName eq plain i', cmp(path('displayName'), 'eq', 'ISTANBUL'), ['istanbul']],
      ['displayName sw İ', cmp(path('displayName'), 'sw', 'İs'), ['İSTANBUL']],
      ['displayName eq ß stays ß', cmp(path('displayName'), 'eq', 'STRAßE'), ['STRASSE']],
      ['title eq (JSON)', cmp(path('title'), 'eq', 'équipe'), ['ÉLODIE']],
      ['title eq, final sigma (JSON)', cmp(path('title'), 'eq', 'Οδοσ'.toUpperCase()), ['ΣΊΣΥΦΟΣ']],
      ['title co, final sigma (JSON)', cmp(path('title'), 'co', 'ΔΟΣ'), ['ΣΊΣΥΦΟΣ']],
      ['title eq İ (JSON)', cmp(path('title'), 'eq', 'İzmİr'), ['İSTANBUL']],
      ['title eq plain I (JSON)', cmp(path('title'), 'eq', 'IZMIR'), ['istanbul']],
      ['title eq capital sharp s (JSON)', cmp(path('title'), 'eq', 'ß'), ['STRASSE']],
    ])('%s', async (_name, filter, expected) => {
      expect(await userNames(filter)).toEqual(expected);
    });
  });
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ScimError } from '../errors.js';
import { parseListParams } from './parse-list-params.js';

const OPTIONS = { maxResults: 100, defaultCount: 20 };
const parse = (input: Record<string, unknown>) => parseListParams(input, OPTIONS);

function scimTypeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ScimError) return `${error.status} ${error.scimType ?? ''}`;
    throw error;
  }
  return undefined;
}

describe('parseListParams: paging (RFC 7644 §3.4.2.4)', () => {
  it.each([
    [{}, 1, 20],
    [{ startIndex: '1', count: '10' }, 1, 10],
    [{ startIndex: '0' }, 1, 20],
    [{ startIndex: '-3' }, 1, 20],
    [{ startIndex: ' 7 ' }, 7, 20],
    [{ count: '0' }, 1, 0],
    [{ count: '-1' }, 1, 0],
    [{ count: '-50' }, 1, 0],
    [{ count: '101' }, 1, 100],
    [{ count: '99999999999999999999999' }, 1, 100],
    [{ startIndex: 3, count: 5 }, 3, 5], // SearchRequest body numbers
    [{ startindex: '4', COUNT: '2' }, 4, 2], // parameter names are case-insensitive
    [{ count: ['5'] }, 1, 5],
  ])('%j → startIndex %i, count %i', (input, startIndex, count) => {
    const { params } = parse(input);
    expect(params).toMatchObject({ startIndex, count, sortOrder: 'ascending' });
    expect(params.cursor).toBeUndefined();
  });

  it('caps the default count at maxResults', () => {
    expect(parseListParams({}, { maxResults: 5, defaultCount: 50 }).params.count).toBe(5);
  });

  it.each([
    [{ count: 'ten' }],
    [{ count: '1.5' }],
    [{ count: 1.5 }],
    [{ startIndex: 'abc' }],
    [{ startIndex: '' }],
    [{ startIndex: true }],
    [{ count: ['1', '2'] }],
    [{ count: '1', Count: '2' }],
  ])('%j → 400 invalidValue', (input) => {
    expect(scimTypeOf(() => parse(input))).toBe('400 invalidValue');
  });

  it('clamps any integer into [0, maxResults] and [1, ∞)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (startIndex, count) => {
        const { params } = parse({ startIndex: String(startIndex), count: String(count) });
        expect(params.startIndex).toBe(Math.max(1, startIndex));
        expect(params.count).toBe(Math.min(100, Math.max(0, count)));
      }),
    );
  });
});

describe('parseListParams: cursor paging (RFC 9865)', () => {
  it.each([
    [{ cursor: '' }, ''],
    [{ cursor: 'abc' }, 'abc'],
    [{ cursor: ' abc ' }, 'abc'],
    [{ cursor: 'abc', count: '5' }, 'abc'],
  ])('%j → cursor %j', (input, cursor) => {
    expect(parse(input).params.cursor).toBe(cursor);
  });

  it.each([[{ cursor: '', startIndex: '1' }], [{ cursor: 5 }]])('%j → 400 invalidValue', (input) => {
    expect(scimTypeOf(() => parse(input))).toBe('400 invalidValue');
  });
});

describe('parseListParams: filter and sort', () => {
  it('parses the RFC 7644 §3.4.2.2 filter', () => {
    expect(parse({ filter: 'userName Eq "john"' }).params.filter).toEqual({
      kind: 'compare',
      path: { name: 'userName' },
      op: 'eq',
      value: 'john',
      pos: 0,
    });
  });

  it.each([[{ filter: '' }], [{ filter: '   ' }]])('%j → no filter', (input) => {
    expect(parse(input).params.filter).toBeUndefined();
  });

  it.each([[{ filter: 'userName eq' }], [{ filter: 42 }], [{ filter: ['a eq 1', 'b eq 2'] }]])(
    '%j → 400',
    (input) => {
      expect(scimTypeOf(() => parse(input))).toMatch(/^400 invalid(Filter|Value)$/);
    },
  );

  it.each([
    [{ sortBy: 'name.familyName' }, { name: 'name', subAttr: 'familyName' }, 'ascending'],
    [{ sortBy: 'userName', sortOrder: 'DESCENDING' }, { name: 'userName' }, 'descending'],
    [{ sortBy: 'meta.created', sortOrder: 'Ascending' }, { name: 'meta', subAttr: 'created' }, 'ascending'],
    [
      { sortBy: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber' },
      { schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', name: 'employeeNumber' },
      'ascending',
    ],
  ])('%j → sortBy %j %s', (input, sortBy, sortOrder) => {
    expect(parse(input).params).toMatchObject({ sortBy, sortOrder });
  });

  it.each([[{ sortOrder: 'up' }], [{ sortOrder: 1 }], [{ sortBy: 3 }]])('%j → 400 invalidValue', (input) => {
    expect(scimTypeOf(() => parse(input))).toBe('400 invalidValue');
  });
});

describe('parseListParams: projection (RFC 7644 §3.4.2.5)', () => {
  it.each([
    [
      { attributes: 'userName,name.givenName' },
      [{ name: 'userName' }, { name: 'name', subAttr: 'givenName' }],
      [],
    ],
    [{ attributes: ['userName', 'emails'] }, [{ name: 'userName' }, { name: 'emails' }], []],
    [{ attributes: ['userName,displayName'] }, [{ name: 'userName' }, { name: 'displayName' }], []],
    [{ excludedAttributes: 'members' }, [], [{ name: 'members' }]],
    [{ attributes: 'userName', excludedAttributes: 'emails' }, [{ name: 'userName' }], []],
    [{ attributes: '', excludedAttributes: 'emails' }, [], [{ name: 'emails' }]],
    [{}, [], []],
  ])('%j → %j / %j', (input, attributes, excludedAttributes) => {
    expect(parse(input).projection).toEqual({ attributes, excludedAttributes });
  });

  it.each([
    [{ attributes: [1] }, '400 invalidValue'],
    [{ attributes: 'a..b' }, '400 invalidPath'],
  ])('%j → %s', (input, expected) => {
    expect(scimTypeOf(() => parse(input))).toBe(expected);
  });
});

describe('parseListParams: the RFC 7644 §3.4.3 SearchRequest example', () => {
  it('reads the example body', () => {
    const { params, projection } = parse({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
      attributes: ['displayName', 'userName'],
      filter: 'displayName sw "smith"',
      startIndex: 1,
      count: 10,
    });
    expect(params).toEqual({
      filter: { kind: 'compare', path: { name: 'displayName' }, op: 'sw', value: 'smith', pos: 0 },
      sortOrder: 'ascending',
      startIndex: 1,
      count: 10,
    });
    expect(projection.attributes).toEqual([{ name: 'displayName' }, { name: 'userName' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { withoutPositions } from '../../../test/support/without-positions.js';
import { ScimError } from '../errors.js';
import type { AttrPath } from '../path/attr-path.js';
import type { CompareOp, FilterNode, FilterValue } from './filter-node.js';
import { formatAttrPath } from './format-filter.js';
import { MAX_FILTER_DEPTH, parseFilter } from './parse-filter.js';
import { MAX_FILTER_LENGTH } from './tokenize-filter.js';

const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

function path(text: string, schema?: string): AttrPath {
  const [name = '', subAttr] = text.split('.');
  return { ...(schema === undefined ? {} : { schema }), name, ...(subAttr === undefined ? {} : { subAttr }) };
}
const cmp = (p: string, op: CompareOp, value: FilterValue, schema?: string): FilterNode => ({
  kind: 'compare',
  path: path(p, schema),
  op,
  value,
});
const pr = (p: string): FilterNode => ({ kind: 'present', path: path(p) });
const and = (left: FilterNode, right: FilterNode): FilterNode => ({ kind: 'and', left, right });
const or = (left: FilterNode, right: FilterNode): FilterNode => ({ kind: 'or', left, right });
const not = (filter: FilterNode): FilterNode => ({ kind: 'not', filter });
const vp = (p: string, filter: FilterNode): FilterNode => ({ kind: 'valuePath', path: path(p), filter });

function errorOf(text: string): ScimError {
  try {
    parseFilter(text);
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error(`expected "${text}" to fail`);
}

describe('parseFilter: RFC 7644 §3.4.2.2 examples', () => {
  const vectors: [string, FilterNode][] = [
    ['userName eq "bjensen"', cmp('userName', 'eq', 'bjensen')],
    [`name.familyName co "O'Malley"`, cmp('name.familyName', 'co', "O'Malley")],
    ['userName sw "J"', cmp('userName', 'sw', 'J')],
    [`${CORE_USER}:userName sw "J"`, cmp('userName', 'sw', 'J', CORE_USER)],
    ['title pr', pr('title')],
    ['meta.lastModified gt "2011-05-13T04:42:34Z"', cmp('meta.lastModified', 'gt', '2011-05-13T04:42:34Z')],
    ['meta.lastModified ge "2011-05-13T04:42:34Z"', cmp('meta.lastModified', 'ge', '2011-05-13T04:42:34Z')],
    ['meta.lastModified lt "2011-05-13T04:42:34Z"', cmp('meta.lastModified', 'lt', '2011-05-13T04:42:34Z')],
    ['meta.lastModified le "2011-05-13T04:42:34Z"', cmp('meta.lastModified', 'le', '2011-05-13T04:42:34Z')],
    ['title pr and userType eq "Employee"', and(pr('title'), cmp('userType', 'eq', 'Employee'))],
    ['title pr or userType eq "Intern"', or(pr('title'), cmp('userType', 'eq', 'Intern'))],
    [
      'schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"',
      cmp('schemas', 'eq', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'),
    ],
    [
      'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
      and(
        cmp('userType', 'eq', 'Employee'),
        or(cmp('emails', 'co', 'example.com'), cmp('emails.value', 'co', 'example.org')),
      ),
    ],
    [
      'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
      and(
        cmp('userType', 'ne', 'Employee'),
        not(or(cmp('emails', 'co', 'example.com'), cmp('emails.value', 'co', 'example.org'))),
      ),
    ],
    [
      'userType eq "Employee" and (emails.type eq "work")',
      and(cmp('userType', 'eq', 'Employee'), cmp('emails.type', 'eq', 'work')),
    ],
    [
      'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
      and(
        cmp('userType', 'eq', 'Employee'),
        vp('emails', and(cmp('type', 'eq', 'work'), cmp('value', 'co', '@example.com'))),
      ),
    ],
    [
      'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
      or(
        vp('emails', and(cmp('type', 'eq', 'work'), cmp('value', 'co', '@example.com'))),
        vp('ims', and(cmp('type', 'eq', 'xmpp'), cmp('value', 'co', '@foo.com'))),
      ),
    ],
  ];
  it.each(vectors)('%s', (text, expected) => {
    expect(withoutPositions(parseFilter(text))).toEqual(expected);
  });
});

describe('parseFilter: what identity providers send', () => {
  const vectors: [string, FilterNode][] = [
    // Entra: not in the RFC ABNF, folded into one element condition (filter-node.ts).
    [
      'emails[type eq "work"].value eq "a@b.c"',
      vp('emails', and(cmp('type', 'eq', 'work'), cmp('value', 'eq', 'a@b.c'))),
    ],
    ['emails[type eq "work"].value pr', vp('emails', and(cmp('type', 'eq', 'work'), pr('value')))],
    ['displayName eq "Group A"', cmp('displayName', 'eq', 'Group A')],
    ['displayName  eq   "Group A"', cmp('displayName', 'eq', 'Group A')],
    ['meta.created gt "2026-01-01T00:00:00Z"', cmp('meta.created', 'gt', '2026-01-01T00:00:00Z')],
    [
      '(a eq "1" or b eq "2") and c sw "x"',
      and(or(cmp('a', 'eq', '1'), cmp('b', 'eq', '2')), cmp('c', 'sw', 'x')),
    ],
    [
      'externalId eq "auth0|5f7c8ec7c33c6c004bbafe82"',
      cmp('externalId', 'eq', 'auth0|5f7c8ec7c33c6c004bbafe82'),
    ],
    [
      'members[value eq "2819c223-7f76-453a-919d-413861904646"]',
      vp('members', cmp('value', 'eq', '2819c223-7f76-453a-919d-413861904646')),
    ],
    [
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "26118915"',
      cmp('manager.value', 'eq', '26118915', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'),
    ],
    ['members[$ref eq "x"]', vp('members', cmp('$ref', 'eq', 'x'))],
    ['\tuserName eq "x"\r\n', cmp('userName', 'eq', 'x')],
  ];
  it.each(vectors)('%s', (text, expected) => {
    expect(withoutPositions(parseFilter(text))).toEqual(expected);
  });
});

describe('parseFilter: values', () => {
  const vectors: [string, FilterValue][] = [
    ['true', true],
    ['False', false],
    ['NULL', null],
    ['0', 0],
    ['-12', -12],
    ['3.25', 3.25],
    ['1e3', 1000],
    ['-2.5E-2', -0.025],
    ['""', ''],
    ['"say \\"hi\\""', 'say "hi"'],
    ['"a\\\\b\\/c\\n\\t\\r\\b\\f"', 'a\\b/c\n\t\r\b\f'],
    ['"\\u00e9\\u00C9"', 'éÉ'],
    ['"plus+sign"', 'plus+sign'],
  ];
  it.each(vectors)('x eq %s', (literal, value) => {
    expect(withoutPositions(parseFilter(`x eq ${literal}`))).toEqual(cmp('x', 'eq', value));
  });
});

describe('parseFilter: precedence and case', () => {
  const vectors: [string, FilterNode][] = [
    ['a pr or b pr and c pr', or(pr('a'), and(pr('b'), pr('c')))],
    ['a pr and b pr or c pr', or(and(pr('a'), pr('b')), pr('c'))],
    ['a pr and b pr and c pr', and(and(pr('a'), pr('b')), pr('c'))],
    ['a pr or b pr or c pr', or(or(pr('a'), pr('b')), pr('c'))],
    ['a pr and (b pr or c pr)', and(pr('a'), or(pr('b'), pr('c')))],
    ['not (a pr) and b pr', and(not(pr('a')), pr('b'))],
    ['not(a pr)', not(pr('a'))],
    ['((a pr))', pr('a')],
    ['A PR AND B Pr OR NOT (C pR)', or(and(pr('A'), pr('B')), not(pr('C')))],
    ['userName EQ "X"', cmp('userName', 'eq', 'X')],
    ['UserName Sw "j"', cmp('UserName', 'sw', 'j')],
    // Attribute names may spell keywords: position decides.
    ['not eq "x"', cmp('not', 'eq', 'x')],
    ['and pr and or pr', and(pr('and'), pr('or'))],
    ['pr pr', pr('pr')],
  ];
  it.each(vectors)('%s', (text, expected) => {
    expect(withoutPositions(parseFilter(text))).toEqual(expected);
  });
});

/** `path@pos` for each node that names an attribute, in reading order. */
function positions(node: FilterNode): string[] {
  switch (node.kind) {
    case 'compare':
    case 'present':
      return [`${formatAttrPath(node.path)}@${String(node.pos)}`];
    case 'and':
    case 'or':
      return [...positions(node.left), ...positions(node.right)];
    case 'not':
      return positions(node.filter);
    case 'valuePath':
      return [`${formatAttrPath(node.path)}[]@${String(node.pos)}`, ...positions(node.filter)];
  }
}

describe('parseFilter: nodes record where their attribute path starts', () => {
  const vectors: [string, string[]][] = [
    ['userName eq "bjensen"', ['userName@0']],
    ['  title pr', ['title@2']],
    ['a pr and (b pr or not (c eq 1))', ['a@0', 'b@10', 'c@23']],
    ['emails[type eq "work" and value co "@x"]', ['emails[]@0', 'type@7', 'value@26']],
    // Entra's `emails[…].value`: the folded condition starts at the sub-attribute after "]".
    ['x eq "a" or emails[type eq "work"].value eq "b"', ['x@0', 'emails[]@12', 'type@19', 'value@35']],
    [`title pr and ${CORE_USER}:name.givenName sw "J"`, ['title@0', `${CORE_USER}:name.givenName@13`]],
  ];
  it.each(vectors)('%s', (text, expected) => {
    expect(positions(parseFilter(text))).toEqual(expected);
  });
});

describe('parseFilter: errors are invalidFilter with the 0-based position', () => {
  const vectors: [string, number, string][] = [
    ['', 0, 'empty filter'],
    ['   ', 3, 'empty filter'],
    ['userName eq "abc', 12, 'unterminated string'],
    ['userName eq "a\\"', 12, 'unterminated string'],
    ['userName eq "\\x"', 13, 'invalid escape'],
    ['userName eq "\\u12"', 13, 'invalid \\u escape'],
    ['userName xx "a"', 9, 'unknown operator "xx"'],
    ['userName eq', 11, 'missing value after "eq"'],
    ['userName eq )', 12, 'missing value'],
    ['userName', 8, 'expected an operator'],
    ['userName eq "a" garbage', 16, 'unexpected "garbage"'],
    ['title pr)', 8, 'unbalanced ")"'],
    ['title pr and', 12, 'expected an attribute path'],
    ['(title pr', 9, 'expected ")"'],
    ['emails[type eq "work"', 21, 'expected "]"'],
    ['emails[]', 7, 'empty value filter'],
    ['emails[type[value eq "x"]]', 11, 'cannot be nested'],
    ['name.familyName[value eq "x"]', 15, 'not to a sub-attribute'],
    ['emails[type eq "work"].1x eq "a"', 23, 'invalid sub-attribute'],
    ['emails[type eq "work"].value', 28, 'expected an operator'],
    ['active gt true', 10, '"gt" cannot compare with true'],
    ['title co null', 9, '"co" cannot compare with null'],
    ["userName eq 'x'", 12, 'double quotes'],
    ['userName eq bjensen', 12, 'invalid value "bjensen"'],
    ['userName eq 01', 12, 'invalid value'],
    ['x eq 1e999', 5, 'number out of range'],
    ['1abc eq "x"', 0, 'attribute name expected'],
    ['name. eq "x"', 5, 'sub-attribute name expected'],
    ['name.a.b eq "x"', 6, 'unexpected "."'],
    ['urn:ietf:params:scim:schemas:core:2.0:User: eq "x"', 43, 'attribute name expected'],
    ['not title pr', 0, '"not" must be followed by "("'],
    ['a eq "x" and or', 15, 'expected an operator'],
    ['[a pr]', 0, 'expected an attribute path'],
  ];
  it.each(vectors)('%j → position %i', (text, position, fragment) => {
    const error = errorOf(text);
    expect(error.status).toBe(400);
    expect(error.scimType).toBe('invalidFilter');
    expect(error.message).toContain(fragment);
    expect(error.message).toContain(`(at position ${position})`);
  });

  it(`accepts ${MAX_FILTER_DEPTH} levels of nesting and refuses one more`, () => {
    const nested = (depth: number): string => `${'('.repeat(depth)}a pr${')'.repeat(depth)}`;
    expect(withoutPositions(parseFilter(nested(MAX_FILTER_DEPTH)))).toEqual(pr('a'));
    expect(errorOf(nested(MAX_FILTER_DEPTH + 1)).message).toContain('nested deeper');
    expect(errorOf('not ('.repeat(5_000)).scimType).toBe('invalidFilter');
    expect(errorOf('a[b['.repeat(100)).scimType).toBe('invalidFilter');
  });

  it(`refuses filters longer than ${MAX_FILTER_LENGTH} characters`, () => {
    const long = `userName eq "${'x'.repeat(MAX_FILTER_LENGTH)}"`;
    expect(errorOf(long).message).toContain('longer than');
    const chain = Array.from({ length: 900 }, (_, i) => `a${i} pr`).join(' or ');
    expect(chain.length).toBeLessThan(MAX_FILTER_LENGTH);
    expect(parseFilter(chain).kind).toBe('or');
  });
});

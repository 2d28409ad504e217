import { describe, expect, it } from 'vitest';
import { ScimError } from '../scim/errors.js';
import type { FilterNode } from '../scim/filter/filter-node.js';
import { parseFilter } from '../scim/filter/parse-filter.js';
import { compileFilter, createTargetContext } from './compile-filter.js';
import { GROUP_MAPPING, USER_MAPPING, type ResourceMapping } from './resource-mapping.js';
import { sqliteSqlDialect } from './sqlite/sqlite-sql-dialect.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

function compileErrorOf(mapping: ResourceMapping, filter: FilterNode): ScimError {
  try {
    compileFilter(createTargetContext(mapping, sqliteSqlDialect), filter);
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected the filter to be refused');
}

describe('compileFilter: invalidFilter details give the position of the offending path', () => {
  it.each<[string, string]>([
    // Unknown attributes.
    ['foo eq "a"', `unknown attribute 'foo' (at position 0)`],
    ['userName eq "a" and foo eq "a"', `unknown attribute 'foo' (at position 20)`],
    ['title pr or (userName pr and emails.foo pr)', `unknown attribute 'emails.foo' (at position 29)`],
    [`not (${ENTERPRISE}:nope eq "x")`, `unknown attribute '${ENTERPRISE}:nope' (at position 5)`],
    ['userName pr or password eq "x"', `attribute 'password' cannot be used in a filter (at position 15)`],
    ['meta.location eq "x"', `attribute 'meta.location' cannot be used in a filter (at position 0)`],
    // Values of the wrong type.
    [
      'userName pr and active gt "x"',
      `'gt "x"' does not apply to boolean attribute 'active' (at position 16)`,
    ],
    [
      'title pr or meta.created gt 5',
      `'gt 5' does not apply to dateTime attribute 'created' (at position 12)`,
    ],
    ['userName eq 5', `'eq 5' does not apply to string attribute 'userName' (at position 0)`],
    ['id pr and meta.created gt "yesterday"', `'yesterday' is not a dateTime (at position 10)`],
    ['name eq "x"', `complex attribute 'name' needs a sub-attribute (at position 0)`],
    [
      'title pr and userName[value eq "x"]',
      `'userName' is not a complex or multi-valued attribute (at position 13)`,
    ],
    // Inside a value filter: the position of the path within the brackets.
    ['emails[foo eq "x"]', `'emails' has no sub-attribute 'foo' (at position 7)`],
    ['emails[type eq "work" and foo pr]', `'emails' has no sub-attribute 'foo' (at position 26)`],
    ['emails[value gt 5]', `'gt 5' does not apply to string attribute 'value' (at position 7)`],
    ['emails[type.x eq "a"]', `'type.x' is not a sub-attribute of 'emails' (at position 7)`],
    // Entra's `emails[…].sub`: the position of the sub-attribute after "]".
    ['emails[type eq "work"].foo eq "x"', `'emails' has no sub-attribute 'foo' (at position 23)`],
  ])('users: %s', (text, detail) => {
    const error = compileErrorOf(USER_MAPPING, parseFilter(text));
    expect(error.status).toBe(400);
    expect(error.scimType).toBe('invalidFilter');
    expect(error.message).toBe(detail);
  });

  it.each<[string, string]>([
    ['displayName eq "x" or userName eq "x"', `unknown attribute 'userName' (at position 22)`],
    ['members.$ref eq "x"', `attribute 'members.$ref' cannot be used in a filter (at position 0)`],
    [
      'displayName pr and members[$ref eq "x"]',
      `attribute 'members.$ref' cannot be used in a filter (at position 27)`,
    ],
  ])('groups: %s', (text, detail) => {
    const error = compileErrorOf(GROUP_MAPPING, parseFilter(text));
    expect(error.scimType).toBe('invalidFilter');
    expect(error.message).toBe(detail);
  });

  it('gives no position for a filter built in code, which has no text', () => {
    const filter: FilterNode = { kind: 'compare', path: { name: 'foo' }, op: 'eq', value: 'a' };
    expect(compileErrorOf(USER_MAPPING, filter).message).toBe(`unknown attribute 'foo'`);
  });
});

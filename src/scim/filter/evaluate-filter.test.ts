import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../schema/resource-types.js';
import type { JsonObject } from '../../shared/json.js';
import { evaluateFilter } from './evaluate-filter.js';
import { parseFilter } from './parse-filter.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

const user: JsonObject = {
  schemas: [CORE_USER, ENTERPRISE],
  id: 'u-1',
  externalId: 'ExtId-1',
  userName: 'BJensen@example.com',
  name: { givenName: 'Barbara', familyName: "O'Malley" },
  title: '',
  active: true,
  loginCount: 5,
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@jensen.org', type: 'home' },
  ],
  meta: { created: '2011-05-13T04:42:34Z', lastModified: '2011-05-13T04:42:34+02:00' },
  [ENTERPRISE]: { employeeNumber: '701984', manager: { value: '26118915' } },
};

const group: JsonObject = {
  id: 'g-1',
  displayName: 'Group A',
  members: [
    { value: '2819c223-7f76-453a-919d-413861904646', display: 'Babs' },
    { value: 'aaaa-bbbb', type: 'Group' },
  ],
};

const onUser = (filter: string): boolean =>
  evaluateFilter(parseFilter(filter), user, USER_RESOURCE_TYPE, { kind: 'resource' });

function errorOf(run: () => unknown): ScimError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError');
}

describe('evaluateFilter on a User resource (RFC 7644 §3.4.2.2 semantics)', () => {
  it.each<[string, boolean]>([
    // caseExact=false strings compare case-insensitively; attribute names are case-insensitive (RFC 7643 §2.1).
    ['userName eq "bjensen@EXAMPLE.com"', true],
    ['USERNAME eq "bjensen@example.com"', true],
    ['userName ne "bjensen@example.com"', false],
    ['userName sw "BJ"', true],
    ['userName ew ".COM"', true],
    ['userName co "jensen@"', true],
    ['userName co "nobody"', false],
    ['name.familyName co "malley"', true],
    // caseExact=true (RFC 7643 §3.1 id, externalId).
    ['id eq "u-1"', true],
    ['id eq "U-1"', false],
    ['externalId eq "extid-1"', false],
    ['externalId eq "ExtId-1"', true],
    // Lexicographic ordering of strings.
    ['userName gt "a"', true],
    ['userName lt "b"', false],
    ['userName ge "BJENSEN@EXAMPLE.COM"', true],
    ['userName le "bjensen@example.com"', true],
    // pr = present and non-empty.
    ['title pr', false],
    ['name pr', true],
    ['nickName pr', false],
    ['emails pr', true],
    // Absent attribute: comparisons false, ne true.
    ['nickName eq "x"', false],
    ['nickName gt "a"', false],
    ['nickName ne "x"', true],
    ['nickName eq null', true],
    ['userName eq null', false],
    ['userName ne null', true],
    // Booleans.
    ['active eq true', true],
    ['active eq false', false],
    ['active ne false', true],
    ['active eq "True"', true],
    // Multi-valued: one matching element is enough.
    ['emails.value eq "babs@jensen.org"', true],
    ['emails.type eq "other"', false],
    ['emails.type ne "home"', false],
    ['emails co "jensen.org"', true],
    ['emails.primary eq true', true],
    // A value filter must be satisfied by one element as a whole.
    ['emails[type eq "work" and value co "jensen.org"]', false],
    ['emails[type eq "home" and value co "jensen.org"]', true],
    ['emails[type eq "work"].value eq "BJENSEN@example.com"', true],
    ['emails[type eq "home"].primary pr', false],
    ['emails[type eq "work"].primary pr', true],
    // dateTime compares instants, not text.
    ['meta.created gt "2011-05-13T04:42:33Z"', true],
    ['meta.created eq "2011-05-13T06:42:34+02:00"', true],
    ['meta.lastModified lt "2011-05-13T03:00:00Z"', true],
    ['meta.lastModified ge "2011-05-13T02:42:34.000Z"', true],
    ['meta.created co "2011-05"', true],
    // Schema-qualified paths, extensions and OneLogin URNs.
    [`${CORE_USER}:userName eq "bjensen@example.com"`, true],
    ['urn:scim:schemas:core:2.0:User:userName eq "bjensen@example.com"', true],
    [`${ENTERPRISE}:employeeNumber eq "701984"`, true],
    ['employeeNumber eq "701984"', true],
    [`${ENTERPRISE}:manager.value eq "26118915"`, true],
    [`${ENTERPRISE}:department pr`, false],
    [ENTERPRISE + ' pr', true],
    // Attributes outside the schema compare by their JSON type.
    [`schemas eq "${ENTERPRISE.toLowerCase()}"`, true],
    ['loginCount gt 3', true],
    ['loginCount le 4.5', false],
    ['loginCount eq "5"', true],
    ['loginCount co 5', false],
    // Logic.
    ['not (userName eq "x")', true],
    ['userName eq "x" or active eq true', true],
    ['userName eq "x" or active eq true and title pr', false],
    ['(userName eq "x" or active eq true) and not (title pr)', true],
  ])('%s → %s', (filter, expected) => {
    expect(onUser(filter)).toBe(expected);
  });

  it.each([
    ['active co "t"', 'not supported on boolean'],
    ['emails.primary sw "t"', 'not supported on boolean'],
    ['meta.created gt "yesterday"', 'is not a dateTime'],
    ['x509Certificates.value gt "a"', 'not supported on binary'],
  ])('%s → invalidFilter', (filter, fragment) => {
    const error = errorOf(() => onUser(filter));
    expect(error.scimType).toBe('invalidFilter');
    expect(error.message).toContain(fragment);
  });

  it.each([
    ['title pr or active co "t"', '"co" is not supported on boolean attributes (at position 12)'],
    ['emails[primary sw "t"]', '"sw" is not supported on boolean attributes (at position 7)'],
    ['userName pr and meta.created gt "yesterday"', '"yesterday" is not a dateTime (at position 16)'],
  ])('%s → the detail gives the position of the comparison', (filter, detail) => {
    expect(errorOf(() => onUser(filter)).message).toBe(detail);
  });

  it('does not mutate the target', () => {
    const before = JSON.stringify(user);
    onUser('emails[type eq "work"].value eq "x" or name.givenName pr');
    expect(JSON.stringify(user)).toBe(before);
  });
});

describe('evaluateFilter on Groups', () => {
  it.each<[string, boolean]>([
    ['displayName eq "group a"', true],
    ['members[value eq "2819c223-7f76-453a-919d-413861904646"]', true],
    ['members[value eq "nobody"]', false],
    ['members.value eq "aaaa-bbbb"', true],
    ['members[type eq "group" and value sw "aaaa"]', true],
  ])('%s → %s', (filter, expected) => {
    expect(evaluateFilter(parseFilter(filter), group, GROUP_RESOURCE_TYPE, { kind: 'resource' })).toBe(
      expected,
    );
  });
});

describe('evaluateFilter on one element (PATCH value filters)', () => {
  const work = { value: 'BJensen@Example.com', type: 'work', primary: true };
  const member = { value: '2819c223-7f76-453a-919d-413861904646', display: 'Babs' };
  it.each<[string, JsonObject, 'User' | 'Group', string, boolean]>([
    ['type eq "WORK"', work, 'User', 'emails', true],
    ['type eq "home"', work, 'User', 'emails', false],
    ['value ew "example.COM"', work, 'User', 'emails', true],
    ['primary eq true', work, 'User', 'emails', true],
    ['type eq "work" and not (primary eq false)', work, 'User', 'emails', true],
    ['display pr', work, 'User', 'emails', false],
    ['value eq "2819c223-7f76-453a-919d-413861904646"', member, 'Group', 'members', true],
    ['VALUE eq "2819C223-7F76-453A-919D-413861904646"', member, 'Group', 'members', true],
    ['value eq "2819c223"', member, 'Group', 'members', false],
    ['display eq "babs"', member, 'Group', 'members', true],
    // An attribute the schema does not define still reads the element's keys.
    ['display eq "babs"', member, 'Group', 'unknownThing', true],
  ])('%s on %j (%s.%s) → %s', (filter, element, typeName, attrName, expected) => {
    const type = typeName === 'User' ? USER_RESOURCE_TYPE : GROUP_RESOURCE_TYPE;
    expect(evaluateFilter(parseFilter(filter), element, type, { kind: 'element', attrName })).toBe(expected);
  });

  it('refuses a value filter nested in a value filter', () => {
    const nested = parseFilter('emails[type eq "work"]');
    const error = errorOf(() =>
      evaluateFilter(nested, { value: 'x' }, USER_RESOURCE_TYPE, { kind: 'element', attrName: 'emails' }),
    );
    expect(error.scimType).toBe('invalidFilter');
  });

  it('gives the position of the nested value filter', () => {
    const nested = parseFilter('type pr or emails[type eq "work"]');
    const error = errorOf(() =>
      evaluateFilter(nested, { value: 'x' }, USER_RESOURCE_TYPE, { kind: 'element', attrName: 'emails' }),
    );
    expect(error.message).toBe('value filters cannot be nested (at position 11)');
  });
});

import { describe, expect, it } from 'vitest';
import { withoutPositions } from '../../../test/support/without-positions.js';
import { formatFilter } from './format-filter.js';
import { parseFilter } from './parse-filter.js';

describe('formatFilter', () => {
  it.each([
    ['userName  EQ "bjensen"', 'userName eq "bjensen"'],
    ['title PR', 'title pr'],
    ['x eq TRUE', 'x eq true'],
    ['x ne Null', 'x ne null'],
    ['x gt -0', 'x gt -0'],
    ['x lt 1.50E2', 'x lt 150'],
    ['x eq "tab\\there \\"q\\" \\u00e9"', 'x eq "tab\\there \\"q\\" é"'],
    ['a pr or (b pr and c pr)', 'a pr or b pr and c pr'],
    ['(a pr or b pr) and c pr', '(a pr or b pr) and c pr'],
    ['a pr and (b pr and c pr)', 'a pr and (b pr and c pr)'],
    ['(a pr and b pr) and c pr', 'a pr and b pr and c pr'],
    ['a pr or (b pr or c pr)', 'a pr or (b pr or c pr)'],
    ['not(a pr or b pr)', 'not (a pr or b pr)'],
    [
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "1"',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "1"',
    ],
    ['emails[type eq "work"].value eq "a@b.c"', 'emails[type eq "work" and value eq "a@b.c"]'],
    [
      'emails[type eq "work" or type eq "home"].value pr',
      'emails[(type eq "work" or type eq "home") and value pr]',
    ],
  ])('%s → %s', (input, canonical) => {
    const node = parseFilter(input);
    expect(formatFilter(node)).toBe(canonical);
    expect(withoutPositions(parseFilter(canonical))).toEqual(withoutPositions(node));
  });
});

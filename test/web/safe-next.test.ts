// The sign-in page's `next=` parameter: where the console goes after sign-in. It comes from the URL, so anything
// that a browser would resolve to another origin must fall back to the console's start page.
import { describe, expect, it } from 'vitest';
import { safeNext } from '../../web/src/session/safe-next.js';

const ORIGIN = 'https://muster.example.com';

describe('safeNext', () => {
  it.each([
    ['/users/42?tab=keys#x', '/users/42?tab=keys#x'],
    ['/settings/admin/scim', '/settings/admin/scim'],
  ])('keeps the console path %s', (next, expected) => {
    expect(safeNext(next, ORIGIN)).toBe(expected);
  });

  it.each([
    ['absent', null],
    ['an absolute URL', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example/'],
    ['a backslash the browser reads as a slash', '/\\evil.example/'],
    ['a tab the URL parser drops', '/\t/evil.example/'],
    ['a newline the URL parser drops', '/\n/evil.example/'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path', 'users'],
    ['a URL that does not parse', '//[oops'],
  ])('sends %s to /', (_name, next) => {
    expect(safeNext(next, ORIGIN)).toBe('/');
  });
});

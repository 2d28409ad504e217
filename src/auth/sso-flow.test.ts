import { describe, expect, it } from 'vitest';
import { safeNext } from './sso-flow.js';

describe('safeNext', () => {
  const refused: readonly { readonly next: string | undefined; readonly why: string }[] = [
    { next: undefined, why: 'no next given' },
    { next: '', why: 'empty' },
    { next: 'https://evil.example', why: 'an absolute URL of another origin' },
    { next: '//evil.example', why: 'a protocol-relative URL' },
    { next: '/\\evil.example', why: 'a backslash browsers read as a slash' },
    { next: '/teams\\..\\x', why: 'a backslash anywhere in the path' },
    { next: 'teams', why: 'a relative path' },
    { next: `/${'a'.repeat(2000)}`, why: 'a path of 2001 characters' },
    // Browsers drop tabs and newlines from URLs: "/\t/evil.example" would be followed as "//evil.example".
    { next: '/\t/evil.example', why: 'a tab that browsers drop, leaving //evil.example' },
    { next: '/\n/evil.example', why: 'a newline that browsers drop, leaving //evil.example' },
    { next: '/\n', why: 'a newline' },
    { next: '/teams\r\nSet-Cookie: x', why: 'CR LF (a header injected into the redirect)' },
    { next: '/teams\u0000', why: 'a NUL character' },
    { next: '/teams\u007f', why: 'a DEL character' },
    { next: '/teams\u001f', why: 'the last C0 control character' },
    { next: '/.//evil.example', why: 'dot segments resolving to //evil.example' },
    { next: '/..//evil.example', why: 'a parent segment resolving to //evil.example' },
    { next: '/%2e%2e//evil.example', why: 'an encoded parent segment resolving to //evil.example' },
  ];

  it.each(refused)('sends $why to /', ({ next }) => {
    expect(safeNext(next)).toBe('/');
  });

  const kept: readonly string[] = [
    '/teams?x=1#y',
    '/settings/admin/sso',
    '/',
    `/${'a'.repeat(1999)}`, // 2000 characters: the longest kept
    // Percent-encoded, a tab is a path character on this server, not one that browsers drop.
    '/%09/evil.example',
    '/teams?next=//evil.example', // a query is not a path: it cannot change the origin
    '/teams#//evil.example',
  ];

  it.each(kept)('keeps the path %s on this server', (next) => {
    expect(safeNext(next)).toBe(next);
  });

  const resolved: readonly { readonly next: string; readonly expected: string }[] = [
    { next: '/a/../b', expected: '/b' },
    { next: '/teams/./settings', expected: '/teams/settings' },
    { next: '/../../teams', expected: '/teams' },
    { next: '/teams/%2e%2e/users', expected: '/users' },
    { next: '/a b?c d', expected: '/a%20b?c%20d' },
  ];

  it.each(resolved)('returns $next as the URL parser resolves it: $expected', ({ next, expected }) => {
    expect(safeNext(next)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../shared/json.js';
import { SESSION_PREFIX } from './admin-sessions.js';
import { generateCredential } from './credentials.js';
import type { UserRecord } from './ports.js';
import { contactOf, isUserSessionToken, USER_SESSION_PREFIX } from './user-sessions.js';

function userWith(emails: JsonValue | undefined): UserRecord {
  return {
    id: 'user-1',
    orgId: 'org-1',
    userName: 'ada.lovelace',
    externalId: null,
    displayName: 'Ada Lovelace',
    active: true,
    data: { userName: 'ada.lovelace', ...(emails === undefined ? {} : { emails }) },
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('contactOf', () => {
  const cases: readonly {
    readonly name: string;
    readonly emails: JsonValue | undefined;
    readonly expected: string;
  }[] = [
    {
      name: 'the primary email, wherever it stands',
      emails: [
        { value: 'ada@home.example', type: 'home' },
        { value: 'ada@work.example', type: 'work', primary: true },
      ],
      expected: 'ada@work.example',
    },
    {
      name: 'the first email when none is primary',
      emails: [{ value: 'ada@home.example' }, { value: 'ada@work.example', primary: false }],
      expected: 'ada@home.example',
    },
    {
      name: 'the first email when primary is not the boolean true',
      emails: [{ value: 'ada@home.example' }, { value: 'ada@work.example', primary: 'true' }],
      expected: 'ada@home.example',
    },
    { name: 'the userName without emails', emails: undefined, expected: 'ada.lovelace' },
    { name: 'the userName for an empty emails list', emails: [], expected: 'ada.lovelace' },
    { name: 'the userName when emails is not a list', emails: 'ada@home.example', expected: 'ada.lovelace' },
    {
      name: 'the first well-formed email, skipping malformed entries',
      emails: [
        null,
        'ada@string.example',
        ['ada@list.example'],
        { value: 42, primary: true },
        { primary: true },
        { value: 'ada@home.example' },
      ],
      expected: 'ada@home.example',
    },
    {
      name: 'the userName when every entry is malformed',
      emails: [{ value: null, primary: true }, { display: 'ada@work.example' }, 7],
      expected: 'ada.lovelace',
    },
  ];

  it.each(cases)('gives $name', ({ emails, expected }) => {
    expect(contactOf(userWith(emails))).toBe(expected);
  });
});

describe('isUserSessionToken', () => {
  const cases: readonly { readonly name: string; readonly token: string; readonly expected: boolean }[] = [
    {
      name: 'a generated user session token',
      token: generateCredential(USER_SESSION_PREFIX),
      expected: true,
    },
    { name: 'an admin account session token', token: generateCredential(SESSION_PREFIX), expected: false },
    { name: 'an API key', token: generateCredential('mk_'), expected: false },
    { name: 'the prefix in upper case', token: 'MUS_abc', expected: false },
    { name: 'the prefix not at the start', token: 'xmus_abc', expected: false },
    { name: 'an empty string', token: '', expected: false },
  ];

  it.each(cases)('is $expected for $name', ({ token, expected }) => {
    expect(isUserSessionToken(token)).toBe(expected);
  });
});

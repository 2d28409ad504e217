import { describe, expect, it } from 'vitest';
import { ScimError, type ScimType } from '../errors.js';
import { parsePatchRequest } from './parse-patch-request.js';

const URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

function scimTypeOf(run: () => unknown): ScimType | undefined | 'no error' {
  try {
    run();
  } catch (error) {
    if (error instanceof ScimError) return error.scimType;
    throw error;
  }
  return 'no error';
}

describe('parsePatchRequest', () => {
  it.each([
    ['Add', 'add'],
    ['REPLACE', 'replace'],
    ['remove', 'remove'],
    [' Remove ', 'remove'],
  ])('accepts op %j as %s (Entra capitalises ops)', (op, expected) => {
    const [parsed] = parsePatchRequest({ schemas: [URN], Operations: [{ op, path: 'title', value: 'x' }] });
    expect(parsed?.op).toBe(expected);
    expect(parsed?.pathText).toBe('title');
    expect(parsed?.path?.attr.name).toBe('title');
  });

  it('keeps the value of a remove (Entra removes members with a value array)', () => {
    const ops = parsePatchRequest({
      schemas: [URN],
      Operations: [{ op: 'Remove', path: 'members', value: [{ value: 'u1' }] }],
    });
    expect(ops).toEqual([
      { op: 'remove', path: expect.anything(), pathText: 'members', value: [{ value: 'u1' }] },
    ]);
  });

  it('accepts a path-less add/replace with an object value, a lower-case "operations" key and no schemas', () => {
    const ops = parsePatchRequest({ operations: [{ op: 'replace', value: { active: false } }] });
    expect(ops).toEqual([{ op: 'replace', value: { active: false } }]);
  });

  it('keeps null values (Entra null updates) and treats an empty path as no path', () => {
    const [withNull] = parsePatchRequest({
      schemas: [URN],
      Operations: [{ op: 'replace', path: 'title', value: null }],
    });
    expect(withNull?.value).toBeNull();
    const [emptyPath] = parsePatchRequest({
      schemas: [URN],
      Operations: [{ op: 'add', path: '', value: { title: 'x' } }],
    });
    expect(emptyPath).toEqual({ op: 'add', value: { title: 'x' } });
  });

  it.each<[string, unknown, ScimType]>([
    ['a non-object body', [], 'invalidSyntax'],
    ['a string body', 'ops', 'invalidSyntax'],
    [
      'schemas without the PatchOp URN',
      { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], Operations: [{ op: 'add', value: {} }] },
      'invalidSyntax',
    ],
    ['missing Operations', { schemas: [URN] }, 'invalidSyntax'],
    ['empty Operations', { schemas: [URN], Operations: [] }, 'invalidSyntax'],
    ['Operations not an array', { schemas: [URN], Operations: { op: 'add' } }, 'invalidSyntax'],
    ['an operation that is not an object', { schemas: [URN], Operations: ['add'] }, 'invalidSyntax'],
    [
      'an unknown op',
      { schemas: [URN], Operations: [{ op: 'merge', path: 'title', value: 'x' }] },
      'invalidSyntax',
    ],
    ['a missing op', { schemas: [URN], Operations: [{ path: 'title', value: 'x' }] }, 'invalidSyntax'],
    [
      'a non-string path',
      { schemas: [URN], Operations: [{ op: 'add', path: 3, value: 'x' }] },
      'invalidSyntax',
    ],
    // RFC 7644 §3.5.2.2: remove without a path → noTarget.
    ['remove without path', { schemas: [URN], Operations: [{ op: 'remove' }] }, 'noTarget'],
    ['add without value', { schemas: [URN], Operations: [{ op: 'add', path: 'title' }] }, 'invalidValue'],
    [
      'replace without value',
      { schemas: [URN], Operations: [{ op: 'replace', path: 'title' }] },
      'invalidValue',
    ],
    [
      'path-less add with a non-object value',
      { schemas: [URN], Operations: [{ op: 'add', value: 'x' }] },
      'invalidValue',
    ],
    [
      'path-less replace with an array value',
      { schemas: [URN], Operations: [{ op: 'replace', value: [{ title: 'x' }] }] },
      'invalidValue',
    ],
    [
      'a malformed path',
      { schemas: [URN], Operations: [{ op: 'add', path: 'emails[type eq', value: 'x' }] },
      'invalidPath',
    ],
  ])('rejects %s', (_name, body, scimType) => {
    expect(scimTypeOf(() => parsePatchRequest(body))).toBe(scimType);
  });

  it('reports the index of the failing operation', () => {
    expect(() =>
      parsePatchRequest({
        schemas: [URN],
        Operations: [{ op: 'add', path: 'title', value: 'x' }, { op: 'copy' }],
      }),
    ).toThrow(/Operations\[1\]/);
  });
});

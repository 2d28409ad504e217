import { describe, expect, it } from 'vitest';
import { isSecretName, mayHoldSecret, REDACTED, redactCredentials, redactSecrets } from './redact-secrets.js';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const TOKEN = `msk_${'A'.repeat(43)}`;

describe('isSecretName', () => {
  it.each([
    'password',
    'Password',
    'PASSWORD',
    'newPassword',
    'passwd',
    'token',
    'accessToken',
    'refresh_token',
    'secret',
    'clientSecret',
    'client_secret',
    'apiKey',
    'api-key',
    'key',
    'privateKey',
    'Authorization',
    'credentials',
  ])('treats %s as a secret', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each(['userName', 'publicKey', 'keyId', 'tokenId', 'externalId', 'x509Certificates', 'value', 'path'])(
    'leaves %s alone',
    (name) => {
      expect(isSecretName(name)).toBe(false);
    },
  );
});

describe('redactSecrets', () => {
  it('replaces password at any depth and in any case (RFC 7643 §4.1.1 password is writeOnly)', () => {
    const body = {
      schemas: [USER],
      userName: 'a',
      password: 'p1',
      nested: { PassWord: 'p2', list: [{ password: 'p3' }] },
    };
    expect(redactSecrets(body)).toEqual({
      schemas: [USER],
      userName: 'a',
      password: REDACTED,
      nested: { PassWord: REDACTED, list: [{ password: REDACTED }] },
    });
  });

  it('replaces secret-looking fields and keeps the rest', () => {
    expect(
      redactSecrets({ clientSecret: 's', apiKey: 'k', token: 't', keyId: 'k1', displayName: 'Ann' }),
    ).toEqual({
      clientSecret: REDACTED,
      apiKey: REDACTED,
      token: REDACTED,
      keyId: 'k1',
      displayName: 'Ann',
    });
  });

  it.each([['password'], ['Password'], [`${USER}:password`], ['urn:acme:ext:credentials.apiKey']])(
    'replaces the value of a PATCH operation whose path is %s (RFC 7644 §3.5.2)',
    (path) => {
      const body = { schemas: [PATCH_OP], Operations: [{ op: 'replace', path, value: 'hunter2' }] };
      expect(JSON.stringify(redactSecrets(body))).not.toContain('hunter2');
    },
  );

  it('keeps the value of an operation whose path only filters on a secret-looking word', () => {
    const op = { op: 'replace', path: 'emails[value eq "token"].display', value: 'Work' };
    expect(redactSecrets(op)).toEqual(op);
  });

  it('replaces password inside a PATCH value object without path, with `Value`/`Path` in any case', () => {
    const body = { Operations: [{ Op: 'Replace', Value: { password: 'hunter2', active: true } }] };
    expect(redactSecrets(body)).toEqual({
      Operations: [{ Op: 'Replace', Value: { password: REDACTED, active: true } }],
    });
    expect(redactSecrets({ Path: 'PASSWORD', Value: 'hunter2' })).toEqual({
      Path: 'PASSWORD',
      Value: REDACTED,
    });
  });

  it('replaces passwords inside Bulk operations (RFC 7644 §3.7)', () => {
    const bulk = {
      Operations: [
        { method: 'POST', path: '/Users', data: { userName: 'b', password: 'hunter2' } },
        {
          method: 'PATCH',
          path: '/Users/1',
          data: { Operations: [{ op: 'replace', path: 'password', value: 'hunter3' }] },
        },
      ],
    };
    const text = JSON.stringify(redactSecrets(bulk));
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('hunter3');
    expect(text).toContain('"path":"/Users/1"');
  });

  it('replaces Muster credentials inside any string', () => {
    expect(redactSecrets({ displayName: `pasted ${TOKEN} here` })).toEqual({
      displayName: `pasted ${REDACTED} here`,
    });
  });

  it('never mutates its input and keeps a __proto__ key as data', () => {
    const body: unknown = JSON.parse('{"password":"x","__proto__":{"token":"t"}}');
    const copy = structuredClone(body);
    const redacted = redactSecrets(body);
    expect(body).toEqual(copy);
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
    expect(JSON.stringify(redacted)).toBe('{"password":"[redacted]","__proto__":{"token":"[redacted]"}}');
  });

  it('passes scalars through', () => {
    expect(redactSecrets(null)).toBeNull();
    expect(redactSecrets(3)).toBe(3);
    expect(redactSecrets([true, 'x'])).toEqual([true, 'x']);
  });
});

describe('mayHoldSecret', () => {
  it('is true for every text redactSecrets would change', () => {
    for (const value of [
      { Password: 'x' },
      { a: { client_secret: 'x' } },
      { path: 'password', value: 'x' },
      TOKEN,
    ]) {
      const text = JSON.stringify(value);
      expect(JSON.stringify(redactSecrets(value))).not.toBe(text);
      expect(mayHoldSecret(text)).toBe(true);
    }
  });

  it('is false for an ordinary list response', () => {
    expect(mayHoldSecret(JSON.stringify({ Resources: [{ userName: 'ann', active: true }] }))).toBe(false);
  });
});

describe('redactCredentials', () => {
  it.each([TOKEN, `mk_${'b'.repeat(40)}`, `mak_${'c'.repeat(40)}`, `whsec_${'d'.repeat(40)}`])(
    'removes %s',
    (token) => {
      expect(redactCredentials(`x ${token} y`)).toBe(`x ${REDACTED} y`);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { checkPassword, decoyPasswordHash, hashPassword, verifyPassword } from './password-hash.js';

const PASSWORD = 'correct horse battery staple';

describe('hashPassword / verifyPassword', () => {
  it('stores scrypt with its parameters, a 16-byte salt and a 32-byte key; a fresh salt every time', async () => {
    const [a, b] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
    const parts = a.split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(parts[4] ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5] ?? '', 'base64')).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(a).not.toContain(PASSWORD);
  });

  it('verifies the password and nothing else', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword(`${PASSWORD} `, stored)).toBe(false);
    expect(await verifyPassword('Correct horse battery staple', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('treats canonically equivalent spellings alike (NFKC)', async () => {
    const stored = await hashPassword('caf\u00e9 au lait, please');
    expect(await verifyPassword('cafe\u0301 au lait, please', stored)).toBe(true);
  });

  it('refuses a stored value that was tampered with or not written here', async () => {
    const stored = await hashPassword(PASSWORD);
    const [scheme, n, r, p, salt, key] = stored.split('$') as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const flipped = Buffer.from(key, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    const tampered = [
      [scheme, n, r, p, salt, flipped.toString('base64')],
      [scheme, '16384', r, p, salt, key],
      [scheme, n, r, p, Buffer.from('another salt 123').toString('base64'), key],
      ['bcrypt', n, r, p, salt, key],
      [scheme, '1000', r, p, salt, key],
      [scheme, String(2 ** 24), r, p, salt, key],
      [scheme, n, r, p, salt, key.slice(0, 20)],
      [scheme, n, r, p, salt],
      [scheme, n, r, p, salt, 'not base64!'],
    ].map((parts) => parts.join('$'));
    for (const value of [...tampered, '', PASSWORD]) {
      expect(await verifyPassword(PASSWORD, value), value).toBe(false);
    }
  });

  it('the decoy hash verifies no password one would try', async () => {
    const decoy = decoyPasswordHash();
    expect(decoy).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('', decoy)).toBe(false);
    expect(await verifyPassword(PASSWORD, decoy)).toBe(false);
  });
});

describe('checkPassword', () => {
  it.each([
    ['twelve chars', 'x'.repeat(12)],
    ['1024 chars', 'x'.repeat(1024)],
    ['12 characters outside the BMP', '😀'.repeat(12)],
    ['spaces and anything else', '     a      '],
  ])('accepts %s', (_name, password) => {
    expect(() => {
      checkPassword(password);
    }).not.toThrow();
  });

  it.each([
    ['11 characters', 'x'.repeat(11)],
    ['1025 characters', 'x'.repeat(1025)],
    ['6 astral characters (12 UTF-16 units)', '😀'.repeat(6)],
    ['nothing', ''],
    ['12 code points that NFKC composes into 6 characters', 'e\u0301'.repeat(6)],
  ])('refuses %s with a 400 naming the rule', (_name, password) => {
    expect(() => {
      checkPassword(password);
    }).toThrow(/12 to 1024 characters/);
  });

  it('refuses a lone surrogate, which would hash like any other one (as U+FFFD)', () => {
    expect(() => {
      checkPassword(`${'x'.repeat(12)}\ud800`);
    }).toThrow(/valid Unicode/);
  });
});

// Console passwords, hashed with scrypt (RFC 7914) from node:crypto and stored self-describing, so the cost can be
// raised later without breaking the hashes stored before: `scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>`.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { invalidValue } from '../scim/errors.js';

/** N = 2^15, r = 8, p = 1: 32 MiB and some tens of milliseconds per hash. Stored with each hash, so it can be raised. */
const COST = { N: 32_768, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** NIST SP 800-63B §5.1.1.2: at least 8 (here 12) characters, and a maximum of at least 64 (here 1024). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;
/** Hashes with a larger cost than this are refused rather than computed (a tampered row must not exhaust memory). */
const MAX_N = 1_048_576;

/** scrypt needs about 128·N·r bytes; Node's default limit (32 MiB) is just that at N = 2^15, r = 8: leave room. */
function maxmemFor(N: number, r: number): number {
  return 128 * N * r * 2;
}

function deriveKey(password: string, salt: Buffer, cost: ScryptOptions & { N: number; r: number }) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_BYTES,
      { ...cost, maxmem: maxmemFor(cost.N, cost.r) },
      (error, key) => {
        if (error === null) resolve(key);
        else reject(error);
      },
    );
  });
}

/** Code points, not UTF-16 units: NIST SP 800-63B counts each Unicode character as one. */
function lengthOf(password: string): number {
  let n = 0;
  for (const _ of password) n += 1;
  return n;
}

/** A UTF-16 surrogate without its pair: not a character, and hashed as U+FFFD (any two such passwords would match). */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * NIST SP 800-63B: length is the only composition rule; no classes of characters required. The length is the one of
 * what is hashed (NFKC), so combining marks that compose away do not count twice.
 */
export function checkPassword(password: string): void {
  if (LONE_SURROGATE.test(password)) throw invalidValue('The password must be valid Unicode text');
  const length = lengthOf(password.normalize('NFKC'));
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    throw invalidValue(
      `The password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long (it has ${length})`,
    );
  }
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Buffer;
  readonly key: Buffer;
}

function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map((n) => (/^\d{1,7}$/.test(n) ? Number(n) : Number.NaN));
  if (N === undefined || r === undefined || p === undefined) return undefined;
  // N must be a power of two above 1 (RFC 7914 §2); anything else in the row was not written here.
  if (!(N > 1 && N <= MAX_N && (N & (N - 1)) === 0) || !(r >= 1 && r <= 32) || !(p >= 1 && p <= 16)) {
    return undefined;
  }
  const base64 = /^[A-Za-z0-9+/]+={0,2}$/;
  const [salt, key] = [parts[4] ?? '', parts[5] ?? ''];
  if (!base64.test(salt) || !base64.test(key)) return undefined;
  const keyBytes = Buffer.from(key, 'base64');
  if (keyBytes.length !== KEY_BYTES) return undefined;
  return { N, r, p, salt: Buffer.from(salt, 'base64'), key: keyBytes };
}

/** false for a wrong password and for a stored value that is not a hash written here; compared in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (parsed === undefined) return false;
  const key = await deriveKey(password, parsed.salt, { N: parsed.N, r: parsed.r, p: parsed.p });
  return timingSafeEqual(key, parsed.key);
}

/**
 * A well-formed hash no password matches (its key is random, not derived): a sign-in with an unknown email verifies
 * against it, so it costs one scrypt like a known email does and the answer time tells nothing about which addresses
 * have accounts. Built once, without hashing anything.
 */
const DECOY_HASH = [
  'scrypt',
  COST.N,
  COST.r,
  COST.p,
  randomBytes(SALT_BYTES).toString('base64'),
  randomBytes(KEY_BYTES).toString('base64'),
].join('$');

export function decoyPasswordHash(): string {
  return DECOY_HASH;
}

// What every bearer credential here shares (SCIM tokens `msk_`, admin keys `mak_`, API keys `mk_`): 256 random bits
// behind a recognisable prefix, stored only as SHA-256, compared in constant time, optional expiry in whole days.
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { invalidValue } from '../scim/errors.js';

/** 32 random bytes = 256 bits of entropy, base64url without padding = 43 characters. */
const SECRET_BYTES = 32;
const MAX_NAME_LENGTH = 100;
const MAX_EXPIRY_DAYS = 3650;
const DAY_MS = 86_400_000;
/** Characters of a credential safe to show in lists (`msk_ab12cd34`). */
export const DISPLAY_PREFIX_LENGTH = 12;
/** last_used_at is written at most once a minute per credential: steady use must not turn reads into writes. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export function generateCredential(prefix: string): string {
  return prefix + randomBytes(SECRET_BYTES).toString('base64url');
}

/** `prefix` followed by exactly the 43 base64url characters generateCredential produces. */
export function credentialPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}[A-Za-z0-9_-]{43}$`);
}

/** Lowercase hex SHA-256 of the whole credential string: the stored form and the lookup key. */
export function hashCredential(credential: string): string {
  // The one-shot crypto.hash (Node ≥ 20.12) allocates no Hash object: it runs on every verification.
  return hash('sha256', credential, 'hex');
}

/**
 * The lookup is by the unique index on the hash; this comparison makes sure a match is also decided without a
 * data-dependent early exit on our side.
 */
export function isSameHash(storedHex: string, presentedHex: string): boolean {
  const expected = Buffer.from(storedHex, 'hex');
  const actual = Buffer.from(presentedHex, 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export function checkCredentialName(name: string, what: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > MAX_NAME_LENGTH) {
    throw invalidValue(`${what} name must be 1-${MAX_NAME_LENGTH} characters`);
  }
  return trimmed;
}

/** Expiry `days` whole days after `now`; absent → never expires (null). */
export function expiryAfter(now: Date, days: number | undefined): string | null {
  if (days === undefined) return null;
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXPIRY_DAYS) {
    throw invalidValue(`expiry must be a whole number of days from 1 to ${MAX_EXPIRY_DAYS}`);
  }
  return new Date(now.getTime() + days * DAY_MS).toISOString();
}

export function isExpired(expiresAt: string | null, nowMs: number): boolean {
  return expiresAt !== null && Date.parse(expiresAt) <= nowMs;
}

/** The last_used_at threshold: a credential last used before it gets its time written again. */
export function lastUsedNotAfter(nowMs: number): string {
  return new Date(nowMs - LAST_USED_RESOLUTION_MS).toISOString();
}

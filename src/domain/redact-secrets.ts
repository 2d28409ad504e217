// Removes credentials from request and response bodies before they are kept anywhere (the provisioning log).
// RFC 7643 §4.1.1: `password` is writeOnly/returned=never, so an IdP sends it (POST/PUT, PATCH with path "password"
// or inside a value object, Bulk operation data) but a server must never show it again. Other secret-looking
// attributes (extensions, custom IdP payloads) and Muster's own credential formats are removed the same way.

export const REDACTED = '[redacted]';

/** Key names compared after lower-casing and dropping `-`, `_`, `.` and spaces (`client_secret` = `clientSecret`). */
const SECRET_NAMES: ReadonlySet<string> = new Set(['pwd', 'key', 'authorization', 'otp', 'pin']);
const SECRET_SUFFIXES = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'apikey',
  'privatekey',
  'secretkey',
  'accesskey',
  'signingkey',
  'credential',
  'credentials',
] as const;

/** Muster's credentials (`msk_` SCIM token, `mk_` API key, `mak_` admin key, `whsec_` webhook secret), wherever they appear. */
const CREDENTIAL = /\b(?:msk|mak|mk|whsec)_[A-Za-z0-9+/=_-]{16,}/g;

/**
 * A cheap test on serialized JSON: false means redactSecrets could not change it, so it can be stored as it is.
 * Every name matched by isSecretName contains one of these words; `\u` covers escaped key spellings.
 */
const MAY_HOLD_SECRET =
  /pass|pwd|secret|token|key|credential|authorization|otp|pin|msk_|mak_|mk_|whsec_|\\u/i;

export function isSecretName(name: string): boolean {
  const normalized = name.toLowerCase().replace(/[-_. ]/g, '');
  return SECRET_NAMES.has(normalized) || SECRET_SUFFIXES.some((suffix) => normalized.endsWith(suffix));
}

/** True when `text` might contain something redactSecrets would remove (false positives are fine). */
export function mayHoldSecret(text: string): boolean {
  return MAY_HOLD_SECRET.test(text);
}

/** Replaces Muster credentials inside a string (a token pasted into a displayName, a query parameter…). */
export function redactCredentials(text: string): string {
  return text.replace(CREDENTIAL, REDACTED);
}

/**
 * RFC 7644 §3.5.2 PATCH operation paths name the attribute they write: `password`,
 * `urn:ietf:params:scim:schemas:core:2.0:User:password`, or a sub-attribute (`x.clientSecret`). Value filters in
 * brackets are dropped first, so `emails[value eq "token"]` names `emails`, not a secret.
 */
function pathNamesSecret(path: string): boolean {
  const attributes = path.replace(/\[[^\]]*\]/g, '');
  return attributes.split(/[:.]/).some((segment) => segment !== '' && isSecretName(segment));
}

function findKey(object: Readonly<Record<string, unknown>>, name: string): string | undefined {
  return Object.keys(object).find((key) => key.toLowerCase() === name);
}

/**
 * A deep copy of a JSON value with every secret replaced by "[redacted]": the value of any key that isSecretName
 * accepts, at any depth; the `value` of any object whose `path` (any case) names a secret (a PATCH operation,
 * also inside a Bulk operation's data); Muster credentials inside any string. Never mutates `value`.
 */
export function redactSecrets(value: unknown): unknown {
  if (typeof value === 'string') return redactCredentials(value);
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value !== 'object' || value === null) return value;

  const object = value as Readonly<Record<string, unknown>>;
  const pathKey = findKey(object, 'path');
  const path = pathKey === undefined ? undefined : object[pathKey];
  const valueKey = typeof path === 'string' && pathNamesSecret(path) ? findKey(object, 'value') : undefined;

  // fromEntries defines own properties, so a `__proto__` key stays data instead of becoming the prototype.
  return Object.fromEntries(
    Object.entries(object).map(([key, entry]) => [
      key,
      key === valueKey || isSecretName(key) ? REDACTED : redactSecrets(entry),
    ]),
  );
}

// One attribute value → canonical JSON per its definition (RFC 7643 §2.3 data types, §2.4 multi-valued attributes).
import { invalidValue, isScimError } from '../errors.js';
import { findSubAttribute } from '../schema/resolve-attribute.js';
import type { AttributeDef } from '../schema/schema-types.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.js';

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
// RFC 7643 §2.3.5: xsd:dateTime, e.g. 2008-01-23T04:56:22Z (fractional seconds and offsets allowed).
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
// RFC 7643 §2.3.6: base64 (RFC 4648 §4; the URL-safe alphabet and line breaks are tolerated).
const BASE64 = /^[A-Za-z0-9+/_\-\s]*={0,2}\s*$/;

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Coerces `value` for `attr` (whole attribute, incl. multi-valued arrays and complex objects): "True"/"false" →
 * boolean, numbers from numeric strings for integer/decimal, dateTime validated, sub-attribute names canonicalised,
 * unknown sub-attributes dropped, a bare string for a complex attribute with a `value` sub-attribute → { value }
 * (Entra manager). Returns undefined for "unassigned" (null, "", [], {}). Throws invalidValue naming `where`.
 *
 * Multi-valued: a single value is taken as a one-element array; unassigned elements are dropped. RFC 7643 §2.4
 * allows `primary: true` at most once; when a client marks several, the first keeps it and the others are set
 * to false (rejecting the whole write would break IdPs over a cosmetic flag).
 * Read-only sub-attributes (manager.displayName) are dropped: RFC 7643 §2.2 says the client cannot set them.
 */
export function coerceValue(attr: AttributeDef, value: unknown, where: string): JsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (attr.multiValued) return coerceMultiValued(attr, value, where);
  if (Array.isArray(value)) {
    // A single-valued attribute sent as a one-element array is unambiguous; more than one element is not.
    if (value.length === 0) return undefined;
    if (value.length > 1) throw invalidValue(`Attribute '${where}' is single-valued but an array was sent`);
    return coerceSingle(attr, value[0], where);
  }
  return coerceSingle(attr, value, where);
}

function coerceMultiValued(attr: AttributeDef, value: unknown, where: string): JsonValue[] | undefined {
  const items = Array.isArray(value) ? value : [value];
  const out: JsonValue[] = [];
  items.forEach((item, i) => {
    const coerced = item === null ? undefined : coerceSingle(attr, item, `${where}[${i}]`);
    if (coerced !== undefined) out.push(coerced);
  });
  if (out.length === 0) return undefined;
  let primarySeen = false;
  return out.map((item) => {
    if (!isJsonObject(item) || item['primary'] !== true) return item;
    if (!primarySeen) {
      primarySeen = true;
      return item;
    }
    return { ...item, primary: false };
  });
}

/**
 * A write-only attribute (RFC 7643 §7 returned "never": `password`) is never echoed, not even in an error message:
 * error responses end up in logs (the provisioning log stores them).
 */
function coerceSingle(attr: AttributeDef, value: unknown, where: string): JsonValue | undefined {
  if (attr.returned !== 'never') return coerceShown(attr, value, where);
  try {
    return coerceShown(attr, value, where);
  } catch (error) {
    if (!isScimError(error)) throw error;
    throw invalidValue(
      `Attribute '${where}' must be a ${attr.type} (the value sent is not shown: it is write-only)`,
    );
  }
}

function coerceShown(attr: AttributeDef, value: unknown, where: string): JsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  switch (attr.type) {
    case 'complex':
      return coerceComplex(attr, value, where);
    case 'string':
    case 'reference':
      return coerceString(value, where);
    case 'binary': {
      const text = coerceString(value, where);
      if (text !== undefined && !BASE64.test(text)) {
        throw invalidValue(`Attribute '${where}' must be base64-encoded binary`);
      }
      return text;
    }
    case 'boolean':
      return coerceBoolean(value, where);
    case 'integer':
    case 'decimal':
      return coerceNumber(attr.type, value, where);
    case 'dateTime':
      return coerceDateTime(value, where);
  }
}

/** Strings are kept exactly as sent (OneLogin relies on leading spaces surviving); "" means unassigned. */
function coerceString(value: unknown, where: string): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  // Numbers for string attributes (employeeNumber: 1234) are unambiguous; keep their JSON spelling.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw invalidValue(`Attribute '${where}' must be a string, got ${describe(value)}`);
}

/** Entra sends "True" / "False"; Keycloak sends "true" / "false" (RFC 7643 §2.3.2 wants JSON booleans). */
function coerceBoolean(value: unknown, where: string): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    if (lower === '') return undefined;
  }
  throw invalidValue(`Attribute '${where}' must be a boolean (true or false), got ${describe(value)}`);
}

function coerceNumber(type: 'integer' | 'decimal', value: unknown, where: string): number | undefined {
  if (value === '') return undefined;
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && (type === 'integer' ? INTEGER : DECIMAL).test(value.trim())) {
    n = Number(value.trim());
  }
  const ok = n !== undefined && Number.isFinite(n) && (type === 'decimal' || Number.isSafeInteger(n));
  if (!ok)
    throw invalidValue(
      `Attribute '${where}' must be ${type === 'integer' ? 'an integer' : 'a number'}, got ${describe(value)}`,
    );
  return n;
}

function coerceDateTime(value: unknown, where: string): string | undefined {
  if (value === '') return undefined;
  if (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw invalidValue(
      `Attribute '${where}' must be an xsd:dateTime such as 2008-01-23T04:56:22Z, got ${describe(value)}`,
    );
  }
  return value;
}

function coerceComplex(attr: AttributeDef, value: unknown, where: string): JsonObject | undefined {
  if (!isJsonObject(value)) {
    // Entra sends the enterprise manager as a bare id: `"manager": "<id>"` means `{ "value": "<id>" }`.
    const valueSub = findSubAttribute(attr, 'value');
    if (valueSub !== undefined && (typeof value === 'string' || typeof value === 'number')) {
      const coerced = coerceSingle(valueSub, value, `${where}.value`);
      return coerced === undefined ? undefined : { value: coerced };
    }
    throw invalidValue(
      `Attribute '${where}' must be a complex value (a JSON object), got ${describe(value)}`,
    );
  }
  const out: JsonObject = {};
  for (const [key, raw] of Object.entries(value)) {
    const sub = findSubAttribute(attr, key);
    if (sub === undefined || sub.mutability === 'readOnly') continue;
    const coerced = coerceValue(sub, raw, `${where}.${sub.name}`);
    if (coerced !== undefined) out[sub.name] = coerced;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

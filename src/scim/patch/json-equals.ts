// Structural equality of JSON values (object key order ignored): duplicate detection for multi-valued add
// (RFC 7644 §3.5.2.1) and the "unchanged" tolerance for readOnly/immutable attributes.
import type { JsonValue } from '../../shared/json.js';

export function jsonEquals(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEquals(item, b[i]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && jsonEquals(a[k], b[k]));
}

// Coercion of complex values for PATCH: each sub-attribute is coerced by its own definition so that a value can be
// merged into an existing one (RFC 7644 §3.5.2.1 / §3.5.2.3: sub-attributes not specified are left unchanged).
import { invalidValue } from '../errors.js';
import { coerceValue } from '../resource/coerce-value.js';
import { findSubAttribute } from '../schema/resolve-attribute.js';
import type { AttributeDef } from '../schema/schema-types.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.js';
import { assertMutable } from './assert-mutable.js';

/** The definition of one element of a multi-valued attribute. */
export function elementDef(attr: AttributeDef): AttributeDef {
  return attr.multiValued ? { ...attr, multiValued: false } : attr;
}

/**
 * Merges `raw` into `current` (both one value of the complex `attr`, or one element of it) and returns the result;
 * undefined when `raw` is unassigned (null, "", {}), which the caller treats as removal. A bare string becomes
 * `{ value }` when the attribute has a `value` sub-attribute (Entra's manager). Unknown sub-attributes are ignored and
 * readOnly ones dropped (RFC 7643 §2.2: ignored on write); a sub-attribute set to null or "" is removed.
 */
export function mergeComplex(
  attr: AttributeDef,
  current: JsonObject | undefined,
  raw: JsonValue,
  where: string,
): JsonObject | undefined {
  let object: JsonObject;
  if (isJsonObject(raw)) {
    object = raw;
  } else {
    const coerced = coerceValue(elementDef(attr), raw, where);
    if (coerced === undefined) return undefined;
    if (!isJsonObject(coerced)) throw invalidValue(`"${where}": ${attr.name} needs an object value`);
    object = coerced;
  }
  const next: JsonObject = { ...current };
  let assigned = false;
  for (const [key, value] of Object.entries(object)) {
    const sub = findSubAttribute(attr, key);
    if (sub === undefined || sub.mutability === 'readOnly') continue;
    const subWhere = `${where}.${sub.name}`;
    const coerced = coerceValue(sub, value, subWhere);
    assertMutable(sub, next[sub.name], coerced, subWhere);
    if (coerced === undefined) {
      Reflect.deleteProperty(next, sub.name);
    } else {
      next[sub.name] = coerced;
      assigned = true;
    }
  }
  // `{}` or only empty/unknown sub-attributes and nothing before: unassigned.
  return assigned || Object.keys(next).length > 0 ? next : undefined;
}

/**
 * Sets (or, for an unassigned value, unsets) one sub-attribute of a complex value: `name.givenName`,
 * `emails[type eq "work"].value`. Undefined when nothing is left.
 */
export function withSubAttribute(
  sub: AttributeDef,
  current: JsonObject | undefined,
  raw: JsonValue,
  where: string,
): JsonObject | undefined {
  const coerced = coerceValue(sub, raw, where);
  assertMutable(sub, current?.[sub.name], coerced, where);
  const next: JsonObject = { ...current };
  if (coerced === undefined) Reflect.deleteProperty(next, sub.name);
  else next[sub.name] = coerced;
  return Object.keys(next).length > 0 ? next : undefined;
}

/** One element of the multi-valued `attr`, coerced; undefined when unassigned. */
export function coerceElement(attr: AttributeDef, raw: JsonValue, where: string): JsonValue | undefined {
  if (attr.type === 'complex') return mergeComplex(attr, undefined, raw, where);
  return coerceValue(elementDef(attr), raw, where);
}

/** The elements of a value for the multi-valued `attr` (a lone element is accepted as a one-element list). */
export function coerceElements(attr: AttributeDef, raw: JsonValue, where: string): JsonValue[] {
  const items = Array.isArray(raw) ? raw : [raw];
  return items
    .map((item, i) => coerceElement(attr, item, Array.isArray(raw) ? `${where}[${i}]` : where))
    .filter((item): item is JsonValue => item !== undefined);
}

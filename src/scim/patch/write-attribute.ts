// Where an attribute lives in canonical data (core and common attributes at the top, extension attributes under
// their URN key) and the one place a whole attribute value is written.
import type { AttributeDef } from '../schema/schema-types.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.js';
import { assertMutable } from './assert-mutable.js';
import type { AttributeTarget } from './resolve-patch-target.js';

/** The object holding the target attribute; an extension object is created when missing (pruned if left empty). */
export function containerOf(data: JsonObject, target: AttributeTarget): JsonObject {
  if (target.container === undefined) return data;
  const existing = data[target.container];
  if (isJsonObject(existing)) return existing;
  const created: JsonObject = {};
  data[target.container] = created;
  return created;
}

/** The array value of a multi-valued attribute, attached to `container` so that in-place edits land in it. */
export function listOf(container: JsonObject, attr: AttributeDef): JsonValue[] {
  const current = container[attr.name];
  const list = Array.isArray(current) ? current : current === undefined ? [] : [current];
  container[attr.name] = list;
  return list;
}

/** Sets (or, for undefined, removes) the whole value of `attr` after the mutability check. */
export function writeAttribute(
  container: JsonObject,
  attr: AttributeDef,
  next: JsonValue | undefined,
  where: string,
): void {
  assertMutable(attr, container[attr.name], next, where);
  if (next === undefined) Reflect.deleteProperty(container, attr.name);
  else container[attr.name] = next;
}

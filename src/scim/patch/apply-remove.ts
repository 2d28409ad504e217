// RFC 7644 §3.5.2.2 "remove" on one attribute target. Removing what is not there is a no-op, including a value
// filter that matches nothing: IdPs replay deltas (Okta removes members that are already gone), and the result is
// the state the client asked for.
import type { ResourceTypeDef } from '../schema/schema-types.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.js';
import { assertMutable } from './assert-mutable.js';
import { coerceElements } from './coerce-complex.js';
import { jsonEquals } from './json-equals.js';
import { pruneEmpty } from './prune-empty.js';
import type { AttributeTarget } from './resolve-patch-target.js';
import { selectElements } from './select-elements.js';
import { writeAttribute } from './write-attribute.js';

/** Entra removes members with a value: `[{ "value": "<id>" }]` names elements by the sub-attributes given. */
function matchesItem(element: JsonValue, item: JsonValue): boolean {
  if (isJsonObject(element) && isJsonObject(item)) {
    return Object.entries(item).every(([key, value]) => jsonEquals(element[key], value));
  }
  return jsonEquals(element, item);
}

/** Whole elements go; that is not a change of their (possibly immutable) sub-attributes, e.g. `members.value`. */
function removeElements(
  container: JsonObject,
  target: AttributeTarget,
  list: JsonValue[],
  gone: (item: JsonValue) => boolean,
): void {
  const kept = list.filter((item) => !gone(item));
  writeAttribute(container, target.attr, kept.length === 0 ? undefined : kept, target.where);
}

export function applyRemove(
  data: JsonObject,
  target: AttributeTarget,
  value: JsonValue | undefined,
  type: ResourceTypeDef,
): void {
  const { attr, sub, filter, where } = target;
  const container = target.container === undefined ? data : data[target.container];
  if (!isJsonObject(container)) return;
  const current = container[attr.name];
  if (current === undefined) return;

  if (!attr.multiValued) {
    if (sub === undefined) {
      writeAttribute(container, attr, undefined, where);
    } else if (isJsonObject(current)) {
      assertMutable(sub, current[sub.name], undefined, where);
      const next = { ...current };
      Reflect.deleteProperty(next, sub.name);
      container[attr.name] = next;
    }
    return;
  }
  const list = Array.isArray(current) ? current : [current];
  if (filter === undefined && sub === undefined) {
    if (value === undefined || pruneEmpty(value) === undefined) {
      writeAttribute(container, attr, undefined, where);
      return;
    }
    const items = coerceElements(attr, value, where);
    removeElements(container, target, list, (element) => items.some((item) => matchesItem(element, item)));
    return;
  }
  const selected: JsonValue[] = selectElements(list, attr, filter, type);
  if (sub === undefined) {
    removeElements(container, target, list, (element) => selected.includes(element));
    return;
  }
  // `emails[type eq "work"].type`: the sub-attribute goes; an element left empty is dropped by the final prune, and
  // one that lost its `value` goes with it (RFC 7643 §2.4).
  for (const element of selected) {
    if (!isJsonObject(element)) continue;
    assertMutable(sub, element[sub.name], undefined, where);
    Reflect.deleteProperty(element, sub.name);
  }
  if (sub.name === 'value') {
    removeElements(container, target, list, (element) => selected.includes(element));
  }
}

// RFC 7644 §3.5.2.3 "replace" on one attribute target.
import type { ResourceTypeDef } from '../schema/schema-types.js';
import type { JsonObject, JsonValue } from '../../shared/json.js';
import { setSingleValued } from './apply-add.js';
import { coerceElements } from './coerce-complex.js';
import { jsonEquals } from './json-equals.js';
import type { AttributeTarget } from './resolve-patch-target.js';
import { settlePrimary } from './settle-primary.js';
import { updateElements, type OnNoMatch } from './update-elements.js';
import { containerOf, listOf, writeAttribute } from './write-attribute.js';

/**
 * A null, "" or [] value removes the target (Entra's "null updates": title, a work phone, the manager…).
 * `onNoMatch` decides what a value filter that selects no element does (see update-elements.ts).
 */
export function applyReplace(
  data: JsonObject,
  target: AttributeTarget,
  value: JsonValue,
  type: ResourceTypeDef,
  onNoMatch: OnNoMatch,
): void {
  const container = containerOf(data, target);
  if (!target.attr.multiValued) {
    setSingleValued(container, target, value);
    return;
  }
  if (target.filter !== undefined || target.sub !== undefined) {
    updateElements(listOf(container, target.attr), target, value, onNoMatch, type);
    return;
  }
  // RFC 7644 §3.5.2.3: without a filter the whole set of values is replaced.
  const items: JsonValue[] = [];
  for (const item of coerceElements(target.attr, value, target.where)) {
    if (!items.some((kept) => jsonEquals(kept, item))) items.push(item);
  }
  writeAttribute(container, target.attr, items.length === 0 ? undefined : items, target.where);
  settlePrimary(items, items);
}

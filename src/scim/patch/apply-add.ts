// RFC 7644 §3.5.2.1 "add" on one attribute target.
import { coerceValue } from '../resource/coerce-value.js';
import type { ResourceTypeDef } from '../schema/schema-types.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.js';
import { coerceElements, mergeComplex, withSubAttribute } from './coerce-complex.js';
import { jsonEquals } from './json-equals.js';
import type { AttributeTarget } from './resolve-patch-target.js';
import { settlePrimary } from './settle-primary.js';
import { updateElements } from './update-elements.js';
import { containerOf, listOf, writeAttribute } from './write-attribute.js';

/**
 * Sets a single-valued attribute or sub-attribute (also what replace does on one): a complex value is merged into
 * the current one, sub-attributes not given are left unchanged (RFC 7644 §3.5.2.1 / §3.5.2.3).
 */
export function setSingleValued(container: JsonObject, target: AttributeTarget, value: JsonValue): void {
  const { attr, sub, where } = target;
  const current = container[attr.name];
  if (attr.type !== 'complex') {
    writeAttribute(container, attr, coerceValue(attr, value, where), where);
    return;
  }
  const object = isJsonObject(current) ? current : undefined;
  const next =
    sub === undefined
      ? mergeComplex(attr, object, value, where)
      : withSubAttribute(sub, object, value, where);
  writeAttribute(container, attr, next, where);
}

export function applyAdd(
  data: JsonObject,
  target: AttributeTarget,
  value: JsonValue,
  type: ResourceTypeDef,
): void {
  const container = containerOf(data, target);
  if (!target.attr.multiValued) {
    setSingleValued(container, target, value);
    return;
  }
  const list = listOf(container, target.attr);
  if (target.filter !== undefined || target.sub !== undefined) {
    updateElements(list, target, value, 'create', type);
    return;
  }
  // RFC 7644 §3.5.2.1: the values are added to the multi-valued attribute; a value that is already there is not
  // added a second time.
  const added: JsonValue[] = [];
  for (const item of coerceElements(target.attr, value, target.where)) {
    if (!list.some((existing) => jsonEquals(existing, item))) {
      list.push(item);
      added.push(item);
    }
  }
  settlePrimary(list, added);
}

// add/replace on a path that selects elements of a multi-valued attribute: `emails[type eq "work"]`,
// `emails[type eq "work"].value`, or `emails.value` (every element).
import { noTarget } from '../errors.js';
import type { ResourceTypeDef } from '../schema/schema-types.js';
import type { JsonObject, JsonValue } from '../../shared/json.js';
import { mergeComplex, withSubAttribute } from './coerce-complex.js';
import { pruneEmpty } from './prune-empty.js';
import type { AttributeTarget } from './resolve-patch-target.js';
import { elementFromFilter, selectElements } from './select-elements.js';
import { settlePrimary } from './settle-primary.js';

/** The value `value` gives one element: merged into it, or only the addressed sub-attribute. */
function updated(
  target: AttributeTarget,
  element: JsonObject | undefined,
  value: JsonValue,
): JsonObject | undefined {
  return target.sub === undefined
    ? mergeComplex(target.attr, element, value, target.where)
    : withSubAttribute(target.sub, element, value, target.where);
}

/**
 * When the filter selects nothing: RFC 7644 §3.5.2.3 answers replace with 400 noTarget, but Entra sends both add and
 * replace on `emails[type eq "work"].value` for users without a work email and expects the element to be created,
 * so a filter of `eq` comparisons with a sub-attribute creates `{ type: "work", value: … }`; add with such a filter
 * and an element value creates it too. Writing nothing (null / "") to nothing is a no-op.
 */
function createElement(
  list: JsonValue[],
  target: AttributeTarget,
  value: JsonValue,
  mode: 'add' | 'replace',
): void {
  if (pruneEmpty(value) === undefined) return;
  const seed = target.filter === undefined ? undefined : elementFromFilter(target.filter, target.attr);
  if (seed === undefined || (mode === 'replace' && target.sub === undefined)) {
    throw noTarget(`"${target.where}" matches no value of ${target.attr.name}`);
  }
  const element = updated(target, mergeComplex(target.attr, undefined, seed, target.where), value);
  if (element === undefined) return;
  list.push(element);
  settlePrimary(list, [element]);
}

/**
 * RFC 7643 §2.4: `value` is the element's value; `{ type: "work" }` left behind once it is unset is no phone number.
 */
function lostValue(before: JsonObject, after: JsonObject): boolean {
  return before['value'] !== undefined && after['value'] === undefined;
}

export function updateElements(
  list: JsonValue[],
  target: AttributeTarget,
  value: JsonValue,
  mode: 'add' | 'replace',
  type: ResourceTypeDef,
): void {
  const selected = selectElements(list, target.attr, target.filter, type);
  if (selected.length === 0) {
    createElement(list, target, value, mode);
    return;
  }
  const written: JsonValue[] = [];
  for (const element of selected) {
    const index = list.indexOf(element);
    const next = updated(target, element, value);
    if (next === undefined || lostValue(element, next)) {
      // replace `emails[type eq "work"]` with null, or `phoneNumbers[type eq "work"].value` with "" (Entra null
      // update): the selected elements are removed.
      list.splice(index, 1);
    } else {
      list[index] = next;
      written.push(next);
    }
  }
  settlePrimary(list, written);
}

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
 * What a filter that selects nothing does. `noTarget`: RFC 7644 §3.5.2.3 answers replace with 400 noTarget.
 * `create`: Entra sends add on `emails[type eq "work"].value` for a user without a work email (and, with
 * aadOptscim062020, a path-less replace whose value has that key) and expects the element to be created, so a filter
 * of `eq` comparisons seeds `{ type: "work", value: … }`. Writing nothing (null / "") to nothing is a no-op either way:
 * Entra's null updates.
 */
export type OnNoMatch = 'create' | 'noTarget';

function createElement(
  list: JsonValue[],
  target: AttributeTarget,
  value: JsonValue,
  onNoMatch: OnNoMatch,
): void {
  if (pruneEmpty(value) === undefined) return;
  const seed =
    onNoMatch === 'create' && target.filter !== undefined
      ? elementFromFilter(target.filter, target.attr)
      : undefined;
  if (seed === undefined) {
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
  onNoMatch: OnNoMatch,
  type: ResourceTypeDef,
): void {
  const selected = selectElements(list, target.attr, target.filter, type);
  if (selected.length === 0) {
    createElement(list, target, value, onNoMatch);
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

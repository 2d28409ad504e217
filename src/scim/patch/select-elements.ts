// RFC 7644 §3.5.2: a valuePath filter selects elements of a multi-valued attribute; its attribute names are
// sub-attributes of one element.
import { evaluateFilter } from '../filter/evaluate-filter.js';
import type { FilterNode } from '../filter/filter-node.js';
import { findSubAttribute } from '../schema/resolve-attribute.js';
import type { AttributeDef, ResourceTypeDef } from '../schema/schema-types.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.js';

/** The (complex) elements `filter` selects; every complex element when there is no filter (`emails.value`). */
export function selectElements(
  list: readonly JsonValue[],
  attr: AttributeDef,
  filter: FilterNode | undefined,
  type: ResourceTypeDef,
): JsonObject[] {
  return list.filter(
    (item): item is JsonObject =>
      isJsonObject(item) &&
      (filter === undefined || evaluateFilter(filter, item, type, { kind: 'element', attrName: attr.name })),
  );
}

/**
 * The element a filter made only of `eq` comparisons joined by `and` describes: `type eq "work"` → `{ type: "work" }`.
 * Entra adds/replaces `emails[type eq "work"].value` on users without a work email and expects the element to be
 * created. Undefined for any other filter (or conflicting comparisons): nothing can be created from it.
 */
export function elementFromFilter(filter: FilterNode, attr: AttributeDef): JsonObject | undefined {
  switch (filter.kind) {
    case 'compare': {
      if (filter.op !== 'eq' || filter.path.subAttr !== undefined || filter.value === null) return undefined;
      const sub = findSubAttribute(attr, filter.path.name);
      return sub === undefined || sub.mutability === 'readOnly' ? undefined : { [sub.name]: filter.value };
    }
    case 'and': {
      const left = elementFromFilter(filter.left, attr);
      const right = elementFromFilter(filter.right, attr);
      if (left === undefined || right === undefined) return undefined;
      const conflict = Object.keys(right).some((k) => Object.hasOwn(left, k) && left[k] !== right[k]);
      return conflict ? undefined : { ...left, ...right };
    }
    case 'or':
    case 'not':
    case 'present':
    case 'valuePath':
      return undefined;
  }
}

// STUB — to be implemented. In-memory evaluation (PATCH value filters on one resource, never list queries).
import type { ResourceTypeDef } from '../schema/schema-types.js';
import type { JsonObject } from '../../shared/json.js';
import type { FilterNode } from './filter-node.js';

/**
 * Evaluates `filter` against `target`. `scope` says how to resolve the filter's attribute names:
 * `{ kind: 'resource' }` → paths are resource attributes; `{ kind: 'element', attr }` → paths are sub-attributes of
 * one element of the multi-valued complex attribute `attr` (value filters such as `emails[type eq "work"]`).
 */
export function evaluateFilter(
  filter: FilterNode,
  target: JsonObject,
  type: ResourceTypeDef,
  scope: { readonly kind: 'resource' } | { readonly kind: 'element'; readonly attrName: string },
): boolean {
  throw new Error(
    `not implemented: ${filter.kind} ${String(Object.keys(target).length)} ${type.id} ${scope.kind}`,
  );
}

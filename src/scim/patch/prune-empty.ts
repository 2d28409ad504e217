// RFC 7643 §2.5: an unassigned attribute is absent. After each PATCH operation, values that became empty
// (null, "", [], {} — at any depth) are dropped, so removing the last sub-attribute drops its parent and an
// extension object with no attributes left disappears.
import type { JsonValue } from '../../shared/json.js';

/** A pruned copy of `value`, or undefined when nothing is left. `false`, 0 and " " are values and stay. */
export function pruneEmpty(value: JsonValue | undefined): JsonValue | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.map(pruneEmpty).filter((item): item is JsonValue => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, pruneEmpty(item)] as const)
      .filter((entry): entry is readonly [string, JsonValue] => entry[1] !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

// STUB — to be implemented. One attribute value → canonical JSON per its definition.
import type { AttributeDef } from '../schema/schema-types.js';
import type { JsonValue } from '../../shared/json.js';

/**
 * Coerces `value` for `attr` (whole attribute, incl. multi-valued arrays and complex objects): "True"/"false" →
 * boolean, numbers from numeric strings for integer/decimal, dateTime validated, sub-attribute names canonicalised,
 * unknown sub-attributes dropped, a bare string for a complex attribute with a `value` sub-attribute → { value }
 * (Entra manager). Returns undefined for "unassigned" (null, "", [], {}). Throws invalidValue naming `where`.
 */
export function coerceValue(attr: AttributeDef, value: unknown, where: string): JsonValue | undefined {
  throw new Error(`not implemented: ${attr.name} ${typeof value} ${where}`);
}

// RFC 7643 §2.2 mutability as PATCH enforces it on one attribute or sub-attribute about to change.
import { mutability } from '../errors.js';
import type { AttributeDef } from '../schema/schema-types.js';
import type { JsonValue } from '../../shared/json.js';
import { jsonEquals } from './json-equals.js';

/**
 * readOnly: never written by a client (a value equal to the current one is tolerated). immutable: may be set when
 * it has no value yet, never changed or removed afterwards.
 */
export function assertMutable(
  def: AttributeDef,
  current: JsonValue | undefined,
  next: JsonValue | undefined,
  where: string,
): void {
  if (def.mutability === 'readOnly' && !jsonEquals(current, next)) {
    throw mutability(`"${where}": ${def.name} is read-only`);
  }
  if (def.mutability === 'immutable' && current !== undefined && !jsonEquals(current, next)) {
    throw mutability(`"${where}": ${def.name} is immutable once set`);
  }
}

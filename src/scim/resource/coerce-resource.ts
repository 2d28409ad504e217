// STUB — to be implemented. Request body → canonical stored data (RFC 7643 §2, §7).
import type { ResourceTypeDef } from '../schema/schema-types.js';
import type { JsonObject } from '../../shared/json.js';

export interface CoercedResource {
  /** Canonical data: no id/meta/schemas/readOnly attributes; attribute names in schema spelling; extension
   * attributes under their URN key; null / "" / [] / {} values dropped (= unassigned); `members` excluded for Groups. */
  readonly data: JsonObject;
  /** Groups only: the `members` value when the key was present (undefined when absent, [] to clear). */
  readonly members?: readonly { readonly value: string; readonly type?: string }[];
  /** writeOnly password when sent; never stored in data, never returned. */
  readonly password?: string;
}

/** Validates and coerces a POST/PUT body; throws invalidSyntax / invalidValue. Unknown attributes are ignored. */
export function coerceResource(type: ResourceTypeDef, body: unknown): CoercedResource {
  throw new Error(`not implemented: ${type.id} ${typeof body}`);
}

/** Throws ScimError mutability when an immutable attribute that had a value changed (RFC 7643 §2.2). */
export function checkImmutable(type: ResourceTypeDef, before: JsonObject, after: JsonObject): void {
  throw new Error(
    `not implemented: ${type.id} ${String(Object.keys(before).length + Object.keys(after).length)}`,
  );
}

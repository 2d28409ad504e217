// STUB — to be implemented. RFC 7644 §3.5.2 PATCH engine.
import type { ResourceTypeDef } from '../schema/schema-types.js';
import type { JsonObject } from '../../shared/json.js';
import type { PatchOp } from './parse-patch-request.js';

/**
 * Applies all `ops` in order to the canonical `data` (no id/meta/schemas) and returns the new canonical data.
 * Never mutates `data`. Throws on the first failing op, so a failing request changes nothing.
 * `context.id` is the resource id (a path-less replace that carries `id` equal to it is tolerated, Okta).
 */
export function applyPatch(
  data: JsonObject,
  ops: readonly PatchOp[],
  type: ResourceTypeDef,
  context: { readonly id: string },
): JsonObject {
  throw new Error(
    `not implemented: ${String(Object.keys(data).length)} ${String(ops.length)} ${type.id} ${context.id}`,
  );
}

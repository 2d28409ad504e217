// STUB — to be implemented. RFC 7644 §3.4.2.5 attributes / excludedAttributes, RFC 7643 §7 `returned`.
import type { AttrPath } from '../path/attr-path.js';
import type { ResourceTypeDef } from '../schema/schema-types.js';
import type { JsonObject } from '../../shared/json.js';

export interface ProjectionSpec {
  readonly attributes: readonly AttrPath[];
  readonly excludedAttributes: readonly AttrPath[];
}

/** Returns a new resource with only the attributes the client should see (returned: always/never honoured). */
export function projectResource(
  resource: JsonObject,
  type: ResourceTypeDef,
  projection: ProjectionSpec,
): JsonObject {
  throw new Error(
    `not implemented: ${String(Object.keys(resource).length)} ${type.id} ${String(projection.attributes.length)}`,
  );
}

/** Whether the projection returns (any part of) the top-level attribute `path` — to skip loading groups/members. */
export function wantsAttribute(type: ResourceTypeDef, projection: ProjectionSpec, path: AttrPath): boolean {
  throw new Error(`not implemented: ${type.id} ${String(projection.attributes.length)} ${path.name}`);
}

// RFC 7643 §3.1 meta.
import type { JsonObject } from '../../shared/json.js';

export interface MetaInput {
  readonly resourceType: string;
  readonly created: string;
  readonly lastModified: string;
  readonly location: string;
  readonly version: string;
}

export function buildMeta(input: MetaInput): JsonObject {
  return {
    resourceType: input.resourceType,
    created: input.created,
    lastModified: input.lastModified,
    location: input.location,
    version: input.version,
  };
}

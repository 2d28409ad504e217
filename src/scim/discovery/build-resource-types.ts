// RFC 7643 §6 ResourceType representations, built from the same definitions the API validates against.
import type { JsonObject } from '../../shared/json.js';
import { RESOURCE_TYPES } from '../schema/resource-types.js';
import type { ResourceTypeDef } from '../schema/schema-types.js';
import { RESOURCE_TYPE_URN } from '../schema/schema-urns.js';

export function toResourceTypeDocument(type: ResourceTypeDef, baseUrl: string): JsonObject {
  return {
    schemas: [RESOURCE_TYPE_URN],
    id: type.id,
    name: type.name,
    description: type.description,
    endpoint: type.endpoint,
    schema: type.schema.id,
    schemaExtensions: type.extensions.map((e) => ({ schema: e.schema.id, required: e.required })),
    meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/${type.id}` },
  };
}

/** The `Resources` of GET /ResourceTypes (RFC 7644 §4); GET /ResourceTypes/{id} is the element with that id. */
export function buildResourceTypes(baseUrl: string): JsonObject[] {
  return RESOURCE_TYPES.map((type) => toResourceTypeDocument(type, baseUrl));
}

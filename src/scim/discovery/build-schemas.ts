// RFC 7643 §7 Schema representations (the /Schemas endpoint, RFC 7644 §4), built from the live definitions.
import type { JsonObject } from '../../shared/json.js';
import { SCHEMAS } from '../schema/resource-types.js';
import type { AttributeDef, SchemaDef } from '../schema/schema-types.js';
import { SCHEMA_URN } from '../schema/schema-urns.js';

function toAttributeDocument(attr: AttributeDef): JsonObject {
  return {
    name: attr.name,
    type: attr.type,
    multiValued: attr.multiValued,
    description: attr.description,
    required: attr.required,
    caseExact: attr.caseExact,
    mutability: attr.mutability,
    returned: attr.returned,
    uniqueness: attr.uniqueness,
    ...(attr.canonicalValues === undefined ? {} : { canonicalValues: [...attr.canonicalValues] }),
    ...(attr.referenceTypes === undefined ? {} : { referenceTypes: [...attr.referenceTypes] }),
    ...(attr.subAttributes === undefined
      ? {}
      : { subAttributes: attr.subAttributes.map(toAttributeDocument) }),
  };
}

export function toSchemaDocument(schema: SchemaDef, baseUrl: string): JsonObject {
  return {
    schemas: [SCHEMA_URN],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: schema.attributes.map(toAttributeDocument),
    meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${schema.id}` },
  };
}

/** The `Resources` of GET /Schemas; GET /Schemas/{urn} is the element with that id. */
export function buildSchemas(baseUrl: string): JsonObject[] {
  return SCHEMAS.map((schema) => toSchemaDocument(schema, baseUrl));
}

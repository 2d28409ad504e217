// RFC 7643 §3.1: attributes every resource carries (id, externalId, meta). They belong to no schema, so they are
// kept in a pseudo schema of their own: resolveAttribute reports them with `common: true`.
import { defineAttribute } from './define-attribute.js';
import type { AttributeDef, SchemaDef } from './schema-types.js';

export const COMMON_ATTRIBUTES: readonly AttributeDef[] = [
  defineAttribute(
    'id',
    'string',
    'A unique identifier for a SCIM resource as defined by the service provider. REQUIRED.',
    { caseExact: true, mutability: 'readOnly', returned: 'always', uniqueness: 'server' },
  ),
  defineAttribute(
    'externalId',
    'string',
    'A String that is an identifier for the resource as defined by the provisioning client.',
    { caseExact: true },
  ),
  defineAttribute('meta', 'complex', 'A complex attribute containing resource metadata.', {
    mutability: 'readOnly',
    subAttributes: [
      defineAttribute('resourceType', 'string', 'The name of the resource type of the resource.', {
        caseExact: true,
        mutability: 'readOnly',
      }),
      defineAttribute(
        'created',
        'dateTime',
        'The "DateTime" that the resource was added to the service provider.',
        {
          mutability: 'readOnly',
        },
      ),
      defineAttribute(
        'lastModified',
        'dateTime',
        'The most recent DateTime that the details of this resource were updated at the service provider.',
        {
          mutability: 'readOnly',
        },
      ),
      defineAttribute('location', 'reference', 'The URI of the resource being returned.', {
        caseExact: true,
        mutability: 'readOnly',
        referenceTypes: ['uri'],
      }),
      defineAttribute('version', 'string', 'The version of the resource being returned (an entity tag).', {
        caseExact: true,
        mutability: 'readOnly',
      }),
    ],
  }),
];

/** Pseudo schema for the common attributes; never published on /Schemas (RFC 7643 §3.1: not part of a schema). */
export const COMMON_SCHEMA: SchemaDef = {
  id: 'urn:ietf:params:scim:schemas:core:2.0',
  name: 'Common',
  description: 'Attributes common to all resources (RFC 7643 §3.1)',
  attributes: COMMON_ATTRIBUTES,
};

// RFC 7643 §4.2 and §8.7.1: the core Group schema.
import { defineAttribute } from './define-attribute.js';
import type { SchemaDef } from './schema-types.js';
import { CORE_GROUP_URN } from './schema-urns.js';

export const CORE_GROUP_SCHEMA: SchemaDef = {
  id: CORE_GROUP_URN,
  name: 'Group',
  description: 'Group',
  attributes: [
    defineAttribute('displayName', 'string', 'A human-readable name for the Group. REQUIRED.', {
      required: true,
    }),
    defineAttribute('members', 'complex', 'A list of members of the Group.', {
      multiValued: true,
      subAttributes: [
        defineAttribute('value', 'string', 'Identifier of the member of this Group.', {
          mutability: 'immutable',
        }),
        defineAttribute(
          '$ref',
          'reference',
          'The URI corresponding to a SCIM resource that is a member of this Group.',
          {
            mutability: 'immutable',
            referenceTypes: ['User', 'Group'],
          },
        ),
        // Not in §8.7.1, but every IdP reads it and RFC 7643 §2.4 defines `display` for multi-valued attributes.
        defineAttribute(
          'display',
          'string',
          'A human-readable name of the member, primarily used for display purposes.',
          {
            mutability: 'readOnly',
          },
        ),
        defineAttribute(
          'type',
          'string',
          "A label indicating the type of resource, e.g., 'User' or 'Group'.",
          {
            mutability: 'immutable',
            canonicalValues: ['User', 'Group'],
          },
        ),
      ],
    }),
  ],
};

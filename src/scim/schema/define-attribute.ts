// RFC 7643 §2.2 / §7: the characteristics an attribute has when a definition leaves them out. Spelling every
// characteristic out for ~100 attributes would bury the few that differ from these defaults.
import type { AttrType, AttributeDef } from './schema-types.js';

type AttributeOverrides = Partial<Omit<AttributeDef, 'name' | 'type' | 'description'>>;

/** RFC 7643 §2.2 defaults: single-valued, optional, caseExact false, readWrite, returned default, uniqueness none. */
export function defineAttribute(
  name: string,
  type: AttrType,
  description: string,
  overrides: AttributeOverrides = {},
): AttributeDef {
  return {
    name,
    type,
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...overrides,
  };
}

/** The `primary` sub-attribute of multi-valued attributes (RFC 7643 §2.4). */
export function definePrimary(): AttributeDef {
  return defineAttribute(
    'primary',
    'boolean',
    "A Boolean value indicating the 'primary' or preferred attribute value for this attribute. The primary attribute value 'true' MUST appear no more than once.",
  );
}

/** The `display` sub-attribute of multi-valued attributes (RFC 7643 §2.4). */
export function defineDisplay(overrides: AttributeOverrides = {}): AttributeDef {
  return defineAttribute(
    'display',
    'string',
    'A human-readable name, primarily used for display purposes.',
    overrides,
  );
}

// RFC 7643 §6: the resource types this service provider offers, with their schemas resolved.
import { CORE_GROUP_SCHEMA } from './core-group-schema.js';
import { CORE_USER_SCHEMA } from './core-user-schema.js';
import { ENTERPRISE_USER_SCHEMA } from './enterprise-user-schema.js';
import type { ResourceTypeDef, SchemaDef } from './schema-types.js';

export { CORE_GROUP_URN, CORE_USER_URN, ENTERPRISE_USER_URN } from './schema-urns.js';

export const USER_RESOURCE_TYPE: ResourceTypeDef = {
  id: 'User',
  name: 'User',
  description: 'User Account',
  endpoint: '/Users',
  schema: CORE_USER_SCHEMA,
  extensions: [{ schema: ENTERPRISE_USER_SCHEMA, required: false }],
};

export const GROUP_RESOURCE_TYPE: ResourceTypeDef = {
  id: 'Group',
  name: 'Group',
  description: 'Group',
  endpoint: '/Groups',
  schema: CORE_GROUP_SCHEMA,
  extensions: [],
};

export const RESOURCE_TYPES: readonly ResourceTypeDef[] = [USER_RESOURCE_TYPE, GROUP_RESOURCE_TYPE];

/** Every schema published on /Schemas (RFC 7644 §4). */
export const SCHEMAS: readonly SchemaDef[] = [CORE_USER_SCHEMA, CORE_GROUP_SCHEMA, ENTERPRISE_USER_SCHEMA];

// STUB — to be implemented (definitions live in core-user-schema.ts, core-group-schema.ts, enterprise-user-schema.ts).
import type { ResourceTypeDef } from './schema-types.js';

export const CORE_USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const CORE_GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_USER_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

export declare const USER_RESOURCE_TYPE: ResourceTypeDef;
export declare const GROUP_RESOURCE_TYPE: ResourceTypeDef;
export declare const RESOURCE_TYPES: readonly ResourceTypeDef[];

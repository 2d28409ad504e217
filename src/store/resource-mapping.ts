// Which SCIM attributes live in their own columns or in the membership table; everything else is read from the
// JSON `data` document. Keys are lower-cased canonical paths (`username`, `meta.created`).
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../scim/schema/resource-types.js';
import type { ResourceTypeDef } from '../scim/schema/schema-types.js';

export interface ColumnMapping {
  readonly column: string;
  readonly kind: 'text' | 'boolean' | 'timestamp';
  /** A column holding the value lower-cased (toLowerCase): indexed caseExact=false compares use it as is. */
  readonly folded?: string;
  readonly nullable: boolean;
}

/** A multi-valued attribute backed by group_members rows: User.groups or Group.members. */
export interface MembershipMapping {
  /** The group_members column that holds this resource's id. */
  readonly ownColumn: 'group_id' | 'member_id';
  /** The group_members column that holds the `value` sub-attribute. */
  readonly valueColumn: 'group_id' | 'member_id';
}

export interface ResourceMapping {
  readonly type: () => ResourceTypeDef;
  readonly table: 'users' | 'groups';
  readonly columns: Readonly<Partial<Record<string, ColumnMapping>>>;
  readonly membership: Readonly<Partial<Record<string, MembershipMapping>>>;
}

const COMMON_COLUMNS = {
  id: { column: 'id', kind: 'text', nullable: false },
  externalid: { column: 'external_id', kind: 'text', nullable: true },
  'meta.created': { column: 'created_at', kind: 'timestamp', nullable: false },
  'meta.lastmodified': { column: 'updated_at', kind: 'timestamp', nullable: false },
} as const satisfies Record<string, ColumnMapping>;

export const USER_MAPPING: ResourceMapping = {
  // Read lazily: the schema module and this one may initialise in either order.
  type: () => USER_RESOURCE_TYPE,
  table: 'users',
  columns: {
    ...COMMON_COLUMNS,
    username: { column: 'user_name', kind: 'text', folded: 'user_name_key', nullable: false },
    displayname: { column: 'display_name', kind: 'text', nullable: true },
    active: { column: 'active', kind: 'boolean', nullable: false },
  },
  membership: { groups: { ownColumn: 'member_id', valueColumn: 'group_id' } },
};

export const GROUP_MAPPING: ResourceMapping = {
  type: () => GROUP_RESOURCE_TYPE,
  table: 'groups',
  columns: {
    ...COMMON_COLUMNS,
    displayname: { column: 'display_name', kind: 'text', folded: 'display_name_key', nullable: false },
  },
  membership: { members: { ownColumn: 'group_id', valueColumn: 'member_id' } },
};

// Kysely table types: the SQL side of the records in domain/ports.ts. Columns are snake_case; the repositories
// map them to and from the camelCase records explicitly.
import type { MemberType } from '../domain/ports.js';

export interface OrganizationsTable {
  id: string;
  slug: string;
  name: string;
  created_at: string;
}

export interface ScimTokensTable {
  id: string;
  org_id: string;
  name: string;
  token_hash: string;
  display_prefix: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface UsersTable {
  org_id: string;
  id: string;
  user_name: string;
  /** userName lower-cased (String.prototype.toLowerCase): the per-org unique key, RFC 7643 §4.1.1 caseExact=false. */
  user_name_key: string;
  external_id: string | null;
  display_name: string | null;
  /** 0 or 1: an integer in every dialect, so the migrations stay dialect-neutral. */
  active: number;
  /** JSON text of UserRecord.data. */
  data: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface GroupsTable {
  org_id: string;
  id: string;
  display_name: string;
  display_name_key: string;
  external_id: string | null;
  data: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface GroupMembersTable {
  org_id: string;
  group_id: string;
  member_id: string;
  member_type: MemberType;
  created_at: string;
}

export interface Database {
  organizations: OrganizationsTable;
  scim_tokens: ScimTokensTable;
  users: UsersTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
}

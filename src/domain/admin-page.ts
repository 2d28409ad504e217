// Paging of the admin API's user and team lists: keyset pages in creation order through the store's list query
// (RFC 9865 cursors, opaque to clients), so a page costs the same wherever it starts.
import type { FilterNode } from '../scim/filter/filter-node.js';
import type { AttrPath } from '../scim/path/attr-path.js';
import type { ListQuery } from './ports.js';

export interface AdminPage<T> {
  readonly items: readonly T[];
  /** null on the last page. */
  readonly nextCursor: string | null;
}

export interface AdminPageRequest {
  readonly limit: number;
  /** The nextCursor of the previous page; absent → the first page. */
  readonly cursor?: string;
}

/** Filters that all must hold (none: every row). */
export function toAdminListQuery(page: AdminPageRequest, filters: readonly FilterNode[]): ListQuery {
  const filter = filters.reduce<FilterNode | undefined>(
    (left, right) => (left === undefined ? right : { kind: 'and', left, right }),
    undefined,
  );
  return {
    sortOrder: 'ascending',
    startIndex: 1,
    count: page.limit,
    // '' asks the store for the first page of cursor paging.
    cursor: page.cursor ?? '',
    ...(filter === undefined ? {} : { filter }),
  };
}

/** `text` contained (case-insensitively: these attributes are caseExact=false) in any of `paths`. */
export function containsAny(text: string, paths: readonly [AttrPath, ...AttrPath[]]): FilterNode {
  const [first, ...rest] = paths;
  return rest.reduce<FilterNode>(
    (left, path) => ({ kind: 'or', left, right: { kind: 'compare', path, op: 'co', value: text } }),
    { kind: 'compare', path: first, op: 'co', value: text },
  );
}

// RFC 7644 §3.4.2: what a list request asks for, parsed from the query string or a POST /.search body.
import type { FilterNode } from '../filter/filter-node.js';
import type { AttrPath } from '../path/attr-path.js';

export type SortOrder = 'ascending' | 'descending';

export interface ListParams {
  readonly filter?: FilterNode;
  readonly sortBy?: AttrPath;
  readonly sortOrder: SortOrder;
  /** 1-based (RFC 7644 §3.4.2.4); < 1 is treated as 1. Ignored when `cursor` is set. */
  readonly startIndex: number;
  /** Page size clamped to [0, maxResults]; negative → 0; 0 → only totalResults. */
  readonly count: number;
  /**
   * RFC 9865 cursor paging: undefined → index paging; '' → first page of cursor paging (`cursor` sent without a
   * value); otherwise the opaque cursor a previous page returned. A cursor that does not decode → invalidCursor.
   */
  readonly cursor?: string;
}

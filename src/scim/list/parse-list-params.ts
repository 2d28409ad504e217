// RFC 7644 §3.4.2 (query string) and §3.4.3 (POST /.search body) → ListParams + projection. Both sources go
// through here, so `GET /Users?…` and `POST /Users/.search` can never disagree. RFC 9865 adds `cursor`.
import { invalidFilter, invalidValue } from '../errors.js';
import { parseFilter } from '../filter/parse-filter.js';
import type { FilterNode } from '../filter/filter-node.js';
import type { AttrPath } from '../path/attr-path.js';
import { parseAttrPath } from '../path/parse-attr-path.js';
import type { ListParams, SortOrder } from './list-params.js';
import { parseProjection, readParam, type ParsedProjection } from './parse-projection.js';

export interface ListParamsOptions {
  /** Largest page the server returns; a larger `count` is capped (RFC 7644 §3.4.2.4). */
  readonly maxResults: number;
  /** Page size when the request names no `count`. */
  readonly defaultCount: number;
}

export interface ParsedListRequest {
  readonly params: ListParams;
  readonly projection: ParsedProjection;
}

/**
 * `input` is the decoded query string (values string or string[]) or the SearchRequest body (JSON values).
 * Parameter names match case-insensitively; unknown ones (`schemas` of a SearchRequest) are ignored.
 *
 * Choices where the RFCs leave room:
 * - startIndex < 1 → 1 and count < 0 → 0 (RFC 7644 §3.4.2.4); count > maxResults → maxResults.
 * - attributes and excludedAttributes together: attributes wins (lenient; RFC 7644 §3.4.2.5 says not to combine).
 * - `cursor` present, even empty, selects cursor paging (RFC 9865 §2); `cursor` together with `startIndex` is a
 *   400 invalidValue, because the two paging methods cannot both apply to one request.
 */
export function parseListParams(
  input: Readonly<Record<string, unknown>>,
  options: ListParamsOptions,
): ParsedListRequest {
  const filterText = readScalar(input, 'filter');
  const sortByText = readScalar(input, 'sortBy');
  const sortOrderText = readScalar(input, 'sortOrder');
  const startIndexValue = readScalar(input, 'startIndex');
  const countValue = readScalar(input, 'count');
  const cursorValue = readScalar(input, 'cursor');

  const filter = filterText === undefined ? undefined : toFilter(filterText);
  const sortBy = sortByText === undefined ? undefined : toSortBy(sortByText);
  const cursor = cursorValue === undefined ? undefined : toCursor(cursorValue);
  if (cursor !== undefined && startIndexValue !== undefined) {
    throw invalidValue('cursor and startIndex cannot be combined: choose cursor or index paging (RFC 9865)');
  }
  const maxResults = Math.max(0, options.maxResults);
  const count =
    countValue === undefined
      ? Math.min(Math.max(0, options.defaultCount), maxResults)
      : Math.min(Math.max(0, toInteger('count', countValue)), maxResults);
  const startIndex =
    startIndexValue === undefined ? 1 : Math.max(1, toInteger('startIndex', startIndexValue));

  const params: ListParams = {
    ...(filter === undefined ? {} : { filter }),
    ...(sortBy === undefined ? {} : { sortBy }),
    sortOrder: toSortOrder(sortOrderText),
    startIndex,
    count,
    ...(cursor === undefined ? {} : { cursor }),
  };
  return { params, projection: parseProjection(input) };
}

/** A query parameter repeated (`?count=1&count=2`) arrives as an array: ambiguous, so refused. */
function readScalar(input: Readonly<Record<string, unknown>>, name: string): unknown {
  const value = readParam(input, name);
  if (!Array.isArray(value)) return value;
  if (value.length === 1) return value[0] as unknown;
  throw invalidValue(`${name} must be given at most once`);
}

function toFilter(value: unknown): FilterNode | undefined {
  if (typeof value !== 'string') throw invalidFilter('filter must be a string');
  // An empty `filter=` is what some clients send for "no filter"; it selects everything.
  if (value.trim() === '') return undefined;
  return parseFilter(value);
}

function toSortBy(value: unknown): AttrPath | undefined {
  if (typeof value !== 'string') throw invalidValue('sortBy must be a string');
  if (value.trim() === '') return undefined;
  return parseAttrPath(value);
}

function toSortOrder(value: unknown): SortOrder {
  if (value === undefined) return 'ascending';
  if (typeof value !== 'string') throw invalidValue('sortOrder must be a string');
  const lowered = value.trim().toLowerCase();
  // RFC 7644 §3.4.2.3: the default is ascending.
  if (lowered === '' || lowered === 'ascending') return 'ascending';
  if (lowered === 'descending') return 'descending';
  throw invalidValue(`sortOrder must be "ascending" or "descending", not "${value}"`);
}

function toCursor(value: unknown): string {
  if (typeof value !== 'string') throw invalidValue('cursor must be a string');
  return value.trim();
}

const INTEGER = /^[+-]?\d+$/;

function toInteger(name: string, value: unknown): number {
  let parsed: number;
  if (typeof value === 'number') {
    parsed = value;
  } else if (typeof value === 'string' && INTEGER.test(value.trim())) {
    parsed = Number(value.trim());
  } else {
    throw invalidValue(`${name} must be an integer`);
  }
  if (!Number.isInteger(parsed)) throw invalidValue(`${name} must be an integer`);
  // Out-of-range values are clamped by the caller; keep them finite and exact.
  return Math.max(Math.min(parsed, Number.MAX_SAFE_INTEGER), -Number.MAX_SAFE_INTEGER);
}

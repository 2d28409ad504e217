// RFC 7644 §3.4.2 ListResponse, plus RFC 9865 §2 nextCursor / previousCursor for cursor paging.
import type { JsonObject } from '../../shared/json.js';
import { LIST_RESPONSE_URN } from '../schema/schema-urns.js';

export interface ListResponseInput {
  readonly totalResults: number;
  readonly resources: readonly JsonObject[];
  /** Index paging: the 1-based index of the first resource. Omitted for cursor paging (RFC 9865). */
  readonly startIndex?: number;
  /** RFC 9865: the cursor of the next page; absent on the last page. */
  readonly nextCursor?: string;
  /** RFC 9865: the cursor of the previous page, when the server offers one. */
  readonly previousCursor?: string;
}

/**
 * `Resources` is always present, even empty: IdP existence checks read `Resources: []` (RFC 7644 §3.4.2 makes it
 * required when totalResults is non-zero, and an empty array is never wrong). itemsPerPage is the number of
 * resources actually returned (OneLogin compares them).
 */
export function toListResponse(input: ListResponseInput): JsonObject {
  return {
    schemas: [LIST_RESPONSE_URN],
    totalResults: input.totalResults,
    itemsPerPage: input.resources.length,
    ...(input.startIndex === undefined ? {} : { startIndex: input.startIndex }),
    ...(input.nextCursor === undefined ? {} : { nextCursor: input.nextCursor }),
    ...(input.previousCursor === undefined ? {} : { previousCursor: input.previousCursor }),
    Resources: [...input.resources],
  };
}

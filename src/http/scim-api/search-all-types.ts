// RFC 7644 §3.4.3 POST /.search at the service provider root: one list over Users followed by Groups. Paging
// runs over that concatenation: users fill the page first, groups continue where users end, and totalResults is
// the sum of both exact totals.
import type { ListResult, Projection, ResourceService, ScimContext } from '../../domain/scim-service.js';
import { invalidValue, isScimError, type ScimError } from '../../scim/errors.js';
import type { ListParams } from '../../scim/list/list-params.js';

export interface TypedService {
  readonly name: string;
  readonly service: ResourceService;
}

export interface RootSearchPage {
  readonly totalResults: number;
  readonly resources: ListResult['resources'];
}

/**
 * A filter naming an attribute only one type has (`userName`) is refused by the other type with invalidFilter;
 * for a root search that type simply has no matches. Only when every type refuses it is the request refused.
 * Cursor paging cannot span two stores' cursors, so the root search offers index paging only.
 */
export async function searchAllTypes(
  ctx: ScimContext,
  types: readonly TypedService[],
  params: ListParams,
  projection: Projection,
): Promise<RootSearchPage> {
  if (params.cursor !== undefined) {
    throw invalidValue('cursor paging is not available for a search across resource types; use startIndex');
  }
  let totalResults = 0;
  let skip = params.startIndex - 1;
  let remaining = params.count;
  const resources: ListResult['resources'][number][] = [];
  let firstRefusal: ScimError | undefined;
  let refused = 0;
  for (const { service } of types) {
    // This type's page starts after what earlier types already covered; count 0 still yields its total.
    const query: ListParams = { ...params, startIndex: skip + 1, count: remaining };
    let page: ListResult;
    try {
      page = await service.list(ctx, query, projection);
    } catch (error) {
      if (!(isScimError(error) && error.scimType === 'invalidFilter')) throw error;
      firstRefusal ??= error;
      refused += 1;
      continue;
    }
    totalResults += page.totalResults;
    resources.push(...page.resources.slice(0, remaining));
    remaining -= Math.min(remaining, page.resources.length);
    skip = Math.max(0, skip - page.totalResults);
  }
  if (refused === types.length && firstRefusal !== undefined) throw firstRefusal;
  return { totalResults, resources };
}

// Cursor paging of admin API lists: `?limit=` (1-200, default 50) and `?cursor=` (opaque, from the previous page's
// nextCursor); every list answers `{ items, nextCursor }`, nextCursor null on the last page.
import { Type, type TProperties, type TSchema } from 'typebox';
import type { AdminPageRequest } from '../../domain/admin-page.js';
import type { JsonValue } from '../../shared/json.js';
import { problem } from './admin-api-error.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

const PAGE_PROPERTIES = {
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: MAX_LIMIT, description: `Page size (default ${DEFAULT_LIMIT})` }),
  ),
  cursor: Type.Optional(
    Type.String({ minLength: 1, maxLength: 2048, description: 'The nextCursor of the previous page' }),
  ),
};

/** The query string of a list: paging plus the list's own filters. Unknown parameters are rejected. */
export function pageQuery<P extends TProperties>(filters: P) {
  return Type.Object({ ...PAGE_PROPERTIES, ...filters }, { additionalProperties: false });
}

/** The response of a list of `item`. */
export function pageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Immutable(Type.Array(item)),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'null on the last page' }),
  });
}

/** The page the query asks for, with the default limit applied. */
export function pageRequest(query: { readonly limit?: number; readonly cursor?: string }): AdminPageRequest {
  const limit = query.limit ?? DEFAULT_LIMIT;
  return query.cursor === undefined ? { limit } : { limit, cursor: query.cursor };
}

/** An opaque cursor holding `position` (base64url JSON); lists that page in the store encode their own key here. */
export function encodeCursor(position: JsonValue): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** The position encodeCursor stored; anything else → 400 invalid_cursor. */
export function decodeCursor(cursor: string): JsonValue {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as JsonValue;
  } catch {
    throw problem('invalid_cursor', 'The cursor is not one this server issued');
  }
}

/** One page of a list already in memory (organizations, SCIM tokens, team members). */
export function pageArray<T>(
  items: readonly T[],
  query: { readonly limit?: number; readonly cursor?: string },
): { items: T[]; nextCursor: string | null } {
  const { limit, cursor } = pageRequest(query);
  let offset = 0;
  if (cursor !== undefined) {
    const position = decodeCursor(cursor);
    const next =
      typeof position === 'object' && position !== null && !Array.isArray(position)
        ? position['o']
        : undefined;
    if (typeof next !== 'number' || !Number.isSafeInteger(next) || next < 0) {
      throw problem('invalid_cursor', 'The cursor is not one this server issued');
    }
    offset = next;
  }
  const end = offset + limit;
  return {
    items: items.slice(offset, end),
    nextCursor: end < items.length ? encodeCursor({ o: end }) : null,
  };
}

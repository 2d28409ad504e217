// The event feed: an organization's outbox read in sequence order. The cursor is the last sequence number a reader
// has seen; it is always returned, so a reader at the end polls again from there and misses nothing that commits
// later (commit order equals sequence order within an organization, see store/events-repo.ts).
import { invalidValue } from '../scim/errors.js';
import type { EventRecord, EventType, Store } from './ports.js';

export const MAX_EVENTS_PAGE = 1000;

/** Every EventType, in the order the docs list them; the check below fails to compile when one is missing. */
export const EVENT_TYPES = [
  'user.created',
  'user.updated',
  'user.deactivated',
  'user.reactivated',
  'user.deleted',
  'team.created',
  'team.updated',
  'team.deleted',
  'team.member_added',
  'team.member_removed',
  'api_key.created',
  'api_key.revoked',
  'api_key.blocked',
  'api_key.unblocked',
  'scim_token.created',
  'scim_token.revoked',
] as const satisfies readonly EventType[];
const _everyEventTypeListed: Exclude<EventType, (typeof EVENT_TYPES)[number]> extends never ? true : false =
  true;
const CURSOR = /^(0|[1-9][0-9]{0,15})$/;

export interface EventFeedPage {
  readonly items: readonly EventRecord[];
  /** Pass as `after` to continue; equals the request's `after` when nothing new has happened. */
  readonly nextCursor: string;
  /** True when more events are waiting right now (the page was full). */
  readonly hasMore: boolean;
}

export function parseEventCursor(after: string | undefined): number {
  if (after === undefined || after === '') return 0;
  if (!CURSOR.test(after)) {
    throw invalidValue(
      `cursor ${JSON.stringify(after)} is not valid: pass the nextCursor of a previous page, or 0`,
    );
  }
  return Number(after);
}

/** Oldest first (the feed a reader follows), or newest first (a resource's recent history). */
export type EventOrder = 'asc' | 'desc';

export interface EventListQuery {
  /**
   * The nextCursor of the previous page. Oldest first: events after that sequence number (absent or 0: from the
   * first). Newest first: events before it (absent: from the newest).
   */
  readonly after?: string;
  readonly limit: number;
  readonly types?: readonly EventType[];
  readonly resourceId?: string;
  readonly order?: EventOrder;
}

export async function listEvents(
  store: Pick<Store, 'events'>,
  orgId: string,
  query: EventListQuery,
): Promise<EventFeedPage> {
  const limit = Math.min(Math.max(1, query.limit), MAX_EVENTS_PAGE);
  const filter = {
    ...(query.types === undefined ? {} : { types: query.types }),
    ...(query.resourceId === undefined ? {} : { resourceId: query.resourceId }),
  };
  if (query.order === 'desc') {
    // Sequence numbers only grow, so nothing can appear below a cursor later: this walk ends, unlike the feed.
    const before = query.after === undefined || query.after === '' ? null : parseEventCursor(query.after);
    const items = await store.events.listBefore(orgId, before, limit, filter);
    const last = items.at(-1);
    return {
      items,
      nextCursor: String(last === undefined ? (before ?? 0) : last.seq),
      hasMore: items.length === limit,
    };
  }
  const after = parseEventCursor(query.after);
  const items = await store.events.list(orgId, after, limit, filter);
  const last = items.at(-1);
  return {
    items,
    nextCursor: String(last === undefined ? after : last.seq),
    hasMore: items.length === limit,
  };
}

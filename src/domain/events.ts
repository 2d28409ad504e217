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

export async function listEvents(
  store: Pick<Store, 'events'>,
  orgId: string,
  query: { readonly after?: string; readonly limit: number; readonly types?: readonly EventType[] },
): Promise<EventFeedPage> {
  const after = parseEventCursor(query.after);
  const limit = Math.min(Math.max(1, query.limit), MAX_EVENTS_PAGE);
  const items = await store.events.list(
    orgId,
    after,
    limit,
    query.types === undefined ? {} : { types: query.types },
  );
  const last = items.at(-1);
  return {
    items,
    nextCursor: String(last === undefined ? after : last.seq),
    hasMore: items.length === limit,
  };
}

// The event types a webhook endpoint can subscribe to (docs/webhooks.md), grouped as the form shows them. Typed
// against the API's schema: a type the server adds or drops fails the console's type check until it is listed here.
import type { RequestOf } from '../api/client';

export type WebhookEventType = NonNullable<RequestOf<'/webhooks', 'post'>['eventTypes']>[number];

export const WEBHOOK_EVENT_GROUPS = [
  {
    label: 'Users',
    types: ['user.created', 'user.updated', 'user.deactivated', 'user.reactivated', 'user.deleted'],
  },
  {
    label: 'Teams',
    types: ['team.created', 'team.updated', 'team.deleted', 'team.member_added', 'team.member_removed'],
  },
  {
    label: 'API keys',
    types: ['api_key.created', 'api_key.revoked', 'api_key.blocked', 'api_key.unblocked'],
  },
  { label: 'SCIM tokens', types: ['scim_token.created', 'scim_token.revoked'] },
] as const satisfies readonly { label: string; types: readonly WebhookEventType[] }[];

type Listed = (typeof WEBHOOK_EVENT_GROUPS)[number]['types'][number];
type IsTrue<T extends true> = T;
/** Compile-time check that every type the API accepts has a checkbox: a missing one makes this `false`, an error. */
type _EveryTypeListed = IsTrue<[Exclude<WebhookEventType, Listed>] extends [never] ? true : false>;

export function isWebhookEventType(value: string): value is WebhookEventType {
  return WEBHOOK_EVENT_GROUPS.some((group) => (group.types as readonly string[]).includes(value));
}

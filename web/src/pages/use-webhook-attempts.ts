// A delivery's attempts, oldest first. The deliveries table reads the last one's response code from the same query
// the attempts panel shows, so opening a delivery costs no second request.
import { unwrap } from '../api/api-error';
import { api, type ItemOf } from '../api/client';
import { useApiQuery } from '../api/use-api-query';

export type WebhookAttempt = ItemOf<'/webhook-deliveries/{id}/attempts'>;

/** Enough for every attempt of a delivery's 24-hour retry window and a few redeliveries. */
const ATTEMPTS_LIMIT = 200;

/** `attemptCount` (the delivery's `attempts`) is in the key: a delivery that was tried again is fetched again. */
export function useWebhookAttempts(deliveryId: string, attemptCount: number) {
  return useApiQuery(
    ['webhooks', 'attempts', deliveryId, attemptCount],
    () =>
      unwrap(
        api.GET('/webhook-deliveries/{id}/attempts', {
          params: { path: { id: deliveryId }, query: { limit: ATTEMPTS_LIMIT } },
        }),
      ),
    { enabled: attemptCount > 0 },
  );
}

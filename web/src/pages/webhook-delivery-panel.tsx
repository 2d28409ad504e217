// One delivery opened: what was sent, every attempt (status, latency, the start of the response, the network error)
// and Redeliver, which queues the same body with the same webhook-id again.
import { useEffect, useRef } from 'react';
import { unwrap } from '../api/api-error';
import { api } from '../api/client';
import { useApiMutation } from '../api/use-api-query';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { TimeText } from '../components/time-text';
import { ProvisioningLogTime } from './provisioning-log-time';
import { useWebhookAttempts } from './use-webhook-attempts';
import type { WebhookDelivery } from './webhook-deliveries';
import { WebhookDeliveryStatusBadge } from './webhook-delivery-status-badge';

export function WebhookDeliveryPanel({
  delivery,
  onClose,
}: {
  delivery: WebhookDelivery;
  onClose: () => void;
}) {
  const attempts = useWebhookAttempts(delivery.id, delivery.attempts);
  const redeliver = useApiMutation(
    () =>
      unwrap(
        api.POST('/webhook-deliveries/{id}/redeliver', { params: { path: { id: delivery.id } }, body: {} }),
      ),
    [['webhooks', 'deliveries', delivery.endpointId]],
  );
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a delivery moves focus to it: on a phone the panel is below the table, out of sight.
  useEffect(() => {
    heading.current?.focus();
  }, [delivery.id]);

  return (
    <section id="delivery-panel" className="delivery-panel" aria-labelledby="delivery-panel-title">
      <div className="card-header">
        <h3 id="delivery-panel-title" ref={heading} tabIndex={-1}>
          <span className="mono">{delivery.eventType}</span> delivery
        </h3>
        <div className="page-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={redeliver.isPending}
            onClick={() => {
              redeliver.mutate(undefined);
            }}
          >
            {redeliver.isPending ? 'Queuing…' : 'Redeliver'}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      <ErrorBanner error={redeliver.error} title="The delivery could not be queued again" />
      {redeliver.isSuccess && (
        <p className="banner banner-info" role="status">
          Queued again with the same webhook-id: it goes out now, with a new 24-hour retry window.
        </p>
      )}
      <dl className="definition-list">
        <dt>Status</dt>
        <dd>
          <WebhookDeliveryStatusBadge status={delivery.status} />
        </dd>
        <dt>webhook-id</dt>
        <dd className="mono">{delivery.eventId}</dd>
        <dt>Sequence</dt>
        <dd>{delivery.sequence ?? <span className="muted">— (test event)</span>}</dd>
        <dt>Created</dt>
        <dd>
          <TimeText value={delivery.createdAt} />
        </dd>
        <dt>Delivered</dt>
        <dd>
          <TimeText value={delivery.deliveredAt} empty="not yet" />
        </dd>
        {delivery.status === 'pending' && (
          <>
            <dt>Next attempt</dt>
            <dd>
              <TimeText value={delivery.nextAttemptAt} />
            </dd>
          </>
        )}
      </dl>
      <details className="delivery-payload">
        <summary>Body sent</summary>
        <pre tabIndex={0}>{JSON.stringify(delivery.payload, null, 2)}</pre>
      </details>
      <h4>Attempts</h4>
      {delivery.attempts === 0 && <p className="muted">Not attempted yet.</p>}
      {attempts.isLoading && <Loading />}
      <ErrorBanner error={attempts.error} title="The attempts could not be loaded" />
      {attempts.data !== undefined && attempts.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Attempts, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Status</th>
                <th scope="col">Latency</th>
                <th scope="col">Response (first KiB)</th>
              </tr>
            </thead>
            <tbody>
              {attempts.data.items.map((attempt) => (
                <tr key={attempt.id}>
                  <td className="nowrap">
                    <ProvisioningLogTime at={attempt.attemptedAt} stacked />
                  </td>
                  <td className="nowrap">
                    {attempt.statusCode === null ? (
                      <span className="badge badge-danger">No response</span>
                    ) : (
                      <span className={`badge badge-${attempt.statusCode < 300 ? 'success' : 'danger'}`}>
                        {attempt.statusCode}
                      </span>
                    )}
                  </td>
                  <td className="nowrap">{attempt.durationMs} ms</td>
                  <td className="attempt-response">
                    {attempt.error !== null && <div className="field-error">{attempt.error}</div>}
                    {attempt.responseExcerpt !== null && attempt.responseExcerpt !== '' ? (
                      <code>{attempt.responseExcerpt}</code>
                    ) : (
                      attempt.error === null && <span className="muted">empty</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {attempts.data?.nextCursor != null && (
        <p className="muted small">Showing the first {attempts.data.items.length} attempts.</p>
      )}
    </section>
  );
}

// An endpoint's deliveries, newest first, with a status filter. Selecting one opens its attempts below the table.
import { useState } from 'react';
import { unwrap } from '../api/api-error';
import { api, type ItemOf } from '../api/client';
import { useApiQuery } from '../api/use-api-query';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { Pager, useCursorPager } from '../components/pager';
import { TimeText } from '../components/time-text';
import { WebhookDeliveryPanel } from './webhook-delivery-panel';
import { WebhookDeliveryStatusBadge } from './webhook-delivery-status-badge';
import { useWebhookAttempts } from './use-webhook-attempts';

export type WebhookDelivery = ItemOf<'/webhooks/{id}/deliveries'>;
type StatusFilter = '' | WebhookDelivery['status'];

const PAGE_SIZE = 20;
const STATUS_FILTERS: readonly { value: StatusFilter; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'pending', label: 'Pending' },
  { value: 'delivered', label: 'Delivered' },
  { value: 'failed', label: 'Failed' },
];

export function WebhookDeliveries({
  endpointId,
  selectedId,
  onSelect,
}: {
  endpointId: string;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}) {
  const [status, setStatus] = useState<StatusFilter>('');
  const pager = useCursorPager();
  const query = useApiQuery(
    ['webhooks', 'deliveries', endpointId, status, pager.cursor],
    () =>
      unwrap(
        api.GET('/webhooks/{id}/deliveries', {
          params: {
            path: { id: endpointId },
            query: {
              limit: PAGE_SIZE,
              ...(status === '' ? {} : { status }),
              ...(pager.cursor === undefined ? {} : { cursor: pager.cursor }),
            },
          },
        }),
      ),
    // The worker sends in the background: while something is pending, the table follows it.
    {
      refetchInterval: (q) =>
        q.state.data?.items.some((d) => d.status === 'pending') === true ? 2000 : false,
    },
  );
  const items = query.data?.items ?? [];
  const selected = items.find((delivery) => delivery.id === selectedId) ?? null;

  return (
    <section className="card" aria-labelledby="deliveries-title">
      <div className="card-header">
        <h2 id="deliveries-title">Deliveries</h2>
        <div className="field deliveries-filter">
          <label htmlFor="delivery-status">Status</label>
          <select
            id="delivery-status"
            value={status}
            onChange={(event) => {
              const value = STATUS_FILTERS.find((option) => option.value === event.target.value)?.value ?? '';
              setStatus(value);
              pager.reset();
              onSelect(null);
            }}
          >
            {STATUS_FILTERS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {query.isPending && <Loading />}
      <ErrorBanner error={query.error} title="The deliveries could not be loaded" />
      {query.data !== undefined && items.length === 0 && (
        <EmptyState title={status === '' ? 'No deliveries yet' : `No ${status} deliveries`}>
          {status === ''
            ? 'Deliveries appear when users, teams or keys change. Send a test event to try the endpoint now.'
            : 'Choose another status to see the other deliveries.'}
        </EmptyState>
      )}
      {items.length > 0 && (
        <>
          <p className="muted small">Choose an event type to see its attempts and redeliver it.</p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Deliveries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Event type</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Next attempt</th>
                  <th scope="col">Last response</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {items.map((delivery) => (
                  <DeliveryRow
                    key={delivery.id}
                    delivery={delivery}
                    selected={delivery.id === selectedId}
                    onToggle={() => {
                      onSelect(delivery.id === selectedId ? null : delivery.id);
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <Pager pager={pager} nextCursor={query.data?.nextCursor} />
        </>
      )}
      {selected !== null && (
        <WebhookDeliveryPanel
          key={selected.id}
          delivery={selected}
          onClose={() => {
            onSelect(null);
          }}
        />
      )}
    </section>
  );
}

function DeliveryRow({
  delivery,
  selected,
  onToggle,
}: {
  delivery: WebhookDelivery;
  selected: boolean;
  onToggle: () => void;
}) {
  const attempts = useWebhookAttempts(delivery.id, delivery.attempts);
  const last = attempts.data?.nextCursor === null ? attempts.data.items.at(-1) : undefined;
  const due = new Date(delivery.nextAttemptAt).getTime() <= Date.now();
  return (
    <tr className={selected ? 'row-selected' : undefined}>
      <td className="nowrap">
        {/* The event type opens the delivery: the first column, so it is in reach on a phone too. */}
        <button
          type="button"
          className="link-button mono"
          aria-expanded={selected}
          aria-controls={selected ? 'delivery-panel' : undefined}
          title={selected ? 'Hide this delivery' : 'Show its attempts'}
          onClick={onToggle}
        >
          {delivery.eventType}
        </button>
      </td>
      <td>
        <WebhookDeliveryStatusBadge status={delivery.status} />
      </td>
      <td>{delivery.attempts}</td>
      <td className="nowrap">
        {delivery.status !== 'pending' ? (
          <span className="muted">—</span>
        ) : due ? (
          <span title="Sent when the worker reaches it, after any earlier event of the same resource">
            due now
          </span>
        ) : (
          <TimeText value={delivery.nextAttemptAt} />
        )}
      </td>
      <td className="nowrap">
        {last === undefined ? (
          <span className="muted">—</span>
        ) : last.statusCode === null ? (
          <span title={last.error ?? undefined}>No response</span>
        ) : (
          <span className="mono">{last.statusCode}</span>
        )}
      </td>
      <td className="nowrap">
        <TimeText value={delivery.createdAt} />
      </td>
    </tr>
  );
}

// The organization's webhook endpoints and the form to add one; the new endpoint's signing secret is shown once.
import { useState } from 'react';
import { Link } from 'react-router';
import { unwrap } from '../api/api-error';
import { api } from '../api/client';
import { useApiQuery } from '../api/use-api-query';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { PageHeader } from '../components/page-header';
import { Pager, useCursorPager } from '../components/pager';
import { SecretOnce } from '../components/secret-once';
import { TimeText } from '../components/time-text';
import { WebhookCreateForm, type CreatedWebhook } from './webhook-create-form';
import { WebhookEventTypesSummary } from './webhook-event-types-summary';
import { WebhookStatusBadge } from './webhook-status-badge';

export function WebhooksPage() {
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const pager = useCursorPager();
  const query = useApiQuery(['webhooks', 'list', pager.cursor], () =>
    unwrap(
      api.GET('/webhooks', {
        params: { query: pager.cursor === undefined ? { limit: 50 } : { limit: 50, cursor: pager.cursor } },
      }),
    ),
  );
  const addButton = (
    <button
      type="button"
      className="button button-primary"
      aria-expanded={adding}
      aria-controls="add-endpoint"
      onClick={() => {
        setAdding(true);
        setCreated(null);
      }}
    >
      Add endpoint
    </button>
  );

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Muster POSTs each change (users, teams, API keys, SCIM tokens) to these endpoints, signed, in the background."
        actions={adding ? undefined : addButton}
      />
      {created !== null && (
        <div className="webhook-created">
          <SecretOnce
            storedAs="signing-secret"
            label="Signing secret"
            value={created.secret}
            onDone={() => {
              setCreated(null);
            }}
          />
          <p>
            Store it in your receiver to verify the <code>webhook-signature</code> header, then{' '}
            <Link to={`/webhooks/${created.id}`}>send a test event to {created.url}</Link>.
          </p>
        </div>
      )}
      {adding && (
        <div id="add-endpoint">
          <WebhookCreateForm
            onCreated={(endpoint) => {
              setCreated(endpoint);
              setAdding(false);
            }}
            onCancel={() => {
              setAdding(false);
            }}
          />
        </div>
      )}
      {query.isPending && <Loading />}
      <ErrorBanner error={query.error} title="The endpoints could not be loaded" />
      {query.data !== undefined && query.data.items.length === 0 && pager.page === 1 && !adding && (
        <EmptyState title="No webhook endpoints yet">
          Choose Add endpoint to have Muster tell your systems when users, teams or API keys change.
        </EmptyState>
      )}
      {query.data !== undefined && query.data.items.length > 0 && (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Webhook endpoints</caption>
              <thead>
                <tr>
                  <th scope="col">URL</th>
                  <th scope="col">Status</th>
                  <th scope="col">Event types</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.map((endpoint) => (
                  <tr key={endpoint.id}>
                    <td className="webhook-url-cell">
                      <Link to={`/webhooks/${endpoint.id}`} className="mono">
                        {endpoint.url}
                      </Link>
                      {endpoint.description !== '' && (
                        <div className="muted small">{endpoint.description}</div>
                      )}
                    </td>
                    <td>
                      <WebhookStatusBadge status={endpoint.status} />
                    </td>
                    <td>
                      <WebhookEventTypesSummary eventTypes={endpoint.eventTypes} />
                    </td>
                    <td className="nowrap">
                      <TimeText value={endpoint.createdAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager pager={pager} nextCursor={query.data.nextCursor} />
        </>
      )}
    </>
  );
}

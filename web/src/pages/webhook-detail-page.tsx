// One webhook endpoint: its settings, signing secret, a test event, and its deliveries with their attempts.
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { unwrap } from '../api/api-error';
import { api, type ResponseOf } from '../api/client';
import { useApiMutation, useApiQuery } from '../api/use-api-query';
import { ConfirmButton } from '../components/confirm-button';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { PageHeader } from '../components/page-header';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookSecret } from './webhook-secret';
import { WebhookSettings } from './webhook-settings';

type Endpoint = ResponseOf<'/webhooks/{id}', 'get'>;

/** The host and path: a title short enough for a phone; the full URL is under it. */
function titleOf(endpoint: Endpoint): string {
  if (endpoint.description !== '') return endpoint.description;
  try {
    const url = new URL(endpoint.url);
    return `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return endpoint.url;
  }
}

export function WebhookDetailPage() {
  const { id = '' } = useParams();
  const query = useApiQuery(['webhooks', 'endpoint', id], () =>
    unwrap(api.GET('/webhooks/{id}', { params: { path: { id } } })),
  );
  const breadcrumb = <Link to="/webhooks">Webhooks</Link>;
  if (query.isPending) {
    return (
      <>
        <PageHeader title="Webhook endpoint" breadcrumb={breadcrumb} />
        <Loading />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <PageHeader title="Webhook endpoint" breadcrumb={breadcrumb} />
        <ErrorBanner error={query.error} title="This endpoint could not be loaded" />
      </>
    );
  }
  return <WebhookDetail endpoint={query.data} breadcrumb={breadcrumb} />;
}

function WebhookDetail({ endpoint, breadcrumb }: { endpoint: Endpoint; breadcrumb: ReactNode }) {
  const navigate = useNavigate();
  const [selectedDelivery, setSelectedDelivery] = useState<string | null>(null);
  const sendTest = useApiMutation(
    () => unwrap(api.POST('/webhooks/{id}/test', { params: { path: { id: endpoint.id } }, body: {} })),
    [['webhooks', 'deliveries', endpoint.id]],
  );
  // Only the list is refreshed: this page's own queries would answer 404 for the endpoint just deleted.
  const remove = useApiMutation(
    () => unwrap(api.DELETE('/webhooks/{id}', { params: { path: { id: endpoint.id } } })),
    [['webhooks', 'list']],
  );
  const disabled = endpoint.status === 'disabled';

  return (
    <>
      <PageHeader
        title={titleOf(endpoint)}
        description={<span className="mono webhook-url">{endpoint.url}</span>}
        breadcrumb={breadcrumb}
        actions={
          <>
            <button
              type="button"
              className="button button-primary"
              disabled={sendTest.isPending || disabled}
              title={disabled ? 'Enable the endpoint to send a test event' : undefined}
              onClick={() => {
                sendTest.mutate(undefined, {
                  onSuccess: (delivery) => {
                    setSelectedDelivery(delivery.id);
                  },
                });
              }}
            >
              {sendTest.isPending ? 'Sending…' : 'Send test event'}
            </button>
            <ConfirmButton
              label="Delete endpoint"
              title="Delete this endpoint?"
              confirmLabel="Delete"
              onConfirm={async () => {
                await remove.mutateAsync(undefined).then(
                  () => navigate('/webhooks'),
                  () => undefined,
                );
              }}
            >
              <p>
                <span className="mono webhook-url">{endpoint.url}</span> stops receiving events at once, and
                its delivery history is deleted with it.
              </p>
            </ConfirmButton>
          </>
        }
      />
      <ErrorBanner error={remove.error} title="The endpoint could not be deleted" />
      <ErrorBanner error={sendTest.error} title="The test event could not be sent" />
      {sendTest.isSuccess && (
        <p className="banner banner-info" role="status">
          Test event queued: its <code>webhook.test</code> delivery is open below, and its attempts appear
          there as the worker sends it.
        </p>
      )}
      <div className="grid grid-2 webhook-detail-grid">
        <WebhookSettings key={endpoint.id} endpoint={endpoint} />
        <WebhookSecret endpoint={endpoint} />
      </div>
      <WebhookDeliveries
        endpointId={endpoint.id}
        selectedId={selectedDelivery}
        onSelect={setSelectedDelivery}
      />
    </>
  );
}

// One SCIM request: what the identity provider sent, what Muster answered, and how long it took.
import { Link, useParams } from 'react-router';
import { unwrap } from '../api/api-error';
import { api } from '../api/client';
import { useApiQuery } from '../api/use-api-query';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { PageHeader } from '../components/page-header';
import { ProvisioningLogBody } from './provisioning-log-body';
import { ProvisioningLogResource } from './provisioning-log-resource';
import { ProvisioningLogStatusBadge } from './provisioning-log-status-badge';
import { ProvisioningLogTime } from './provisioning-log-time';
import { useScimTokenNames } from './use-scim-token-names';

export function ProvisioningLogEntryPage() {
  const { id = '' } = useParams();
  const tokenNames = useScimTokenNames();
  const query = useApiQuery(['provisioning-log', 'entry', id], () =>
    unwrap(api.GET('/provisioning-log/{id}', { params: { path: { id } } })),
  );
  const breadcrumb = <Link to="/provisioning-log">Provisioning log</Link>;

  if (query.isPending) {
    return (
      <>
        <PageHeader title="SCIM request" breadcrumb={breadcrumb} />
        <Loading />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <PageHeader title="SCIM request" breadcrumb={breadcrumb} />
        <ErrorBanner error={query.error} title="This request could not be loaded" />
      </>
    );
  }
  const entry = query.data;
  const tokenLink =
    entry.tokenId === null
      ? null
      : `/provisioning-log?${new URLSearchParams({ tokenId: entry.tokenId }).toString()}`;

  return (
    <>
      <PageHeader
        title={`${entry.method} request`}
        description={<span className="mono log-path">{entry.path}</span>}
        breadcrumb={breadcrumb}
      />
      <section className="card" aria-labelledby="entry-details">
        <h2 id="entry-details">Details</h2>
        <dl className="definition-list">
          <dt>Received</dt>
          <dd>
            <ProvisioningLogTime at={entry.at} />
          </dd>
          <dt>Status</dt>
          <dd>
            <ProvisioningLogStatusBadge status={entry.status} />
            {entry.scimType !== null && (
              <>
                {' '}
                scimType <code>{entry.scimType}</code>
              </>
            )}
          </dd>
          <dt>Method</dt>
          <dd className="mono">{entry.method}</dd>
          <dt>Path</dt>
          <dd className="mono">{entry.path}</dd>
          <dt>Duration</dt>
          <dd>{entry.durationMs} ms</dd>
          <dt>Token</dt>
          <dd>
            {tokenLink === null ? (
              <span className="muted">—</span>
            ) : (
              <>
                {tokenNames.nameOf(entry.tokenId)} · <Link to={tokenLink}>its requests</Link>
              </>
            )}
          </dd>
          <dt>Resource</dt>
          <dd>
            <ProvisioningLogResource type={entry.resourceType} id={entry.resourceId} />
            {entry.resourceId !== null && (
              <>
                {' · '}
                <Link
                  to={`/provisioning-log?${new URLSearchParams({ resourceId: entry.resourceId }).toString()}`}
                >
                  its requests
                </Link>
              </>
            )}
          </dd>
          <dt>Request id</dt>
          <dd className="mono">{entry.requestId}</dd>
        </dl>
      </section>
      <div className="grid grid-2 log-bodies">
        <ProvisioningLogBody title="Request body" body={entry.requestBody} />
        <ProvisioningLogBody title="Response body" body={entry.responseBody} />
      </div>
    </>
  );
}

// Every SCIM request the organization's identity providers sent, newest first, filtered by the URL's query string.
import { Link, useSearchParams } from 'react-router';
import { unwrap } from '../api/api-error';
import { api, type ItemOf } from '../api/client';
import { useApiQuery } from '../api/use-api-query';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { PageHeader } from '../components/page-header';
import { Pager, useCursorPager } from '../components/pager';
import {
  filtersFromSearch,
  ProvisioningLogFilters,
  type ProvisioningLogFilterValues,
} from './provisioning-log-filters';
import { ProvisioningLogStatusBadge } from './provisioning-log-status-badge';
import { ProvisioningLogTime } from './provisioning-log-time';
import { ProvisioningLogResource } from './provisioning-log-resource';
import { useScimTokenNames } from './use-scim-token-names';

type LogItem = ItemOf<'/provisioning-log'>;

const PAGE_SIZE = 50;

export function ProvisioningLogPage() {
  const [params] = useSearchParams();
  const filters = filtersFromSearch(params);
  const tokenNames = useScimTokenNames();
  // Keyed by the query string: new filters start again at page 1 with the form showing them.
  const key = params.toString();
  return (
    <>
      <PageHeader
        title="Provisioning log"
        description="Every SCIM request your identity providers sent and what Muster answered, newest first. Passwords and secrets are redacted before anything is stored."
      />
      <ErrorBanner error={tokenNames.error} title="The SCIM token names could not be loaded" />
      <ProvisioningLogFilters key={key} filters={filters} tokens={tokenNames.tokens} />
      <ProvisioningLogResults key={`results-${key}`} filters={filters} nameOf={tokenNames.nameOf} />
    </>
  );
}

function ProvisioningLogResults({
  filters,
  nameOf,
}: {
  filters: ProvisioningLogFilterValues;
  nameOf: (id: string | null) => string;
}) {
  const pager = useCursorPager();
  const query = useApiQuery(['provisioning-log', 'list', filters, pager.cursor], () =>
    unwrap(
      api.GET('/provisioning-log', {
        params: {
          query: {
            ...filters,
            limit: PAGE_SIZE,
            ...(pager.cursor === undefined ? {} : { cursor: pager.cursor }),
          },
        },
      }),
    ),
  );
  const filtered = Object.keys(filters).length > 0;

  if (query.isPending) return <Loading />;
  if (query.isError)
    return <ErrorBanner error={query.error} title="The provisioning log could not be loaded" />;
  const { items, nextCursor } = query.data;

  if (items.length === 0 && pager.page === 1) {
    return filtered ? (
      <EmptyState
        title="No requests match these filters"
        action={
          <Link to="/provisioning-log" className="button button-secondary">
            Clear filters
          </Link>
        }
      >
        Widen the time range or remove a filter.
      </EmptyState>
    ) : (
      <EmptyState
        title="No SCIM requests yet"
        action={
          <Link to="/settings/admin/scim" className="button button-primary">
            Set up SCIM
          </Link>
        }
      >
        When your IdP runs Test connection, the request appears here.
      </EmptyState>
    );
  }

  return (
    <>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">SCIM requests, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Method</th>
              <th scope="col">Path</th>
              <th scope="col">Status</th>
              <th scope="col">Token</th>
              <th scope="col">Duration</th>
              <th scope="col">Resource</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <ProvisioningLogRow key={item.id} item={item} tokenName={nameOf(item.tokenId)} />
            ))}
          </tbody>
        </table>
      </div>
      <div className="log-footer">
        <button
          type="button"
          className="button button-secondary"
          disabled={query.isFetching}
          onClick={() => void query.refetch()}
        >
          {query.isFetching ? 'Refreshing…' : 'Refresh'}
        </button>
        <Pager pager={pager} nextCursor={nextCursor} />
      </div>
    </>
  );
}

function ProvisioningLogRow({ item, tokenName }: { item: LogItem; tokenName: string }) {
  return (
    <tr>
      <td className="nowrap">
        <ProvisioningLogTime at={item.at} stacked />
      </td>
      <td className="mono">{item.method}</td>
      <td className="log-path">
        <Link to={`/provisioning-log/${item.id}`} className="mono" aria-label={`${item.method} ${item.path}`}>
          {item.path}
        </Link>
      </td>
      <td>
        <ProvisioningLogStatusBadge status={item.status} />
      </td>
      <td className="nowrap">{tokenName}</td>
      <td className="nowrap">{item.durationMs} ms</td>
      <td className="nowrap">
        <ProvisioningLogResource type={item.resourceType} id={item.resourceId} />
      </td>
    </tr>
  );
}

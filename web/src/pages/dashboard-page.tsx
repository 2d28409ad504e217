// The first page: counts, how each identity provider's sync is going, activity over time and the latest errors. A new
// installation gets the steps to connect its identity provider instead.
import { useSearchParams } from 'react-router';
import { unwrap } from '../api/api-error';
import { api } from '../api/client';
import { useApiQuery } from '../api/use-api-query';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { PageHeader } from '../components/page-header';
import { ActivityChart } from './activity-chart';
import { DashboardConnectIdp } from './dashboard-connect-idp';
import { DashboardRecentErrors } from './dashboard-recent-errors';
import { DashboardScimTokens } from './dashboard-scim-tokens';
import { DashboardStats } from './dashboard-stats';

const RANGES = [
  { value: '24h', label: '24 hours' },
  { value: '7d', label: '7 days' },
  { value: '30d', label: '30 days' },
] as const;
type Range = (typeof RANGES)[number]['value'];

export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const range: Range = RANGES.find((r) => r.value === params.get('range'))?.value ?? '24h';
  const query = useApiQuery(
    ['dashboard', range],
    () => unwrap(api.GET('/dashboard', { params: { query: { range } } })),
    // Keeps the previous range on screen while the next loads, so the page does not jump.
    { placeholderData: (previous) => previous },
  );
  const header = <PageHeader title="Dashboard" />;
  if (query.isPending) {
    return (
      <>
        {header}
        <Loading />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        {header}
        <ErrorBanner error={query.error} title="The dashboard could not be loaded" />
      </>
    );
  }
  const dashboard = query.data;
  const connected = dashboard.scimTokens.some((token) => token.lastRequest !== null);

  return (
    <>
      {header}
      {!connected && <DashboardConnectIdp hasToken={dashboard.scimTokens.length > 0} />}
      <DashboardStats dashboard={dashboard} />
      {dashboard.scimTokens.length > 0 && <DashboardScimTokens tokens={dashboard.scimTokens} />}
      {connected && (
        <>
          <section className="card" aria-labelledby="activity-title">
            <div className="card-header">
              <h2 id="activity-title">Provisioning activity</h2>
              <div className="range-selector" role="group" aria-label="Range">
                {RANGES.map((option) => (
                  <button
                    key={option.value}
                    type="button"
                    className={`button button-small ${option.value === range ? 'button-primary' : 'button-secondary'}`}
                    aria-pressed={option.value === range}
                    onClick={() => {
                      setParams(option.value === '24h' ? {} : { range: option.value }, { replace: true });
                    }}
                  >
                    {option.label}
                  </button>
                ))}
              </div>
            </div>
            <ActivityChart activity={dashboard.activity} />
          </section>
          <DashboardRecentErrors errors={dashboard.recentErrors} />
        </>
      )}
    </>
  );
}

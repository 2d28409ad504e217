// The dashboard's counts: users, teams and API keys, each linking to its page.
import { Link } from 'react-router';
import type { ResponseOf } from '../api/client';

type Dashboard = ResponseOf<'/dashboard', 'get'>;

function Stat({ label, to, value, detail }: { label: string; to: string; value: number; detail: string }) {
  return (
    <div className="stat">
      <div className="stat-label">
        <Link to={to}>{label}</Link>
      </div>
      <div className="stat-value">{value.toLocaleString('en')}</div>
      <div className="stat-detail">{detail}</div>
    </div>
  );
}

export function DashboardStats({ dashboard }: { dashboard: Dashboard }) {
  const { users, teams, apiKeys } = dashboard;
  return (
    <section className="grid grid-stats" aria-label="Counts">
      <Stat
        label="Users"
        to="/users"
        value={users.total}
        detail={`${users.active.toLocaleString('en')} active · ${users.inactive.toLocaleString('en')} inactive`}
      />
      <Stat
        label="Teams"
        to="/teams"
        value={teams.total}
        detail={`${teams.idpManaged.toLocaleString('en')} from your identity provider`}
      />
      <Stat
        label="Active API keys"
        to="/api-keys"
        value={apiKeys.active}
        detail={`${apiKeys.revoked.toLocaleString('en')} revoked · ${apiKeys.expired.toLocaleString('en')} expired`}
      />
      <Stat
        label="Blocked API keys"
        to="/api-keys"
        value={apiKeys.blocked}
        detail="Blocked by deprovisioning"
      />
    </section>
  );
}

// The newest failed SCIM requests, each linking to its provisioning log entry (with the bodies that explain it).
import { Link } from 'react-router';
import type { ResponseOf } from '../api/client';
import { TimeText } from '../components/time-text';
import { ProvisioningLogStatusBadge } from './provisioning-log-status-badge';

type RecentError = ResponseOf<'/dashboard', 'get'>['recentErrors'][number];

export function DashboardRecentErrors({ errors }: { errors: readonly RecentError[] }) {
  return (
    <section className="card" aria-labelledby="errors-title">
      <div className="card-header">
        <h2 id="errors-title">Recent errors</h2>
        <Link to="/provisioning-log?status=error">All errors</Link>
      </div>
      {errors.length === 0 ? (
        <p className="muted">
          No failed SCIM requests. Errors your identity provider runs into show up here.
        </p>
      ) : (
        <ul className="recent-errors">
          {errors.map((entry) => (
            <li key={entry.id}>
              <ProvisioningLogStatusBadge status={entry.status} />
              <Link to={`/provisioning-log/${entry.id}`} className="mono recent-error-path">
                {entry.method} {entry.path}
              </Link>
              <span className="muted small recent-error-meta">
                {entry.scimType !== null && <>{entry.scimType} · </>}
                <TimeText value={entry.at} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

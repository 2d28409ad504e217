// One user: its SCIM attributes as stored, its teams, its API keys (with why a key is blocked) and its recent events.
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/api-error';
import type { ResponseOf } from '../api/client';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { PageHeader } from '../components/page-header';
import { formatDateTime, TimeText } from '../components/time-text';
import { ManagedByBadge } from './managed-by-badge';
import { OwnerApiKeysCard } from './owner-api-keys-card';
import { ResourceEventsCard } from './resource-events-card';
import { useUserQuery } from './use-user-query';
import { UserStatusBadge } from './user-status-badge';

type User = ResponseOf<'/users/{id}', 'get'>;

const BREADCRUMB = <Link to="/users">Users</Link>;

function Timestamp({ value }: { value: string }) {
  return (
    <>
      {formatDateTime(value)}{' '}
      <span className="muted small">
        (<TimeText value={value} />)
      </span>
    </>
  );
}

function Attributes({ user }: { user: User }) {
  const fullName = [user.name.givenName, user.name.familyName].filter((part) => part !== null).join(' ');
  const none = <span className="muted">—</span>;
  return (
    <section className="card" aria-labelledby="user-attributes-title">
      <h2 id="user-attributes-title">Attributes</h2>
      <dl className="definition-list">
        <dt>userName</dt>
        <dd className="mono">{user.userName}</dd>
        <dt>displayName</dt>
        <dd>{user.displayName ?? none}</dd>
        <dt>name</dt>
        <dd>{fullName === '' ? none : fullName}</dd>
        <dt>emails</dt>
        <dd>
          {user.emails.length === 0
            ? none
            : user.emails.map((email) => (
                <div key={email.value}>
                  {email.value}
                  {email.type !== null && <span className="muted small"> · {email.type}</span>}
                  {email.primary && <span className="muted small"> · primary</span>}
                </div>
              ))}
        </dd>
        <dt>externalId</dt>
        <dd className="mono">{user.externalId ?? none}</dd>
        <dt>active</dt>
        <dd>{user.active ? 'true' : 'false'}</dd>
        <dt>created</dt>
        <dd>
          <Timestamp value={user.createdAt} />
        </dd>
        <dt>updated</dt>
        <dd>
          <Timestamp value={user.updatedAt} />
        </dd>
        <dt>id</dt>
        <dd className="mono">{user.id}</dd>
      </dl>
    </section>
  );
}

function Teams({ user }: { user: User }) {
  return (
    <section className="card" aria-labelledby="user-teams-title">
      <h2 id="user-teams-title">Teams</h2>
      {user.teams.length === 0 ? (
        <p className="muted">
          Not a member of any team. Teams come from the groups your identity provider pushes.
        </p>
      ) : (
        <ul className="link-list">
          {user.teams.map((team) => (
            <li key={team.id}>
              <Link to={`/teams/${encodeURIComponent(team.id)}`}>{team.displayName}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function UserDetailPage() {
  const { id = '' } = useParams();
  const query = useUserQuery(id);
  if (query.error instanceof ApiError && query.error.status === 404) {
    return (
      <>
        <PageHeader title="User not found" breadcrumb={BREADCRUMB} />
        <EmptyState
          title="There is no such user"
          action={
            <Link className="button button-secondary" to="/users">
              Back to users
            </Link>
          }
        >
          No user with id <code>{id}</code> exists in this organization. It may have been deleted, or belong
          to another organization.
        </EmptyState>
      </>
    );
  }
  const user = query.data;
  if (user === undefined) {
    return (
      <>
        <PageHeader title="User" breadcrumb={BREADCRUMB} />
        <ErrorBanner error={query.error} title="Loading the user failed" />
        {query.isPending && <Loading label="Loading the user…" />}
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={user.displayName ?? user.userName}
        breadcrumb={BREADCRUMB}
        description={
          <span className="header-badges">
            <span className="mono">{user.userName}</span>
            <UserStatusBadge active={user.active} />
            <ManagedByBadge managedBy={user.managedBy} />
          </span>
        }
      />
      {user.managedBy === 'scim' && (
        <p className="banner banner-info">
          Your identity provider manages this user: change it there, and Muster follows on the next sync.
        </p>
      )}
      {!user.active && (
        <p className="banner banner-warning">
          This user is deactivated: every API key of the user is blocked until the user is reactivated.
        </p>
      )}
      <div className="grid grid-2 detail-grid">
        <Attributes user={user} />
        <Teams user={user} />
      </div>
      <OwnerApiKeysCard owner={{ kind: 'user', id: user.id }} />
      <ResourceEventsCard resourceId={user.id} />
    </>
  );
}

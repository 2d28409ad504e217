// My account: the person signed in through SSO (member or admin) sees their profile as the identity provider
// provisioned it, their teams and their own API keys. An admin account signed in with a password has no user behind
// it, so nothing to show here.
import { Link } from 'react-router';
import { unwrap } from '../api/api-error';
import { api, type ResponseOf } from '../api/client';
import { useApiQuery } from '../api/use-api-query';
import { Badge } from '../components/badge';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { PageHeader } from '../components/page-header';
import { useSession } from '../session/session-context';
import { MyApiKeysCard } from './my-api-keys-card';
import { UserStatusBadge } from './user-status-badge';

type Me = ResponseOf<'/me', 'get'>;

function Profile({ me }: { me: Me }) {
  return (
    <section className="card" aria-labelledby="me-profile-title">
      <h2 id="me-profile-title">Profile</h2>
      <dl className="definition-list">
        <dt>Name</dt>
        <dd>{me.user.displayName ?? <span className="muted">—</span>}</dd>
        <dt>User name</dt>
        <dd className="mono">{me.user.userName}</dd>
        <dt>Email</dt>
        <dd>{me.user.email}</dd>
        <dt>Role</dt>
        <dd>
          {me.role === 'admin' ? (
            <Badge tone="info" title="A member of an admin group: you manage this organization">
              Admin
            </Badge>
          ) : (
            <Badge title="You see your own account only">Member</Badge>
          )}
        </dd>
        <dt>Status</dt>
        <dd>
          <UserStatusBadge active={me.user.active} />
        </dd>
      </dl>
      <p className="hint me-profile-hint">Your identity provider keeps these: change them there.</p>
    </section>
  );
}

function Teams({ me }: { me: Me }) {
  return (
    <section className="card" aria-labelledby="me-teams-title">
      <h2 id="me-teams-title">Teams</h2>
      {me.teams.length === 0 ? (
        <p className="muted">
          You are not in any team yet. Teams come from the groups your identity provider reports.
        </p>
      ) : (
        <ul className="link-list">
          {me.teams.map((team) => (
            <li key={team.value}>
              {me.role === 'admin' ? (
                <Link to={`/teams/${encodeURIComponent(team.value)}`}>{team.display}</Link>
              ) : (
                team.display
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function MyAccountPage() {
  const { session } = useSession();
  const hasAccount = session.userId !== null;
  const query = useApiQuery(['me'], () => unwrap(api.GET('/me')), { enabled: hasAccount });
  const header = <PageHeader title="My account" description={session.admin.email} />;
  if (!hasAccount) {
    return (
      <>
        {header}
        <EmptyState
          title="Your admin account has no user profile"
          action={
            <Link className="button button-secondary" to="/">
              Go to the dashboard
            </Link>
          }
        >
          You signed in with a password. My account shows the profile, teams and API keys of someone who signs
          in through SSO.
        </EmptyState>
      </>
    );
  }
  const me = query.data;
  if (me === undefined) {
    return (
      <>
        {header}
        <ErrorBanner error={query.error} title="Your account could not be loaded" />
        {query.isPending && <Loading label="Loading your account…" />}
      </>
    );
  }
  return (
    <>
      {header}
      <div className="grid grid-2 detail-grid">
        <Profile me={me} />
        <Teams me={me} />
      </div>
      <MyApiKeysCard me={me} />
    </>
  );
}

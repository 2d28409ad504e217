// One team: who is in it, its API keys (team keys and user keys bound to it) and its recent events.
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/api-error';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { PageHeader } from '../components/page-header';
import { formatDateTime } from '../components/time-text';
import { ManagedByBadge } from './managed-by-badge';
import { OwnerApiKeysCard } from './owner-api-keys-card';
import { ResourceEventsCard } from './resource-events-card';
import { useTeamQuery } from './use-team-query';
import { TeamDetailMembers } from './team-detail-members';

const BREADCRUMB = <Link to="/teams">Teams</Link>;

export function TeamDetailPage() {
  const { id = '' } = useParams();
  const query = useTeamQuery(id);
  if (query.error instanceof ApiError && query.error.status === 404) {
    return (
      <>
        <PageHeader title="Team not found" breadcrumb={BREADCRUMB} />
        <EmptyState
          title="There is no such team"
          action={
            <Link className="button button-secondary" to="/teams">
              Back to teams
            </Link>
          }
        >
          No team with id <code>{id}</code> exists in this organization. It may have been deleted, or belong
          to another organization.
        </EmptyState>
      </>
    );
  }
  const team = query.data;
  if (team === undefined) {
    return (
      <>
        <PageHeader title="Team" breadcrumb={BREADCRUMB} />
        <ErrorBanner error={query.error} title="Loading the team failed" />
        {query.isPending && <Loading label="Loading the team…" />}
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={team.displayName}
        breadcrumb={BREADCRUMB}
        description={
          <span className="header-badges">
            <ManagedByBadge managedBy={team.managedBy} />
            <span>
              {team.members.length} {team.members.length === 1 ? 'member' : 'members'}
            </span>
            {team.externalId !== null && <span className="mono small">externalId {team.externalId}</span>}
            <span className="small">Created {formatDateTime(team.createdAt)}</span>
          </span>
        }
      />
      {team.managedBy === 'scim' && (
        <p className="banner banner-info">
          Your identity provider manages this team and its members: change them there, and Muster follows on
          the next sync.
        </p>
      )}
      <TeamDetailMembers teamId={team.id} />
      <OwnerApiKeysCard owner={{ kind: 'team', id: team.id }} />
      <ResourceEventsCard resourceId={team.id} />
    </>
  );
}

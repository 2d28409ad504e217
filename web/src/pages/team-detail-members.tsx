// A team's members in the order they joined, each user with its userName, email and status as the list carries them.
import { Link } from 'react-router';
import { unwrap } from '../api/api-error';
import { api, type ItemOf } from '../api/client';
import { useApiQuery } from '../api/use-api-query';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { Pager, useCursorPager } from '../components/pager';
import { UserStatusBadge } from './user-status-badge';

type Member = ItemOf<'/teams/{id}/members'>;

function UserMemberRow({ member }: { member: Member }) {
  const name = member.display ?? member.userName ?? member.id;
  return (
    <tr>
      <td>
        <Link to={`/users/${encodeURIComponent(member.id)}`}>{name}</Link>
        {member.userName !== null && member.userName !== name && (
          <div className="muted small">{member.userName}</div>
        )}
      </td>
      <td>
        {member.active === null ? (
          <span className="muted">—</span>
        ) : (
          <UserStatusBadge active={member.active} />
        )}
      </td>
      <td>{member.email ?? <span className="muted">—</span>}</td>
    </tr>
  );
}

function TeamMemberRow({ member }: { member: Member }) {
  return (
    <tr>
      <td>
        <Link to={`/teams/${encodeURIComponent(member.id)}`}>{member.display ?? member.id}</Link>{' '}
        <span className="muted small">(nested team)</span>
      </td>
      <td>
        <span className="muted">—</span>
      </td>
      <td>
        <span className="muted">—</span>
      </td>
    </tr>
  );
}

export function TeamDetailMembers({ teamId }: { teamId: string }) {
  const pager = useCursorPager();
  const query = useApiQuery(['teams', teamId, 'members', { cursor: pager.cursor }], () =>
    unwrap(
      api.GET('/teams/{id}/members', {
        params: {
          path: { id: teamId },
          query: pager.cursor === undefined ? {} : { cursor: pager.cursor },
        },
      }),
    ),
  );
  const members = query.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="team-members-title">
      <div className="card-header">
        <h2 id="team-members-title">Members</h2>
      </div>
      <ErrorBanner error={query.error} title="Loading members failed" />
      {query.isPending && <Loading label="Loading members…" />}
      {query.data !== undefined && members.length === 0 && pager.page === 1 && (
        <EmptyState title="No members yet">
          Members appear when your identity provider pushes the group with its members.
        </EmptyState>
      )}
      {members.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Members</caption>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Status</th>
                <th scope="col">Email</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) =>
                member.type === 'User' ? (
                  <UserMemberRow key={member.id} member={member} />
                ) : (
                  <TeamMemberRow key={member.id} member={member} />
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      <Pager pager={pager} nextCursor={query.data?.nextCursor} />
    </section>
  );
}

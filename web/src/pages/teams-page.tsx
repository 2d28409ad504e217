// Teams: the groups your identity provider pushes over SCIM (or an admin creates), with their member counts, search
// and cursor paging.
import { useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { unwrap } from '../api/api-error';
import { api } from '../api/client';
import { useApiQuery } from '../api/use-api-query';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { PageHeader } from '../components/page-header';
import { Pager, useCursorPager } from '../components/pager';
import { TimeText } from '../components/time-text';
import { ManagedByBadge } from './managed-by-badge';

export function TeamsPage() {
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const pager = useCursorPager();
  const query = useApiQuery(['teams', 'list', { q, cursor: pager.cursor }], () =>
    unwrap(
      api.GET('/teams', {
        params: {
          query: {
            ...(q === '' ? {} : { q }),
            ...(pager.cursor === undefined ? {} : { cursor: pager.cursor }),
          },
        },
      }),
    ),
  );
  const search = (value: string) => {
    setQ(value.trim());
    pager.reset();
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    search(draft);
  };
  const teams = query.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Teams"
        description="Groups pushed by your identity provider. Members and team-bound API keys follow them."
      />
      <form className="toolbar" role="search" onSubmit={submit}>
        <div className="field field-grow">
          <label htmlFor="teams-search">Search</label>
          <input
            id="teams-search"
            type="search"
            placeholder="Team name"
            value={draft}
            onChange={(event) => {
              setDraft(event.target.value);
              // Clearing the box shows every team again without another Enter.
              if (event.target.value === '') search('');
            }}
          />
        </div>
        <button type="submit" className="button button-secondary">
          Search
        </button>
      </form>
      <ErrorBanner error={query.error} title="Loading teams failed" />
      {query.isPending && <Loading label="Loading teams…" />}
      {query.data !== undefined && teams.length === 0 && pager.page === 1 && (
        <>
          {q !== '' ? (
            <EmptyState
              title="No teams match"
              action={
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    setDraft('');
                    search('');
                  }}
                >
                  Clear search
                </button>
              }
            >
              No team name contains “{q}”.
            </EmptyState>
          ) : (
            <EmptyState
              title="No teams yet"
              action={
                <Link className="button button-primary" to="/settings/admin/scim">
                  Set up SCIM provisioning
                </Link>
              }
            >
              Teams appear here when your identity provider pushes groups. Assign groups to the Muster app in
              your identity provider and turn on group push (Okta: Push Groups; Microsoft Entra ID: assign the
              groups to the enterprise app).
            </EmptyState>
          )}
        </>
      )}
      {teams.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Teams</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Members</th>
                <th scope="col">Source</th>
                <th scope="col">External id</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {teams.map((team) => (
                <tr key={team.id}>
                  <td>
                    <Link to={`/teams/${encodeURIComponent(team.id)}`} className="table-primary-link">
                      {team.displayName}
                    </Link>
                  </td>
                  <td className="nowrap">{team.memberCount}</td>
                  <td>
                    <ManagedByBadge managedBy={team.managedBy} />
                  </td>
                  <td className="mono small">{team.externalId ?? <span className="muted">—</span>}</td>
                  <td className="nowrap">
                    <TimeText value={team.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager pager={pager} nextCursor={query.data?.nextCursor} />
    </>
  );
}

// Everyone the identity provider (or an admin) provisioned: search, an active filter and cursor paging.
import { useEffect, useState, type SyntheticEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
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
import { UserStatusBadge } from './user-status-badge';

const SEARCH_DELAY_MS = 300;
const ACTIVE_FILTERS = ['all', 'active', 'inactive'] as const;
type ActiveFilter = (typeof ACTIVE_FILTERS)[number];

function toActiveFilter(value: string | null): ActiveFilter {
  return ACTIVE_FILTERS.find((filter) => filter === value) ?? 'all';
}

export function UsersPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const active = toActiveFilter(params.get('active'));
  const [draft, setDraft] = useState(q);
  const pager = useCursorPager();

  // Reads the current URL when it runs, so a delayed search does not undo a filter chosen meanwhile.
  const applyFilters = (next: { q?: string; active?: ActiveFilter }) => {
    setParams(
      (previous) => {
        const merged = {
          q: (next.q ?? previous.get('q') ?? '').trim(),
          active: next.active ?? toActiveFilter(previous.get('active')),
        };
        const search = new URLSearchParams();
        if (merged.q !== '') search.set('q', merged.q);
        if (merged.active !== 'all') search.set('active', merged.active);
        return search;
      },
      { replace: true },
    );
    pager.reset();
  };

  // Search once the admin pauses typing; Enter searches at once.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      if (draft.trim() !== (new URLSearchParams(window.location.search).get('q') ?? ''))
        applyFilters({ q: draft });
    }, SEARCH_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
    };
    // Only typing starts the timer; applyFilters reads everything else when it runs.
  }, [draft]);

  const query = useApiQuery(['users', 'list', { q, active, cursor: pager.cursor }], () =>
    unwrap(
      api.GET('/users', {
        params: {
          query: {
            ...(q === '' ? {} : { q }),
            ...(active === 'all' ? {} : { active: active === 'active' }),
            ...(pager.cursor === undefined ? {} : { cursor: pager.cursor }),
          },
        },
      }),
    ),
  );
  const filtered = q !== '' || active !== 'all';

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    applyFilters({ q: draft });
  };

  return (
    <>
      <PageHeader
        title="Users"
        description="People provisioned by your identity provider over SCIM, or created by an admin."
      />
      <form className="toolbar" role="search" onSubmit={submit}>
        <div className="field field-grow">
          <label htmlFor="users-search">Search</label>
          <input
            id="users-search"
            type="search"
            placeholder="Name, user name or email"
            value={draft}
            onChange={(event) => {
              setDraft(event.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="users-active">Status</label>
          <select
            id="users-active"
            value={active}
            onChange={(event) => {
              applyFilters({ q: draft, active: toActiveFilter(event.target.value) });
            }}
          >
            <option value="all">All</option>
            <option value="active">Active</option>
            <option value="inactive">Inactive</option>
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          Search
        </button>
      </form>
      <ErrorBanner error={query.error} title="Loading users failed" />
      {query.isPending && <Loading label="Loading users…" />}
      {query.data !== undefined && query.data.items.length === 0 && pager.page === 1 && (
        <>
          {filtered ? (
            <EmptyState
              title="No users match"
              action={
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    setDraft('');
                    applyFilters({ q: '', active: 'all' });
                  }}
                >
                  Clear search and filter
                </button>
              }
            >
              Nobody matches {q !== '' && <>“{q}”</>}
              {q !== '' && active !== 'all' && ' among '}
              {active !== 'all' && `${active} users`}. Search looks in user names, display names and email
              addresses.
            </EmptyState>
          ) : (
            <EmptyState
              title="No users yet"
              action={
                <Link className="button button-primary" to="/settings/admin/scim">
                  Set up SCIM provisioning
                </Link>
              }
            >
              Users appear here when your identity provider provisions them. Connect one in Settings › Admin
              Settings › SCIM.
            </EmptyState>
          )}
        </>
      )}
      {query.data !== undefined && query.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Users</caption>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Status</th>
                <th scope="col">Source</th>
                <th scope="col">Email</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {query.data.items.map((user) => {
                const email = user.emails.find((entry) => entry.primary) ?? user.emails[0];
                return (
                  <tr key={user.id}>
                    <td>
                      <Link to={`/users/${encodeURIComponent(user.id)}`} className="table-primary-link">
                        {user.displayName ?? user.userName}
                      </Link>
                      {user.displayName !== null && <div className="muted small">{user.userName}</div>}
                    </td>
                    <td>
                      <UserStatusBadge active={user.active} />
                    </td>
                    <td>
                      <ManagedByBadge managedBy={user.managedBy} />
                    </td>
                    <td>{email?.value ?? <span className="muted">—</span>}</td>
                    <td className="nowrap">
                      <TimeText value={user.createdAt} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager pager={pager} nextCursor={query.data?.nextCursor} />
    </>
  );
}

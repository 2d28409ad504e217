// A link to a user or team known only by id (API keys carry ids, not names). The name comes from the same query the
// detail page uses, so it is fetched once per id; a user or team that no longer exists is named as such.
import { Link } from 'react-router';
import { ApiError, unwrap } from '../api/api-error';
import { api } from '../api/client';
import { useApiQuery } from '../api/use-api-query';

const LOOKUP_STALE_MS = 30_000;

/** A user and its teams, shared by every view of that user; `enabled: false` while there is no user to ask for. */
export function useUserQuery(id: string, enabled = true) {
  return useApiQuery(['users', id], () => unwrap(api.GET('/users/{id}', { params: { path: { id } } })), {
    staleTime: LOOKUP_STALE_MS,
    enabled,
  });
}

export function useTeamQuery(id: string) {
  return useApiQuery(['teams', id], () => unwrap(api.GET('/teams/{id}', { params: { path: { id } } })), {
    staleTime: LOOKUP_STALE_MS,
  });
}

function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

function UserLink({ id }: { id: string }) {
  const query = useUserQuery(id);
  if (isNotFound(query.error)) return <span className="muted">Deleted user</span>;
  const name = query.data === undefined ? id : (query.data.displayName ?? query.data.userName);
  return <Link to={`/users/${encodeURIComponent(id)}`}>{name}</Link>;
}

function TeamLink({ id }: { id: string }) {
  const query = useTeamQuery(id);
  if (isNotFound(query.error)) return <span className="muted">Deleted team</span>;
  return <Link to={`/teams/${encodeURIComponent(id)}`}>{query.data?.displayName ?? id}</Link>;
}

export function ResourceLink({ kind, id }: { kind: 'user' | 'team'; id: string }) {
  return kind === 'user' ? <UserLink id={id} /> : <TeamLink id={id} />;
}

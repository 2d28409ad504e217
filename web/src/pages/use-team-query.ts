// A team and its members, shared by every view of that team through one query key.
import { unwrap } from '../api/api-error';
import { api } from '../api/client';
import { useApiQuery } from '../api/use-api-query';

const TEAM_STALE_MS = 30_000;

export function useTeamQuery(id: string) {
  return useApiQuery(['teams', id], () => unwrap(api.GET('/teams/{id}', { params: { path: { id } } })), {
    staleTime: TEAM_STALE_MS,
  });
}

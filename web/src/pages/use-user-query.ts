// A user and its teams, shared by every view of that user (detail page, API key form) through one query key.
import { unwrap } from '../api/api-error';
import { api } from '../api/client';
import { useApiQuery } from '../api/use-api-query';

const USER_STALE_MS = 30_000;

/** `enabled: false` while there is no user to ask for. */
export function useUserQuery(id: string, enabled = true) {
  return useApiQuery(['users', id], () => unwrap(api.GET('/users/{id}', { params: { path: { id } } })), {
    staleTime: USER_STALE_MS,
    enabled,
  });
}

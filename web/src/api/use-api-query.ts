// Queries keyed by the organization being shown: switching organizations never shows another one's cached rows.
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useSession } from '../session/session-context';

export function useApiQuery<T>(
  key: readonly unknown[],
  fetch: () => Promise<T>,
  options: Omit<UseQueryOptions<T>, 'queryKey' | 'queryFn'> = {},
) {
  const { org } = useSession();
  return useQuery({ queryKey: ['org', org, ...key], queryFn: fetch, ...options });
}

/**
 * A write that, once it succeeds, refetches every query of the organization whose key starts with one of
 * `invalidates` (e.g. `['users']`), so lists and details show the change.
 */
export function useApiMutation<TInput, TResult>(
  write: (input: TInput) => Promise<TResult>,
  invalidates: readonly (readonly unknown[])[] = [],
) {
  const { org } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async () => {
      await Promise.all(
        invalidates.map((key) => queryClient.invalidateQueries({ queryKey: ['org', org, ...key] })),
      );
    },
  });
}

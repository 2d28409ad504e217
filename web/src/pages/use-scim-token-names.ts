// SCIM token ids as names: the provisioning log stores the token id of each request, admins know tokens by name.
import { unwrap } from '../api/api-error';
import { api, type ItemOf } from '../api/client';
import { useApiQuery } from '../api/use-api-query';

export type ScimToken = ItemOf<'/scim-tokens'>;

export function useScimTokenNames() {
  const query = useApiQuery(['scim-tokens', 'all'], async () => {
    // 200 is the largest page; an organization has a handful of tokens (one per identity provider).
    const page = await unwrap(api.GET('/scim-tokens', { params: { query: { limit: 200 } } }));
    return page.items;
  });
  const tokens: readonly ScimToken[] = query.data ?? [];
  const names = new Map(tokens.map((token) => [token.id, token.name]));
  return {
    tokens,
    error: query.error,
    /** The token's name; a short id while the list loads or for a token no longer listed. */
    nameOf: (id: string | null): string => (id === null ? '—' : (names.get(id) ?? `${id.slice(0, 8)}…`)),
  };
}

// Who is signed in, and which organization the console is looking at. The session comes from GET /api/v1/session
// (cookie); its CSRF token goes on every write. The organization is remembered per browser and sent as X-Muster-Org.
// A member (signed in through SSO without an admin group) sees only their own account: no organizations to list.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, onUnauthorized, unwrap } from '../api/api-error';
import { api, requestScope, type ItemOf, type ResponseOf } from '../api/client';
import { Loading } from '../components/loading';

export type Session = ResponseOf<'/session', 'get'>;
export type Organization = ItemOf<'/organizations'>;

const ORG_STORAGE_KEY = 'muster.org';

interface SessionState {
  readonly session: Session;
  readonly organizations: readonly Organization[];
  /** Slug of the organization every page shows. */
  readonly org: string;
  readonly selectOrg: (slug: string) => void;
  readonly signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (state === null) throw new Error('useSession outside <SessionProvider>');
  return state;
}

/** The session query: undefined data with a 401 error means nobody is signed in. */
export function useSessionQuery() {
  return useQuery({
    queryKey: ['session'],
    queryFn: () => unwrap(api.GET('/session')),
    retry: false,
    staleTime: 60_000,
  });
}

export function isSignedOut(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

function initialOrg(session: Session, organizations: readonly Organization[]): string {
  const remembered = localStorage.getItem(ORG_STORAGE_KEY);
  if (remembered !== null && organizations.some((org) => org.slug === remembered)) return remembered;
  const own = organizations.find((org) => org.id === session.admin.orgId);
  return own?.slug ?? organizations[0]?.slug ?? 'default';
}

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  const queryClient = useQueryClient();
  requestScope.csrfToken = session.csrfToken;
  const isAdmin = session.role === 'admin';
  const organizationsQuery = useQuery({
    queryKey: ['organizations', session.admin.id],
    queryFn: async () =>
      (await unwrap(api.GET('/organizations', { params: { query: { limit: 200 } } }))).items,
    // The admin API answers a member 403: their own account (/me) needs no organization header.
    enabled: isAdmin,
  });
  const organizations = useMemo(() => organizationsQuery.data ?? [], [organizationsQuery.data]);
  const [chosen, setChosen] = useState<string | null>(null);
  const org = chosen ?? initialOrg(session, organizations);
  requestScope.org = org;

  useEffect(
    () =>
      onUnauthorized(() => {
        // Reset, not invalidate: a refetch that fails keeps the old session as data, and the console would go on
        // showing pages (and sign-in would send the admin straight back) for a session that has ended.
        void queryClient.resetQueries({ queryKey: ['session'], exact: true });
      }),
    [queryClient],
  );

  const selectOrg = useCallback((slug: string) => {
    localStorage.setItem(ORG_STORAGE_KEY, slug);
    requestScope.org = slug;
    setChosen(slug);
  }, []);

  const signOut = useCallback(async () => {
    await unwrap(api.DELETE('/session'));
    requestScope.csrfToken = null;
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo(
    () => ({ session, organizations, org, selectOrg, signOut }),
    [session, organizations, org, selectOrg, signOut],
  );
  // Until the organizations are known the slug is a guess ("default"), and an admin of another organization would
  // see the admin API refuse every page's first request.
  if (isAdmin && organizationsQuery.isPending) return <Loading />;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

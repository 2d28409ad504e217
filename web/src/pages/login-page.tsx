// Sign-in with email and password, or through the organization's identity provider (SSO). A wrong password gets the
// server's one generic answer; too many get a wait. An SSO sign-in that failed comes back here with its reason.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { unwrap } from '../api/api-error';
import { api } from '../api/client';
import { ErrorBanner } from '../components/error-banner';
import { safeNext } from '../session/safe-next';
import { useSessionQuery } from '../session/session-context';
import { AuthCard } from './auth-card';
import { LoginSsoSection, SsoErrorBanner } from './login-sso-section';

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sessionQuery = useSessionQuery();
  const setupQuery = useSessionlessSetupStatus();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'), window.location.origin);
  const ssoOrg = params.get('org') ?? 'default';

  if (sessionQuery.data !== undefined) return <Navigate to={next} replace />;
  if (setupQuery === true) return <Navigate to="/setup" replace />;

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await unwrap(api.POST('/session', { body: { email, password } }));
      queryClient.setQueryData(['session'], session);
      void navigate(next, { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title="Sign in">
      <SsoErrorBanner reason={params.get('sso_error')} org={ssoOrg} />
      <form onSubmit={(event) => void submit(event)} className="form">
        <ErrorBanner error={error} title="Sign-in failed" />
        <div className="field">
          <label htmlFor="email">Email</label>
          <input
            id="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="muted small">
          No account yet? An administrator can create one with <code>npx muster admin create --email …</code>.
          On a new installation, open the setup link printed at start-up, or{' '}
          <Link to="/setup">enter a setup token</Link>.
        </p>
      </form>
      <LoginSsoSection initialOrg={ssoOrg} next={next} />
    </AuthCard>
  );
}

/** True when no admin exists yet (GET /api/v1/setup); undefined while unknown or when the check fails. */
function useSessionlessSetupStatus(): boolean | undefined {
  const query = useQuery({
    queryKey: ['setup-status'],
    queryFn: () => unwrap(api.GET('/setup')),
    retry: false,
  });
  return query.data?.setupRequired;
}

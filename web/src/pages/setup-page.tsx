// First run: the one-time setup link printed at start-up (or by `muster admin create`) carries its token in the URL
// fragment, which browsers never send to a server or put in a Referer. The first admin chooses email and password.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { unwrap } from '../api/api-error';
import { api } from '../api/client';
import { ErrorBanner } from '../components/error-banner';
import { AuthCard } from './auth-card';

const MIN_PASSWORD = 12;

function tokenFromHash(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}

export function SetupPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [token, setToken] = useState(tokenFromHash);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const mismatch = confirm !== '' && confirm !== password;
  // Once an admin exists, a setup link is an invitation from `muster admin create`, not the first admin's.
  const setupStatus = useQuery({
    queryKey: ['setup-status'],
    queryFn: () => unwrap(api.GET('/setup')),
    retry: false,
  });
  const invited = setupStatus.data?.setupRequired === false;

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (password !== confirm) return;
    setBusy(true);
    setError(null);
    try {
      const session = await unwrap(api.POST('/setup', { body: { token: token.trim(), email, password } }));
      queryClient.setQueryData(['session'], session);
      // The token is spent: drop it from the address bar and the history entry.
      window.history.replaceState(null, '', '/setup');
      void navigate('/settings/admin/scim', { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard
      title={invited ? 'Set up your admin account' : 'Create the first admin'}
      intro={
        invited ? (
          <p>Enter the email you were invited with and choose the password you will sign in with.</p>
        ) : (
          <p>Choose the email and password you will sign in with. You can add more admins later.</p>
        )
      }
    >
      <form onSubmit={(event) => void submit(event)} className="form">
        <ErrorBanner error={error} title="Setup failed" />
        <div className="field">
          <label htmlFor="setup-token">Setup token</label>
          <input
            id="setup-token"
            className="mono"
            required
            autoComplete="off"
            value={token}
            onChange={(event) => {
              setToken(event.target.value);
            }}
          />
          <p className="hint">
            {invited
              ? 'From the setup link of your invitation (it starts with msu_).'
              : 'From the setup link Muster printed at start-up (it starts with msu_).'}
          </p>
        </div>
        <div className="field">
          <label htmlFor="setup-email">Email</label>
          <input
            id="setup-email"
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
          <label htmlFor="setup-password">Password</label>
          <input
            id="setup-password"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD}
            aria-describedby="setup-password-hint"
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
          />
          <p className="hint" id="setup-password-hint">
            At least {MIN_PASSWORD} characters. A passphrase of a few words is easiest.
          </p>
        </div>
        <div className="field">
          <label htmlFor="setup-confirm">Confirm password</label>
          <input
            id="setup-confirm"
            type="password"
            autoComplete="new-password"
            required
            aria-invalid={mismatch}
            aria-describedby={mismatch ? 'setup-confirm-error' : undefined}
            value={confirm}
            onChange={(event) => {
              setConfirm(event.target.value);
            }}
          />
          {mismatch && (
            <p className="field-error" id="setup-confirm-error">
              The passwords do not match.
            </p>
          )}
        </div>
        <button type="submit" className="button button-primary" disabled={busy || mismatch}>
          {busy ? 'Creating…' : 'Create admin and sign in'}
        </button>
        <p className="muted small">
          Already set up? <Link to="/login">Sign in</Link>.
        </p>
      </form>
    </AuthCard>
  );
}

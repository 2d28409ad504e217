// Sign-in through the organization's identity provider: a full page navigation to /sso/<org>/login, which sends the
// browser on to the IdP and, once it answers, back into the console at `next`.
import { useState, type SyntheticEvent } from 'react';
import { ssoErrorMessage } from './sso-error-message';

/** The reason the server sent the browser back with (`?sso_error=`), as a sentence. */
export function SsoErrorBanner({ reason, org }: { reason: string | null; org: string }) {
  if (reason === null) return null;
  return (
    <div className="banner banner-error" role="alert">
      <strong>Single sign-on did not work</strong>
      <p>{ssoErrorMessage(reason, org)}</p>
    </div>
  );
}

export function LoginSsoSection({ initialOrg, next }: { initialOrg: string; next: string }) {
  const [org, setOrg] = useState(initialOrg);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    window.location.assign(
      `/sso/${encodeURIComponent(org.trim())}/login?${new URLSearchParams({ next }).toString()}`,
    );
  };
  return (
    <section className="login-sso" aria-labelledby="login-sso-title">
      <h2 id="login-sso-title">Sign in with SSO</h2>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="sso-org">Organization</label>
          <input
            id="sso-org"
            required
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={org}
            aria-describedby="sso-org-hint"
            onChange={(event) => {
              setOrg(event.target.value);
            }}
          />
          <p className="hint" id="sso-org-hint">
            Your organization’s short name, as in its sign-in link (…/sso/<em>name</em>/login).
          </p>
        </div>
        {/* Named apart from the password form’s “Sign in”: each button has a name of its own. */}
        <button type="submit" className="button button-secondary">
          Continue with SSO
        </button>
      </form>
    </section>
  );
}

// A new installation's first step: connect the identity provider, in the three steps every IdP's SCIM setup takes.
import { Link } from 'react-router';

export function DashboardConnectIdp({ hasToken }: { hasToken: boolean }) {
  return (
    <section className="card connect-idp" aria-labelledby="connect-title">
      <h2 id="connect-title">Connect your identity provider</h2>
      <p className="muted">
        Muster fills up when your identity provider (Okta, Microsoft Entra ID, Google…) provisions users and
        teams through SCIM. It takes three steps:
      </p>
      <ol className="connect-steps">
        <li>
          <strong>Copy the tenant URL</strong> (the SCIM base URL) from the SCIM settings.
        </li>
        <li>
          <strong>Create a SCIM token</strong>
          {hasToken
            ? ' — you have one already; create another if you no longer have its value.'
            : ' for your IdP.'}
        </li>
        <li>
          <strong>Paste both into your IdP</strong>&apos;s provisioning settings and run Test connection.
        </li>
      </ol>
      <Link to="/settings/admin/scim" className="button button-primary">
        Open SCIM settings
      </Link>
    </section>
  );
}

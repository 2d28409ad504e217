// What the admin pastes into the identity provider. From the server: its PUBLIC_URL may differ from the address the
// browser uses.
import { CopyField } from '../components/copy-button';
import type { SsoOverview } from './sso-setting';

export function SsoEndpointsCard({ endpoints }: { endpoints: SsoOverview['endpoints'] }) {
  return (
    <section className="card" aria-labelledby="sso-endpoints-title">
      <div className="card-header">
        <h2 id="sso-endpoints-title">URLs for your identity provider</h2>
      </div>
      <div className="sso-endpoints">
        <div>
          <CopyField id="sso-login-url" label="Sign-in link" value={endpoints.loginUrl} />
          <p className="hint">
            Where people of this organization start signing in; also the link of the identity provider’s app
            tile.
          </p>
        </div>
        <div>
          <CopyField id="sso-redirect-url" label="OIDC redirect URI" value={endpoints.redirectUrl} />
          <p className="hint">Register it with the OpenID Connect application (type web).</p>
        </div>
        <div>
          <CopyField id="sso-acs-url" label="SAML ACS URL" value={endpoints.acsUrl} />
          <p className="hint">
            Assertion Consumer Service URL: “Reply URL” in Entra ID, “Single sign-on URL” in Okta.
          </p>
        </div>
        <div>
          <CopyField id="sso-sp-entity-id" label="SAML entity ID" value={endpoints.spEntityId} />
          <p className="hint">The service provider’s identifier: “Audience URI” in Okta.</p>
        </div>
        <div>
          <CopyField id="sso-sp-metadata-url" label="SAML metadata URL" value={endpoints.spMetadataUrl} />
          <p className="hint">
            Identity providers that read service provider metadata take all of the above from it.
          </p>
        </div>
      </div>
    </section>
  );
}

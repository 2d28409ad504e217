// Settings › Admin Settings › SSO: people sign in to the console with the organization's identity provider (OpenID
// Connect or SAML 2.0). A sign-in finds the user SCIM provisioned, adds them to the teams of their groups, and makes
// members of admin groups admins; everyone else gets their own account only.
import { Link } from 'react-router';
import { unwrap } from '../api/api-error';
import { api } from '../api/client';
import { useApiQuery } from '../api/use-api-query';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { PageHeader } from '../components/page-header';
import { SettingsNav } from './settings-nav';
import { SsoEndpointsCard } from './sso-endpoints-card';
import { SsoMemberApiKeys } from './sso-member-api-keys';
import { SsoOidcForm } from './sso-oidc-form';
import { SsoSamlForm } from './sso-saml-form';

function Breadcrumb() {
  return (
    <ol className="scim-breadcrumb">
      <li>
        <Link to="/settings/admin/scim">Settings</Link>
      </li>
      <li>
        <Link to="/settings/admin/scim">Admin Settings</Link>
      </li>
      <li aria-current="page">SSO</li>
    </ol>
  );
}

export function SsoSettingsPage() {
  const query = useApiQuery(['sso'], () => unwrap(api.GET('/sso')));
  const sso = query.data;
  return (
    <>
      <PageHeader
        title="SSO"
        breadcrumb={<Breadcrumb />}
        description="Let people sign in to the console with your identity provider, through OpenID Connect or SAML 2.0. A sign-in finds the user SCIM provisioned, adds them to the teams of their groups, and makes members of admin groups admins; everyone else sees only their own account."
      />
      <SettingsNav />
      {sso === undefined ? (
        <>
          <ErrorBanner error={query.error} title="The SSO settings could not be loaded" />
          {query.isPending && <Loading label="Loading the SSO settings…" />}
        </>
      ) : (
        <>
          <SsoEndpointsCard endpoints={sso.endpoints} />
          <SsoOidcForm connection={sso.oidc} loginUrl={sso.endpoints.loginUrl} />
          <SsoSamlForm connection={sso.saml} loginUrl={sso.endpoints.loginUrl} />
          <SsoMemberApiKeys allowed={sso.memberApiKeys} />
        </>
      )}
    </>
  );
}

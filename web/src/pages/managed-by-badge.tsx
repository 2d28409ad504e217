// Who owns a user or team: the identity provider through SCIM (it overwrites changes on its next sync), a sign-in
// through the organization's SSO (OIDC or SAML), or this console.
import { Badge } from '../components/badge';

export type ManagedBy = 'scim' | 'sso' | 'admin';

export function ManagedByBadge({ managedBy }: { managedBy: ManagedBy }) {
  switch (managedBy) {
    case 'scim':
      return (
        <Badge tone="info" title="Provisioned through SCIM: change it in your identity provider">
          IdP-managed
        </Badge>
      );
    case 'sso':
      return (
        <Badge tone="info" title="Created when someone signed in through SSO (OpenID Connect or SAML)">
          SSO
        </Badge>
      );
    case 'admin':
      return <Badge title="Created in Muster by an admin">Admin</Badge>;
  }
}

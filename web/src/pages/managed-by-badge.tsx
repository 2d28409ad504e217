// Who owns a user or team: the identity provider (it overwrites changes on its next sync) or this console.
import { Badge } from '../components/badge';

export function ManagedByBadge({ managedBy }: { managedBy: 'scim' | 'admin' }) {
  return managedBy === 'scim' ? (
    <Badge tone="info" title="Provisioned through SCIM: change it in your identity provider">
      IdP-managed
    </Badge>
  ) : (
    <Badge title="Created in Muster by an admin">Admin</Badge>
  );
}

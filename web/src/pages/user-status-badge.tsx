import { Badge } from '../components/badge';

export function UserStatusBadge({ active }: { active: boolean }) {
  return active ? <Badge tone="success">Active</Badge> : <Badge tone="warning">Inactive</Badge>;
}

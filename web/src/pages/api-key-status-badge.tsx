// An API key's status in words. A blocked key says which provisioning change blocked it, so an admin can tell a key
// the identity provider switched off (the user was deprovisioned) from one an admin revoked.
import type { ItemOf } from '../api/client';
import { Badge, type BadgeTone } from '../components/badge';

type ApiKey = ItemOf<'/api-keys'>;
type BlockedReason = NonNullable<ApiKey['blockedReason']>;

const BLOCKED: Record<BlockedReason, { label: string; explanation: string }> = {
  user_deactivated: {
    label: 'Blocked: user deprovisioned by IdP',
    explanation: 'The user was deactivated. Reactivating the user in the identity provider unblocks the key.',
  },
  user_deleted: {
    label: 'Blocked: user deprovisioned by IdP',
    explanation: 'The user was deleted. The key stays blocked for good.',
  },
  team_membership_removed: {
    label: 'Blocked: removed from team',
    explanation:
      'The user left the team this key is bound to. Adding the user back to the team unblocks the key.',
  },
  team_deleted: {
    label: 'Blocked: team deleted',
    explanation: 'The team of this key was deleted. The key stays blocked for good.',
  },
};

const STATUS: Record<
  Exclude<ApiKey['status'], 'blocked'>,
  { label: string; tone: BadgeTone; explanation: string }
> = {
  active: { label: 'Active', tone: 'success', explanation: 'The key verifies.' },
  revoked: { label: 'Revoked', tone: 'neutral', explanation: 'An admin revoked the key for good.' },
  expired: { label: 'Expired', tone: 'warning', explanation: 'The key passed its expiry date.' },
};

/** The words of a status, also for filters and tests. */
export function apiKeyStatusLabel(key: Pick<ApiKey, 'status' | 'blockedReason'>): string {
  if (key.status !== 'blocked') return STATUS[key.status].label;
  return key.blockedReason === null ? 'Blocked' : BLOCKED[key.blockedReason].label;
}

export function ApiKeyStatusBadge({ apiKey }: { apiKey: Pick<ApiKey, 'status' | 'blockedReason'> }) {
  if (apiKey.status !== 'blocked') {
    const { label, tone, explanation } = STATUS[apiKey.status];
    return (
      <Badge tone={tone} title={explanation}>
        {label}
      </Badge>
    );
  }
  const blocked = apiKey.blockedReason === null ? null : BLOCKED[apiKey.blockedReason];
  return (
    <Badge tone="danger" title={blocked?.explanation ?? 'A provisioning change blocked the key.'}>
      {apiKeyStatusLabel(apiKey)}
    </Badge>
  );
}

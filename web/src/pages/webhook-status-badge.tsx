// An endpoint's health in words (active, failing, disabled); the tone only repeats it.
import type { ItemOf } from '../api/client';
import { Badge, type BadgeTone } from '../components/badge';

type EndpointStatus = ItemOf<'/webhooks'>['status'];

const TONES: Record<EndpointStatus, BadgeTone> = {
  active: 'success',
  failing: 'danger',
  disabled: 'neutral',
};
const MEANINGS: Record<EndpointStatus, string> = {
  active: 'Receiving deliveries',
  failing: 'The last 5 or more attempts failed; deliveries go on',
  disabled: 'Gets no deliveries until enabled',
};

export function WebhookStatusBadge({ status }: { status: EndpointStatus }) {
  return (
    <Badge tone={TONES[status]} title={MEANINGS[status]}>
      {status}
    </Badge>
  );
}

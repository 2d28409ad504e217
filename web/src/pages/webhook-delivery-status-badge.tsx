// A delivery's state in words (pending, delivered, failed); the tone only repeats it.
import type { ItemOf } from '../api/client';
import { Badge, type BadgeTone } from '../components/badge';

type DeliveryStatus = ItemOf<'/webhooks/{id}/deliveries'>['status'];

const TONES: Record<DeliveryStatus, BadgeTone> = { pending: 'info', delivered: 'success', failed: 'danger' };

export function WebhookDeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  return <Badge tone={TONES[status]}>{status}</Badge>;
}

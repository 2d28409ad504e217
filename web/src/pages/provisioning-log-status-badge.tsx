// A SCIM response status as a badge: the number is the message, the tone only repeats it (2xx, 4xx, 5xx).
import { Badge, type BadgeTone } from '../components/badge';

function toneOf(status: number): BadgeTone {
  if (status >= 500) return 'danger';
  if (status >= 400) return 'warning';
  if (status >= 200 && status < 300) return 'success';
  return 'neutral';
}

function meaningOf(status: number): string {
  if (status >= 500) return 'Server error';
  if (status >= 400) return 'Client error';
  if (status >= 200 && status < 300) return 'Success';
  return 'Other';
}

export function ProvisioningLogStatusBadge({ status }: { status: number }) {
  return (
    <Badge tone={toneOf(status)} title={meaningOf(status)}>
      {status}
    </Badge>
  );
}

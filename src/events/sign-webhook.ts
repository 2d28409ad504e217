// Standard Webhooks signatures (https://www.standardwebhooks.com/, "Signature scheme"): HMAC-SHA256 keyed with the
// secret's bytes (base64 after `whsec_`) over `${webhook-id}.${webhook-timestamp}.${body}`, sent base64-encoded as
// `v1,<signature>`. Several signatures are space-separated; a receiver accepts the request when any one matches,
// which is how a rotated secret and its predecessor both work for a while.
import { createHmac } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';

export interface WebhookSignedContent {
  /** The webhook-id header: the event id, the same on every attempt. */
  readonly msgId: string;
  /** The webhook-timestamp header: Unix seconds of this attempt. */
  readonly timestamp: number;
  /** The exact request body. */
  readonly body: string;
}

/** The key bytes of a `whsec_…` secret (the prefix is optional, as in the reference libraries). */
export function webhookSecretBytes(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length === 0) throw new Error('the webhook secret has no key bytes');
  return bytes;
}

/** base64(HMAC-SHA256(key, `${msgId}.${timestamp}.${body}`)), without the `v1,` version prefix. */
export function computeWebhookSignature(secret: string, content: WebhookSignedContent): string {
  return createHmac('sha256', webhookSecretBytes(secret))
    .update(`${content.msgId}.${content.timestamp}.${content.body}`, 'utf8')
    .digest('base64');
}

/** The webhook-signature header value: one `v1,<signature>` per secret, space-separated. */
export function signWebhook(secrets: readonly string[], content: WebhookSignedContent): string {
  if (secrets.length === 0) throw new Error('signWebhook needs at least one secret');
  return secrets.map((secret) => `v1,${computeWebhookSignature(secret, content)}`).join(' ');
}

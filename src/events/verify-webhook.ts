// The receiver's side of Standard Webhooks (https://www.standardwebhooks.com/, "Verifying webhooks"): the check a
// consumer of Muster's webhooks runs, kept here so the tests verify what the worker sends the way a receiver would,
// and so docs/webhooks.md can show the same steps.
import { timingSafeEqual } from 'node:crypto';
import { computeWebhookSignature } from './sign-webhook.js';

/** The spec's suggested tolerance against replays: five minutes either way. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export interface WebhookHeaders {
  readonly 'webhook-id'?: string | undefined;
  readonly 'webhook-timestamp'?: string | undefined;
  readonly 'webhook-signature'?: string | undefined;
}

export type WebhookVerification =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'missing-headers' | 'bad-timestamp' | 'stale' | 'bad-signature' };

/** Checks the headers and the raw body against the endpoint's secret at `nowSeconds` (Unix seconds). */
export function verifyWebhook(
  secret: string,
  headers: WebhookHeaders,
  body: string,
  nowSeconds: number,
  toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS,
): WebhookVerification {
  const msgId = headers['webhook-id'];
  const timestampText = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (msgId === undefined || timestampText === undefined || signatures === undefined) {
    return { ok: false, reason: 'missing-headers' };
  }
  if (!/^\d+$/.test(timestampText)) return { ok: false, reason: 'bad-timestamp' };
  const timestamp = Number(timestampText);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(computeWebhookSignature(secret, { msgId, timestamp, body }), 'base64');
  for (const part of signatures.split(' ')) {
    const comma = part.indexOf(',');
    if (comma < 0 || part.slice(0, comma) !== 'v1') continue;
    const actual = Buffer.from(part.slice(comma + 1), 'base64');
    if (actual.length === expected.length && timingSafeEqual(actual, expected)) return { ok: true };
  }
  return { ok: false, reason: 'bad-signature' };
}

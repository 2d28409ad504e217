import { describe, expect, it } from 'vitest';
import { computeWebhookSignature, signWebhook, webhookSecretBytes } from './sign-webhook.js';
import { verifyWebhook } from './verify-webhook.js';

// The example of the Standard Webhooks reference libraries (libraries/javascript/src/webhook.test.ts, "sign function
// works"): secret, message id, timestamp and body, and the signature they must produce.
const SPEC = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  msgId: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
} as const;

const content = { msgId: SPEC.msgId, timestamp: SPEC.timestamp, body: SPEC.body };
const headers = (signature: string, timestamp: number = SPEC.timestamp) => ({
  'webhook-id': SPEC.msgId,
  'webhook-timestamp': String(timestamp),
  'webhook-signature': signature,
});

describe('signWebhook', () => {
  it('produces the published Standard Webhooks example signature', () => {
    expect(signWebhook([SPEC.secret], content)).toBe(SPEC.signature);
  });

  it('accepts the secret with or without the whsec_ prefix', () => {
    expect(computeWebhookSignature(SPEC.secret.slice('whsec_'.length), content)).toBe(
      SPEC.signature.slice('v1,'.length),
    );
  });

  it('signs with every secret given, space-separated, current first', () => {
    const other = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
    const header = signWebhook([other, SPEC.secret], content);
    expect(header.split(' ')).toEqual([`v1,${computeWebhookSignature(other, content)}`, SPEC.signature]);
  });

  it('refuses a secret without key bytes and an empty secret list', () => {
    expect(() => webhookSecretBytes('whsec_')).toThrow(/no key bytes/);
    expect(() => signWebhook([], content)).toThrow(/at least one secret/);
  });
});

describe('verifyWebhook', () => {
  const now = SPEC.timestamp + 10;

  it('accepts the example, and any one matching signature among several', () => {
    expect(verifyWebhook(SPEC.secret, headers(SPEC.signature), SPEC.body, now)).toEqual({ ok: true });
    const several = `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,abc ${SPEC.signature}`;
    expect(verifyWebhook(SPEC.secret, headers(several), SPEC.body, now)).toEqual({ ok: true });
  });

  it.each([
    ['a changed body', headers(SPEC.signature), '{"test": 2432232315}', 'bad-signature'],
    ['a partial signature', headers(SPEC.signature.slice(0, 8)), SPEC.body, 'bad-signature'],
    ['an empty signature', headers('v1,'), SPEC.body, 'bad-signature'],
    ['a missing id', { ...headers(SPEC.signature), 'webhook-id': undefined }, SPEC.body, 'missing-headers'],
    [
      'a non-numeric timestamp',
      { ...headers(SPEC.signature), 'webhook-timestamp': 'soon' },
      SPEC.body,
      'bad-timestamp',
    ],
  ])('rejects %s', (_name, given, body, reason) => {
    expect(verifyWebhook(SPEC.secret, given, body, now)).toEqual({ ok: false, reason });
  });

  it('rejects another secret', () => {
    const other = 'whsec_' + Buffer.alloc(32, 1).toString('base64');
    expect(verifyWebhook(other, headers(SPEC.signature), SPEC.body, now)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('rejects a timestamp more than five minutes away, either side', () => {
    expect(verifyWebhook(SPEC.secret, headers(SPEC.signature), SPEC.body, SPEC.timestamp + 301).ok).toBe(
      false,
    );
    expect(verifyWebhook(SPEC.secret, headers(SPEC.signature), SPEC.body, SPEC.timestamp - 301).ok).toBe(
      false,
    );
    expect(verifyWebhook(SPEC.secret, headers(SPEC.signature), SPEC.body, SPEC.timestamp + 300).ok).toBe(
      true,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { RESPONSE_EXCERPT_BYTES, sendWebhook, type WebhookFetch } from './send-webhook.js';

const request = { url: 'https://receiver.example/hooks', headers: { 'webhook-id': 'evt_1' }, body: '{}' };

describe('sendWebhook', () => {
  it('posts the body with the headers, without following redirects', async () => {
    let seen: RequestInit | undefined;
    const fetchFn: WebhookFetch = (_url, init) => {
      seen = init;
      return Promise.resolve(new Response('accepted', { status: 202 }));
    };
    const result = await sendWebhook(fetchFn, request, 1000);
    expect(result).toMatchObject({ ok: true, statusCode: 202, error: null, responseExcerpt: 'accepted' });
    expect(seen).toMatchObject({ method: 'POST', body: '{}', redirect: 'manual', headers: request.headers });
    expect(seen?.signal).toBeInstanceOf(AbortSignal);
  });

  it.each([301, 400, 500])('counts a %i response as a failure', async (status) => {
    const fetchFn: WebhookFetch = () => Promise.resolve(new Response(null, { status }));
    expect(await sendWebhook(fetchFn, request, 1000)).toMatchObject({ ok: false, statusCode: status });
  });

  it('keeps at most the first KiB of the response, never cutting a character in half', async () => {
    // 'é' is two bytes in UTF-8: 1023 ASCII bytes leave room for none of it within 1024.
    const text = 'a'.repeat(RESPONSE_EXCERPT_BYTES - 1) + 'é'.repeat(1000);
    const fetchFn: WebhookFetch = () => Promise.resolve(new Response(text, { status: 500 }));
    const { responseExcerpt } = await sendWebhook(fetchFn, request, 1000);
    expect(responseExcerpt).toBe('a'.repeat(RESPONSE_EXCERPT_BYTES - 1));
  });

  it('describes a network error with its system code', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const fetchFn: WebhookFetch = () => Promise.reject(new TypeError('fetch failed', { cause: refused }));
    expect(await sendWebhook(fetchFn, request, 1000)).toMatchObject({
      ok: false,
      statusCode: null,
      error: 'fetch failed (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9)',
    });
  });

  it('reports a timeout as such', async () => {
    const fetchFn: WebhookFetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => {
          const reason: unknown = init.signal?.reason;
          reject(reason instanceof Error ? reason : new Error(String(reason)));
        });
      });
    expect(await sendWebhook(fetchFn, request, 20)).toMatchObject({
      ok: false,
      error: 'timed out after 20 ms',
    });
  });
});

// One HTTP attempt of a delivery: POST the signed body, give up after the timeout, keep what an admin needs to see
// why it failed (status, latency, the start of the response body, the network error). Never throws.
import { performance } from 'node:perf_hooks';

/** The start of a response body that is kept with the attempt. */
export const RESPONSE_EXCERPT_BYTES = 1024;

export type WebhookFetch = (url: string, init: RequestInit) => Promise<Response>;

export interface WebhookRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface WebhookSendResult {
  /** A 2xx response. Redirects are not followed, so a 3xx is a failure too. */
  readonly ok: boolean;
  readonly statusCode: number | null;
  readonly durationMs: number;
  readonly error: string | null;
  readonly responseExcerpt: string | null;
}

/** The first RESPONSE_EXCERPT_BYTES of the body as UTF-8 (never a broken character at the cut); the rest is not read. */
async function readExcerpt(response: Response): Promise<string | null> {
  if (response.body === null) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < RESPONSE_EXCERPT_BYTES) {
      const read = await reader.read();
      const value: unknown = read.value;
      if (read.done || !(value instanceof Uint8Array)) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const bytes = Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES);
  // stream: true holds back an incomplete trailing sequence instead of turning it into U+FFFD.
  return new TextDecoder().decode(bytes, { stream: true });
}

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `timed out after ${timeoutMs} ms`;
  }
  if (error instanceof Error) {
    // fetch() reports network failures as TypeError('fetch failed') with the system error as its cause.
    const cause: unknown = error.cause;
    if (cause instanceof Error) {
      const code = 'code' in cause && typeof cause.code === 'string' ? `${cause.code}: ` : '';
      return `${error.message} (${code}${cause.message})`;
    }
    return error.message;
  }
  return String(error);
}

export async function sendWebhook(
  fetchFn: WebhookFetch,
  request: WebhookRequest,
  timeoutMs: number,
): Promise<WebhookSendResult> {
  const started = performance.now();
  const elapsed = (): number => Math.max(0, Math.round(performance.now() - started));
  try {
    const response = await fetchFn(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const responseExcerpt = await readExcerpt(response).catch(() => null);
    return {
      ok: response.status >= 200 && response.status < 300,
      statusCode: response.status,
      durationMs: elapsed(),
      error: null,
      responseExcerpt,
    };
  } catch (error) {
    return {
      ok: false,
      statusCode: null,
      durationMs: elapsed(),
      error: describeError(error, timeoutMs),
      responseExcerpt: null,
    };
  }
}

import { describe, expect, it } from 'vitest';
import { fetchSamlMetadata } from './fetch-saml-metadata.js';
import { SamlError } from './saml-error.js';

const URL_OF_METADATA = 'https://idp.example.com/app/muster/sso/saml/metadata';
const METADATA =
  '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com"/>';

interface FetchCall {
  readonly url: string;
  readonly init: RequestInit | undefined;
}

/** A fetch answering with `respond()`, recording each call. */
function fakeFetch(respond: () => Response | Promise<Response>) {
  const calls: FetchCall[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    calls.push({ url: input instanceof Request ? input.url : input.toString(), init });
    return respond();
  };
  return { fetchImpl, calls };
}

/** A body streamed as `count` chunks of `size` bytes, noting how many were read and whether it was cancelled. */
function chunkedBody(count: number, size: number) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === count) {
        controller.close();
        return;
      }
      state.pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

/** The SamlError `promise` rejects with; fails the test when it resolves or rejects with something else. */
async function samlErrorOf(promise: Promise<unknown>): Promise<SamlError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SamlError) return error;
    throw error;
  }
  throw new Error('expected a SamlError, but the promise resolved');
}

describe('fetchSamlMetadata', () => {
  it('returns the body of a 200 answer', async () => {
    const fake = fakeFetch(() => new Response(METADATA, { status: 200 }));
    await expect(fetchSamlMetadata(URL_OF_METADATA, fake.fetchImpl)).resolves.toBe(METADATA);
    expect(fake.calls.map((c) => c.url)).toEqual([URL_OF_METADATA]);
  });

  it('asks for metadata XML, without following redirects, with a time limit', async () => {
    const fake = fakeFetch(() => new Response(METADATA, { status: 200 }));
    await fetchSamlMetadata(URL_OF_METADATA, fake.fetchImpl);
    const [call] = fake.calls;
    expect(call?.init?.redirect).toBe('manual');
    expect(new Headers(call?.init?.headers).get('accept')).toContain('application/samlmetadata+xml');
    expect(call?.init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('decodes UTF-8 characters split across chunks', async () => {
    const bytes = new TextEncoder().encode('<md:Organization>Zürich</md:Organization>');
    const split = bytes.indexOf(0xc3) + 1; // between the two bytes of "ü"
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, split));
        controller.enqueue(bytes.slice(split));
        controller.close();
      },
    });
    const fake = fakeFetch(() => new Response(stream, { status: 200 }));
    await expect(fetchSamlMetadata(URL_OF_METADATA, fake.fetchImpl)).resolves.toBe(
      '<md:Organization>Zürich</md:Organization>',
    );
  });

  it('returns a body of exactly 1,000,000 bytes (the largest read)', async () => {
    const body = chunkedBody(4, 250_000);
    const fake = fakeFetch(() => new Response(body.stream, { status: 200 }));
    const xml = await fetchSamlMetadata(URL_OF_METADATA, fake.fetchImpl);
    expect(xml).toHaveLength(1_000_000);
  });

  it('refuses a body over 1,000,000 bytes, and stops reading it', async () => {
    const body = chunkedBody(20, 250_000);
    const fake = fakeFetch(() => new Response(body.stream, { status: 200 }));
    const error = await samlErrorOf(fetchSamlMetadata(URL_OF_METADATA, fake.fetchImpl));
    expect(error.reason).toBe('invalid_metadata');
    expect(error.message).toContain('larger than 1 MB');
    expect(body.state.cancelled).toBe(true);
    expect(body.state.pulled).toBeLessThan(20);
  });

  const redirects: readonly number[] = [301, 302, 303, 307, 308];

  it.each(redirects)('refuses a %i redirect instead of following it', async (status) => {
    const fake = fakeFetch(
      () => new Response(null, { status, headers: { location: 'http://169.254.169.254/latest/meta-data/' } }),
    );
    const error = await samlErrorOf(fetchSamlMetadata(URL_OF_METADATA, fake.fetchImpl));
    expect(error.reason).toBe('invalid_metadata');
    expect(error.message).toContain('redirects');
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.init?.redirect).toBe('manual');
  });

  const failures: readonly number[] = [404, 500];

  it.each(failures)('refuses an HTTP %i answer, naming the status', async (status) => {
    const fake = fakeFetch(() => new Response('<html>Not here</html>', { status }));
    const error = await samlErrorOf(fetchSamlMetadata(URL_OF_METADATA, fake.fetchImpl));
    expect(error.reason).toBe('invalid_metadata');
    expect(error.message).toBe(`The IdP metadata URL answered HTTP ${status}`);
  });

  it('refuses when the fetch itself fails, naming the URL and keeping the cause', async () => {
    const cause = new TypeError('fetch failed');
    const fetchImpl: typeof fetch = () => Promise.reject(cause);
    const error = await samlErrorOf(fetchSamlMetadata(URL_OF_METADATA, fetchImpl));
    expect(error.reason).toBe('invalid_metadata');
    expect(error.message).toContain(URL_OF_METADATA);
    expect(error.cause).toBe(cause);
  });
});

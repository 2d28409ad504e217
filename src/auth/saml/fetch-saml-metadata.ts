// Fetching an IdP's SAML metadata from its URL when an admin gives the URL instead of the XML (Okta's "Identity
// Provider metadata" link, Entra's "App Federation Metadata Url"). Done once when the settings are saved; the XML is
// stored, so sign-in never depends on the IdP's metadata endpoint being up. Redirects are not followed (the caller
// checked the URL's host, not where a redirect would lead), and the body is read up to 1 MB.
import { SamlError } from './saml-error.js';

const MAX_BYTES = 1_000_000;
const TIMEOUT_MS = 10_000;

async function readCapped(response: Response): Promise<string> {
  const reader = (response.body as ReadableStream<Uint8Array> | null)?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BYTES) {
      await reader.cancel();
      throw new SamlError('invalid_metadata', 'The IdP metadata is larger than 1 MB');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function fetchSamlMetadata(url: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' },
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new SamlError('invalid_metadata', `Could not fetch the IdP metadata from ${url}`, { cause: error });
  }
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    throw new SamlError('invalid_metadata', 'The IdP metadata URL redirects: give the URL it redirects to');
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new SamlError('invalid_metadata', `The IdP metadata URL answered HTTP ${response.status}`);
  }
  return readCapped(response);
}

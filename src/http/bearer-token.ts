// RFC 6750 §2.1: the b64token after a case-insensitive "Bearer" scheme, for every surface that takes bearer credentials.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** The credential in an Authorization header value; undefined when the header does not use the Bearer scheme. */
export function bearerTokenOf(header: string): string | undefined {
  return BEARER.exec(header)?.[1];
}

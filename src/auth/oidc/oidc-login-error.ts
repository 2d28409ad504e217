/** Why an OIDC sign-in failed; the sign-in surface maps each to its own page or status. */
export const OIDC_LOGIN_ERROR_REASONS = [
  /** The issuer's discovery document (OIDC Discovery §4) could not be fetched or is not valid. */
  'discovery_failed',
  /** The callback's `state` is not the one this sign-in attempt sent (RFC 6749 §10.12: CSRF). */
  'state_mismatch',
  /** The ID token's `nonce` is not the one this sign-in attempt sent (OIDC Core §3.1.3.7 step 11: replay). */
  'nonce_mismatch',
  /** The IdP answered the authorization request with an error (RFC 6749 §4.1.2.1), or an unacceptable response. */
  'idp_error',
  /** The token endpoint refused the code, the PKCE verifier or the client's credentials, or could not be reached. */
  'token_exchange_failed',
  /** The ID token failed validation (OIDC Core §3.1.3.7): issuer, audience, expiry, signature, format. */
  'invalid_id_token',
  /** The userinfo endpoint (OIDC Core §5.3) failed or answered for another subject. */
  'userinfo_failed',
  /** An `http:` issuer on a host other than loopback. */
  'insecure_issuer',
] as const;

export type OidcLoginErrorReason = (typeof OIDC_LOGIN_ERROR_REASONS)[number];

/** A failed OIDC sign-in; `message` is written for the admin who reads the sign-in error. */
export class OidcLoginError extends Error {
  override readonly name = 'OidcLoginError';
  readonly reason: OidcLoginErrorReason;
  /** The OAuth `error` code the IdP sent (authorization or token endpoint), when it sent one. */
  readonly idpError: string | undefined;
  /** The IdP's `error_description`, when it sent one. */
  readonly idpErrorDescription: string | undefined;

  constructor(
    reason: OidcLoginErrorReason,
    message: string,
    options?: { cause?: unknown; idpError?: string | undefined; idpErrorDescription?: string | undefined },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    this.idpError = options?.idpError;
    this.idpErrorDescription = options?.idpErrorDescription;
  }
}

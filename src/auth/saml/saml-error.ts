/** Why Muster refused an IdP's metadata or a SAML response; the sign-in surface maps each to its own page or status. */
export const SAML_ERROR_REASONS = [
  'invalid_metadata',
  'malformed',
  'unsigned',
  'invalid_signature',
  'expired',
  'not_yet_valid',
  'wrong_audience',
  'wrong_destination',
  'wrong_issuer',
  /** The IdP answered with a StatusCode other than Success (SAML core §3.2.2.2). */
  'failed_status',
] as const;

export type SamlErrorReason = (typeof SAML_ERROR_REASONS)[number];

/** A refused SAML message or metadata document; `message` is written for the admin who reads the sign-in error. */
export class SamlError extends Error {
  override readonly name = 'SamlError';
  readonly reason: SamlErrorReason;

  constructor(reason: SamlErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

// Why an SSO sign-in could not finish before the domain's own checks (sso-sign-in.ts refusals): the organization or
// connection, the pending request, or the IdP's answer. The HTTP layer sends the person back to the sign-in page with
// the reason (never the details, which go to the log).

export type SsoFlowReason =
  | 'unknown_organization'
  | 'not_configured'
  | 'invalid_request'
  | 'expired_request'
  | 'replayed'
  | 'groups_overage'
  | 'idp_error'
  | 'invalid_response';

export class SsoFlowError extends Error {
  readonly reason: SsoFlowReason;

  constructor(reason: SsoFlowReason, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SsoFlowError';
    this.reason = reason;
  }
}

// Why an SSO sign-in did not work, in a sentence for the person who tried: the server sends them back to
// /login?sso_error=<reason>&org=<slug> and keeps the details in its log.

const MESSAGES: Readonly<Record<string, (org: string) => string>> = {
  unknown_organization: (org) =>
    `There is no organization “${org}” here. Check the organization name and try again.`,
  not_configured: () =>
    'Single sign-on is not set up for this organization yet. An admin sets it up in Settings › SSO.',
  invalid_request: () =>
    'This sign-in does not match one started in this browser, or it was used already. Start again from this page.',
  expired_request: () => 'The sign-in took too long and expired. Start again.',
  replayed: () => 'This answer from your identity provider was used already. Start again from this page.',
  groups_overage: () =>
    'Your identity provider reported more groups than fit in the sign-in, and Muster may not look them up. Ask an admin to allow the Microsoft Graph lookup in Settings › SSO.',
  idp_error: () => 'Your identity provider refused or cancelled the sign-in.',
  invalid_response: () =>
    'The answer from your identity provider could not be verified. Ask an admin to check the SSO settings.',
  not_provisioned: () => 'Your identity provider has not provisioned you to this organization yet.',
  deactivated: () => 'Your account was deactivated by your identity provider.',
  ambiguous: () =>
    'More than one user of this organization matches your sign-in, so Muster cannot tell which one is you. Ask an admin to sort it out.',
  unlinked_user_exists: () =>
    'A user with your name exists but is not linked to your identity provider account. Ask an admin to link it.',
  disabled: () => 'Sign-in with your identity provider is turned off for this organization.',
  server_error: () =>
    'Muster could not finish the sign-in because of an error on its side. Try again; if it persists, an admin finds the cause in the server log.',
};

export function ssoErrorMessage(reason: string, org: string): string {
  return (
    MESSAGES[reason]?.(org) ??
    'Signing in through your identity provider did not work. Try again, or ask an admin to look in the server log.'
  );
}

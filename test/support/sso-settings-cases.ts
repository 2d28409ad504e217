// Shared by the sso-settings unit tests (src/domain/sso-settings*.test.ts): minimal valid settings, the two URL
// policies, and the check that a setting is refused as a SCIM invalidValue naming its field.
import { expect } from 'vitest';
import { ScimError } from '../../src/scim/errors.js';
import type { IdpUrlPolicy } from '../../src/domain/sso-settings.js';

export const OIDC_BASE = { issuer: 'https://idp.example.com/realms/acme', clientId: 'muster' };
export const SAML_BASE = { idpMetadataXml: '<EntityDescriptor entityID="https://idp.example.com"/>' };

/** The default: IdPs only over https, Graph only at Microsoft. */
export const PUBLIC_ONLY: IdpUrlPolicy = { allowLocal: false };
/** SSO_ALLOW_LOCAL_IDP=on: development and test IdPs on this machine. */
export const LOCAL_ALLOWED: IdpUrlPolicy = { allowLocal: true };

/** The ScimError `fn` throws; fails the test when it throws nothing or something else. */
export function scimErrorOf(fn: () => unknown): ScimError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError, but nothing was thrown');
}

export function expectInvalidValue(fn: () => unknown, field: string): void {
  const error = scimErrorOf(fn);
  expect(error.status).toBe(400);
  expect(error.scimType).toBe('invalidValue');
  expect(error.message).toContain(field);
}

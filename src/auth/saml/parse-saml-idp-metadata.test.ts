import { describe, expect, it } from 'vitest';
import { parseSamlIdpMetadata } from './parse-saml-idp-metadata.js';
import { SamlError } from './saml-error.js';

// Self-signed P-256 certificates made for these vectors (openssl req -x509 -newkey ec), base64 DER bodies.
const OKTA_CERT = [
  'MIIBjjCCATWgAwIBAgIUZ2kcc0rA1tDITLIJ6WaqFfnbGKYwCgYIKoZIzj0EAwIwHTEbMBkGA1UEAwwSbXVzdGVyLXZlY3Rv',
  'ci1va3RhMB4XDTI2MTEyODE1NTEwNVoXDTM2MTEyNTE1NTEwNVowHTEbMBkGA1UEAwwSbXVzdGVyLXZlY3Rvci1va3RhMFkw',
  'EwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAER0KLCZtmE8hb4MqYDcTQWseY02WIC3vmCvrm1Oy+/YCr13956xePPEAgqmMM+n2K',
  'HF2Rjyatao0I4ub0yKf+HKNTMFEwHQYDVR0OBBYEFN3P3AvR7LKUbWKZNnFP6zxVyCBSMB8GA1UdIwQYMBaAFN3P3AvR7LKU',
  'bWKZNnFP6zxVyCBSMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDRwAwRAIgAzpvO+u3Tgn/bUXGDalHOfeEEc7oh6lw',
  'APo5aKlR6JECIBFoVhH4QV5T7wff60s7xqJehOP1rW/8mMLycWCzX5Kt',
];
const ENTRA_CERT_A = [
  'MIIBlTCCATugAwIBAgIUZyIBAlQXKlkRBtlBDRNO9ACVouowCgYIKoZIzj0EAwIwIDEeMBwGA1UEAwwVbXVzdGVyLXZlY3Rv',
  'ci1lbnRyYS1hMB4XDTI2MTEyODE1NTEwNVoXDTM2MTEyNTE1NTEwNVowIDEeMBwGA1UEAwwVbXVzdGVyLXZlY3Rvci1lbnRy',
  'YS1hMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAELzb02dBgtQp2S3kra2Tase2bxM0mEiQk6LIX0wJcDsTHxb+SS/E3tI16',
  'ylKG+gSPrdFZC/97I+4/EjVAxOBeFqNTMFEwHQYDVR0OBBYEFFd5avp9Lja23wuxHCTfxzqt9LS0MB8GA1UdIwQYMBaAFFd5',
  'avp9Lja23wuxHCTfxzqt9LS0MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIgTtVUqZWFEjmqvAx1muYl9gy3',
  'g0wlqGa0gEJ3rjXknXcCIQDXGO9JXmvoR+8kQwGyXBFN8csyHa+NDJ9+n/okujFrPg==',
].join('');
const ENTRA_CERT_B = [
  'MIIBljCCATugAwIBAgIUKvmS31RHY5UsHHqlmnwjbmQKWlwwCgYIKoZIzj0EAwIwIDEeMBwGA1UEAwwVbXVzdGVyLXZlY3Rv',
  'ci1lbnRyYS1iMB4XDTI2MTEyODE1NTEwNloXDTM2MTEyNTE1NTEwNlowIDEeMBwGA1UEAwwVbXVzdGVyLXZlY3Rvci1lbnRy',
  'YS1iMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEY8pPQdMbKAwvKnuk9hukruaafYi7pJ0BesPrylmQ79Qp4/FvSWYYdQtr',
  'EiXsm+vW0zOxz1HLFtDXX+GZxCfhpaNTMFEwHQYDVR0OBBYEFKfZ+ygVkndYrUTDgKwFhKzOCzWoMB8GA1UdIwQYMBaAFKfZ',
  '+ygVkndYrUTDgKwFhKzOCzWoMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSQAwRgIhAMN67PqFKxHf22hEBWvz+5pQ',
  'kAyz3hpsSCr6Fu7+11ooAiEAl6VodCFxEDMeIoIftdaGi7v7IHOpYKmerolDtddAfRI=',
].join('');
/** Signs the metadata document and its WS-Federation roles in Entra's shape: never an assertion signing key. */
const OTHER_CERT = [
  'MIIBkTCCATegAwIBAgIUBZ8exRqeXsX1ZKNiN//Ag1ZMTKAwCgYIKoZIzj0EAwIwHjEcMBoGA1UEAwwTbXVzdGVyLXZlY3Rv',
  'ci1vdGhlcjAeFw0yNjExMjgxNTUxMDZaFw0zNjExMjUxNTUxMDZaMB4xHDAaBgNVBAMME211c3Rlci12ZWN0b3Itb3RoZXIw',
  'WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATF6etsJAVdPB8QWU5ZTFze2w4rFHPu50afI+B0dHeYxTGQ1jKfTPeNQP98Oji6',
  'Mb5owZ98kWcbNFm/W5XdHLlJo1MwUTAdBgNVHQ4EFgQUbJ8SDv0Qg3UDv2wJnfTivO+o/w4wHwYDVR0jBBgwFoAUbJ8SDv0Q',
  'g3UDv2wJnfTivO+o/w4wDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiAqsHgnQ1fzgRie81KBd1x/MpPiJ4mG',
  'TBXt/90odJnP5QIhAL+14SnnS+mg39PtH0OqBsEvwtLleenHvn1qi07OtoMw',
].join('');

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';

// Okta's app metadata: md: prefix, HTTP-POST listed before HTTP-Redirect; here its certificate is line-wrapped.
const OKTA_METADATA = `<?xml version="1.0" encoding="UTF-8"?><md:EntityDescriptor entityID="http://www.okta.com/exk8d2xq5aBcDeFgH5d7" xmlns:md="${MD}"><md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="${PROTOCOL}"><md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="${DS}"><ds:X509Data><ds:X509Certificate>
    ${OKTA_CERT.join('\n    ')}
</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor><md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</md:NameIDFormat><md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat><md:SingleSignOnService Binding="${POST}" Location="https://example.okta.com/app/example_muster_1/exk8d2xq5aBcDeFgH5d7/sso/saml"/><md:SingleSignOnService Binding="${REDIRECT}" Location="https://example.okta.com/app/example_muster_1/exk8d2xq5aBcDeFgH5d7/sso/saml"/></md:IDPSSODescriptor></md:EntityDescriptor>`;

// Entra ID's federation metadata: default namespace, a document Signature, WS-Federation RoleDescriptors with their own
// KeyDescriptors, then the IDPSSODescriptor (two signing keys during a certificate rollover).
const ENTRA_TENANT = '8d1f2c3a-4b5e-4f60-9a7b-0c1d2e3f4a5b';
const ENTRA_METADATA = `<?xml version="1.0" encoding="utf-8"?><EntityDescriptor ID="_6c2f0f4e-2f5a-4c59-9a43-1f0b8f3c9d11" entityID="https://sts.windows.net/${ENTRA_TENANT}/" xmlns="${MD}"><Signature xmlns="${DS}"><SignedInfo><CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#" /><SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256" /><Reference URI="#_6c2f0f4e-2f5a-4c59-9a43-1f0b8f3c9d11"><Transforms><Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature" /><Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#" /></Transforms><DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256" /><DigestValue>q2W0Yb3CzE7l3Nw1cYl3Z8m5r1dY0fQh7vS7b5cJ2uA=</DigestValue></Reference></SignedInfo><SignatureValue>c2lnbmF0dXJl</SignatureValue><KeyInfo><X509Data><X509Certificate>${OTHER_CERT}</X509Certificate></X509Data></KeyInfo></Signature><RoleDescriptor xsi:type="fed:SecurityTokenServiceType" protocolSupportEnumeration="http://docs.oasis-open.org/wsfed/federation/200706" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:fed="http://docs.oasis-open.org/wsfed/federation/200706"><KeyDescriptor use="signing"><KeyInfo xmlns="${DS}"><X509Data><X509Certificate>${OTHER_CERT}</X509Certificate></X509Data></KeyInfo></KeyDescriptor><fed:ClaimTypesOffered><auth:ClaimType Uri="http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name" xmlns:auth="http://docs.oasis-open.org/wsfed/authorization/200706"><auth:DisplayName>Name</auth:DisplayName></auth:ClaimType></fed:ClaimTypesOffered><fed:PassiveRequestorEndpoint><wsa:EndpointReference xmlns:wsa="http://www.w3.org/2005/08/addressing"><wsa:Address>https://login.microsoftonline.com/${ENTRA_TENANT}/wsfed</wsa:Address></wsa:EndpointReference></fed:PassiveRequestorEndpoint></RoleDescriptor><RoleDescriptor xsi:type="fed:ApplicationServiceType" protocolSupportEnumeration="http://docs.oasis-open.org/wsfed/federation/200706" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:fed="http://docs.oasis-open.org/wsfed/federation/200706"><KeyDescriptor use="signing"><KeyInfo xmlns="${DS}"><X509Data><X509Certificate>${OTHER_CERT}</X509Certificate></X509Data></KeyInfo></KeyDescriptor><fed:TargetScopes><wsa:EndpointReference xmlns:wsa="http://www.w3.org/2005/08/addressing"><wsa:Address>https://sts.windows.net/${ENTRA_TENANT}/</wsa:Address></wsa:EndpointReference></fed:TargetScopes></RoleDescriptor><IDPSSODescriptor protocolSupportEnumeration="${PROTOCOL}"><KeyDescriptor use="signing"><KeyInfo xmlns="${DS}"><X509Data><X509Certificate>${ENTRA_CERT_A}</X509Certificate></X509Data></KeyInfo></KeyDescriptor><KeyDescriptor use="signing"><KeyInfo xmlns="${DS}"><X509Data><X509Certificate>${ENTRA_CERT_B}</X509Certificate></X509Data></KeyInfo></KeyDescriptor><SingleLogoutService Binding="${REDIRECT}" Location="https://login.microsoftonline.com/${ENTRA_TENANT}/saml2" /><SingleSignOnService Binding="${REDIRECT}" Location="https://login.microsoftonline.com/${ENTRA_TENANT}/saml2" /><SingleSignOnService Binding="${POST}" Location="https://login.microsoftonline.com/${ENTRA_TENANT}/saml2" /></IDPSSODescriptor></EntityDescriptor>`;

/** A minimal IdP entity: `inner` is the IDPSSODescriptor's content. */
function entity(entityId: string, inner: string, protocols = PROTOCOL): string {
  return `<md:EntityDescriptor xmlns:md="${MD}" xmlns:ds="${DS}" entityID="${entityId}"><md:IDPSSODescriptor protocolSupportEnumeration="${protocols}">${inner}</md:IDPSSODescriptor></md:EntityDescriptor>`;
}

function key(cert: string, use?: string): string {
  const attribute = use === undefined ? '' : ` use="${use}"`;
  return `<md:KeyDescriptor${attribute}><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
}

function sso(binding: string, location: string): string {
  return `<md:SingleSignOnService Binding="${binding}" Location="${location}"/>`;
}

function refusal(xml: string): SamlError {
  try {
    parseSamlIdpMetadata(xml);
  } catch (error) {
    if (error instanceof SamlError) return error;
    throw error;
  }
  throw new Error('parseSamlIdpMetadata accepted the metadata');
}

describe('parseSamlIdpMetadata', () => {
  it("reads Okta's metadata shape, removing the whitespace of a wrapped certificate", () => {
    expect(parseSamlIdpMetadata(OKTA_METADATA)).toEqual({
      entityId: 'http://www.okta.com/exk8d2xq5aBcDeFgH5d7',
      ssoUrl: 'https://example.okta.com/app/example_muster_1/exk8d2xq5aBcDeFgH5d7/sso/saml',
      certificates: [OKTA_CERT.join('')],
    });
  });

  it("reads Entra ID's shape: only the IDPSSODescriptor's keys, not the document signature's or the WS-Fed roles'", () => {
    expect(parseSamlIdpMetadata(ENTRA_METADATA)).toEqual({
      entityId: `https://sts.windows.net/${ENTRA_TENANT}/`,
      ssoUrl: `https://login.microsoftonline.com/${ENTRA_TENANT}/saml2`,
      certificates: [ENTRA_CERT_A, ENTRA_CERT_B],
    });
  });

  it.each([
    {
      name: 'HTTP-Redirect is preferred to HTTP-POST, whatever their order',
      inner:
        key(ENTRA_CERT_A, 'signing') +
        sso(POST, 'https://idp.test/post') +
        sso(REDIRECT, 'https://idp.test/redirect'),
      ssoUrl: 'https://idp.test/redirect',
      certificates: [ENTRA_CERT_A],
    },
    {
      name: 'HTTP-POST serves when there is no HTTP-Redirect',
      inner:
        key(ENTRA_CERT_A, 'signing') +
        sso('urn:oasis:names:tc:SAML:2.0:bindings:SOAP', 'https://idp.test/soap') +
        sso(POST, 'https://idp.test/post'),
      ssoUrl: 'https://idp.test/post',
      certificates: [ENTRA_CERT_A],
    },
    {
      name: 'a KeyDescriptor without use signs too; an encryption one does not',
      inner: key(ENTRA_CERT_A) + key(ENTRA_CERT_B, 'encryption') + sso(REDIRECT, 'https://idp.test/sso'),
      ssoUrl: 'https://idp.test/sso',
      certificates: [ENTRA_CERT_A],
    },
    {
      name: 'the same certificate listed twice is kept once',
      inner: key(ENTRA_CERT_A, 'signing') + key(ENTRA_CERT_A) + sso(REDIRECT, 'https://idp.test/sso'),
      ssoUrl: 'https://idp.test/sso',
      certificates: [ENTRA_CERT_A],
    },
  ])('$name', ({ inner, ssoUrl, certificates }) => {
    expect(parseSamlIdpMetadata(entity('https://idp.test/entity', inner))).toEqual({
      entityId: 'https://idp.test/entity',
      ssoUrl,
      certificates,
    });
  });

  it('reads the first IdP entity of an EntitiesDescriptor, past an SP entity', () => {
    const sp = `<md:EntityDescriptor entityID="https://sp.test/"><md:SPSSODescriptor protocolSupportEnumeration="${PROTOCOL}"/></md:EntityDescriptor>`;
    const first = entity(
      'https://idp.test/first',
      key(ENTRA_CERT_A, 'signing') + sso(REDIRECT, 'https://idp.test/1'),
    );
    const second = entity(
      'https://idp.test/second',
      key(ENTRA_CERT_B, 'signing') + sso(REDIRECT, 'https://idp.test/2'),
    );
    const xml = `<md:EntitiesDescriptor xmlns:md="${MD}">${sp}${first}${second}</md:EntitiesDescriptor>`;
    expect(parseSamlIdpMetadata(xml)).toEqual({
      entityId: 'https://idp.test/first',
      ssoUrl: 'https://idp.test/1',
      certificates: [ENTRA_CERT_A],
    });
  });

  const BILLION_LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>${entity('&lol3;', key(ENTRA_CERT_A) + sso(REDIRECT, 'https://idp.test/sso'))}`;
  const XXE = `<?xml version="1.0"?><!DOCTYPE md [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${entity('&xxe;', key(ENTRA_CERT_A) + sso(REDIRECT, 'https://idp.test/sso'))}`;

  it.each([
    { name: 'a DOCTYPE with nested entities (billion laughs)', xml: BILLION_LAUGHS, says: /DOCTYPE/ },
    { name: 'a DOCTYPE naming an external entity (XXE)', xml: XXE, says: /DOCTYPE/ },
    {
      name: 'no SingleSignOnService with a usable binding',
      xml: entity(
        'https://idp.test/',
        key(ENTRA_CERT_A) + sso('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact', 'https://idp.test/a'),
      ),
      says: /no SingleSignOnService with the HTTP-Redirect or HTTP-POST binding/,
    },
    {
      name: 'a SingleSignOnService without an http(s) Location',
      xml: entity('https://idp.test/', key(ENTRA_CERT_A) + sso(REDIRECT, 'javascript:alert(1)')),
      says: /has no http\(s\) Location/,
    },
    {
      name: 'no signing certificate',
      xml: entity(
        'https://idp.test/',
        key(ENTRA_CERT_A, 'encryption') + sso(REDIRECT, 'https://idp.test/sso'),
      ),
      says: /no signing certificate/,
    },
    {
      name: 'a certificate that is not DER',
      xml: entity(
        'https://idp.test/',
        key('bm90IGEgY2VydGlmaWNhdGU=') + sso(REDIRECT, 'https://idp.test/sso'),
      ),
      says: /not a base64 DER certificate/,
    },
    {
      name: 'no entityID',
      xml: entity('', key(ENTRA_CERT_A) + sso(REDIRECT, 'https://idp.test/sso')),
      says: /has no entityID/,
    },
    {
      name: 'no IDPSSODescriptor for SAML 2.0',
      xml: entity(
        'https://idp.test/',
        key(ENTRA_CERT_A) + sso(REDIRECT, 'https://idp.test/sso'),
        'urn:oasis:names:tc:SAML:1.1:protocol',
      ),
      says: /no IDPSSODescriptor supporting urn:oasis:names:tc:SAML:2.0:protocol/,
    },
    {
      name: 'an EntitiesDescriptor without an IdP',
      xml: `<md:EntitiesDescriptor xmlns:md="${MD}"><md:EntityDescriptor entityID="https://sp.test/"><md:SPSSODescriptor protocolSupportEnumeration="${PROTOCOL}"/></md:EntityDescriptor></md:EntitiesDescriptor>`,
      says: /none of the EntityDescriptors/,
    },
    {
      name: 'another root element',
      xml: '<html><body>Sign in</body></html>',
      says: /root element is <html>/,
    },
    {
      name: 'XML that is not well-formed',
      xml: `<md:EntityDescriptor xmlns:md="${MD}" a="1" a="2"/>`,
      says: /not well-formed/,
    },
    { name: 'an empty document', xml: '  ', says: /empty/ },
  ])('refuses $name', ({ xml, says }) => {
    const error = refusal(xml);
    expect(error.reason).toBe('invalid_metadata');
    expect(error.message).toMatch(says);
  });
});

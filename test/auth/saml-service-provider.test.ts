import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  childElements,
  parseSamlIdpMetadata,
  parseSamlXml,
  type SamlXmlElement,
} from '../../src/auth/saml/parse-saml-idp-metadata.js';
import { SamlError, type SamlErrorReason } from '../../src/auth/saml/saml-error.js';
import {
  buildSamlSpMetadata,
  createSamlAuthnRequest,
  validateSamlResponse,
  type SamlSpSettings,
} from '../../src/auth/saml/saml-service-provider.js';
import { startSamlIdp, type SamlResponseOptions, type TestSamlIdp } from '../support/saml-idp.js';

const SP_ENTITY_ID = 'https://muster.example.test/auth/saml/metadata';
const ACS_URL = 'https://muster.example.test/auth/saml/acs';
const PROTOCOL_NS = 'urn:oasis:names:tc:SAML:2.0:protocol';
const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
const METADATA_NS = 'urn:oasis:names:tc:SAML:2.0:metadata';
const MINUTE = 60_000;

let idp: TestSamlIdp;
let settings: SamlSpSettings;

beforeAll(async () => {
  idp = await startSamlIdp();
  settings = {
    spEntityId: SP_ENTITY_ID,
    acsUrl: ACS_URL,
    idp: parseSamlIdpMetadata(idp.metadataXml),
    clockSkewMs: MINUTE,
  };
});

afterAll(async () => {
  await idp.close();
});

const ADA = {
  nameId: 'ada.lovelace@example.com',
  email: 'ada.lovelace@example.com',
  groups: ['Engineering'],
};

function respond(options: Partial<SamlResponseOptions> = {}): string {
  return idp.buildResponse({ acsUrl: ACS_URL, audience: SP_ENTITY_ID, user: ADA, ...options });
}

async function refusal(samlResponse: string): Promise<SamlError> {
  try {
    await validateSamlResponse(settings, samlResponse);
  } catch (error) {
    if (error instanceof SamlError) return error;
    throw error;
  }
  throw new Error('validateSamlResponse accepted the response');
}

/** Replaces exactly one occurrence, so that a tampering which no longer matches fails the test instead of passing. */
function replaceOnce(xml: string, from: string, to: string): string {
  const at = xml.indexOf(from);
  if (at === -1 || xml.indexOf(from, at + 1) !== -1)
    throw new Error(`expected one "${from}" in the response`);
  return xml.slice(0, at) + to + xml.slice(at + from.length);
}

function signedAssertionOf(xml: string): string {
  const assertion = /<saml:Assertion [\s\S]*<\/saml:Assertion>/.exec(xml)?.[0];
  if (assertion?.includes('<ds:Signature') !== true) throw new Error('expected a signed assertion');
  return assertion;
}

/** The assertion made out for Mallory instead of Ada, its signature kept. */
function forged(assertion: string): string {
  return assertion.replaceAll('ada.lovelace@example.com', 'mallory@example.com');
}

function withoutSignature(assertion: string): string {
  return assertion.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '');
}

function decodeXml(samlResponse: string): string {
  return Buffer.from(samlResponse, 'base64').toString('utf8');
}

function child(parent: SamlXmlElement, namespace: string, localName: string): SamlXmlElement {
  const element = childElements(parent, namespace, localName)[0];
  if (element === undefined) throw new Error(`no ${localName} under ${parent.localName}`);
  return element;
}

describe('validateSamlResponse', () => {
  it('accepts a signed assertion and returns every field of it', async () => {
    const subjectNotOnOrAfter = new Date(Date.now() + 3 * MINUTE);
    const samlResponse = respond({
      inResponseTo: '_request-1',
      assertionId: '_assertion-1',
      subjectNotOnOrAfter,
      notOnOrAfter: new Date(Date.now() + 5 * MINUTE),
      user: {
        nameId: 'grace.hopper@example.com',
        email: 'grace.hopper@example.com',
        groups: ['Engineering', 'On-call'],
        attributes: { displayName: ['Grace Hopper'], department: ['Compilers'] },
      },
    });
    const sessionIndex = /SessionIndex="([^"]+)"/.exec(decodeXml(samlResponse))?.[1];
    expect(sessionIndex).toMatch(/^_[0-9a-f]{32}$/);

    expect(await validateSamlResponse(settings, samlResponse)).toEqual({
      issuer: idp.entityId,
      nameId: 'grace.hopper@example.com',
      nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      assertionId: '_assertion-1',
      inResponseTo: '_request-1',
      notOnOrAfter: subjectNotOnOrAfter.toISOString(),
      sessionIndex,
      attributes: {
        displayName: ['Grace Hopper'],
        department: ['Compilers'],
        email: ['grace.hopper@example.com'],
        groups: ['Engineering', 'On-call'],
      },
    });
  });

  it('takes the Conditions NotOnOrAfter when it comes before the SubjectConfirmationData one', async () => {
    const notOnOrAfter = new Date(Date.now() + 2 * MINUTE);
    const samlResponse = respond({ notOnOrAfter, subjectNotOnOrAfter: new Date(Date.now() + 4 * MINUTE) });
    expect((await validateSamlResponse(settings, samlResponse)).notOnOrAfter).toBe(
      notOnOrAfter.toISOString(),
    );
  });

  it('accepts an IdP-initiated response (no InResponseTo) and a Response signed as well as its assertion', async () => {
    const assertion = await validateSamlResponse(settings, respond({ inResponseTo: null, signing: 'both' }));
    expect(assertion.inResponseTo).toBeNull();
    expect(assertion.nameId).toBe('ada.lovelace@example.com');
  });

  it('reads InResponseTo from the signed assertion only, never from an unsigned Response element', async () => {
    const unsolicited = decodeXml(respond({ inResponseTo: null }));
    // Added after signing on the Response, which only the assertion's signature does not cover.
    const claimed = unsolicited.replace(
      '<samlp:Response ',
      '<samlp:Response InResponseTo="_request-of-ours" ',
    );
    expect(claimed).not.toBe(unsolicited);
    const assertion = await validateSamlResponse(settings, Buffer.from(claimed).toString('base64'));
    expect(assertion.inResponseTo).toBeNull();
  });

  it('refuses a bearer confirmation without Recipient (SAML profiles §4.1.4.2)', async () => {
    const samlResponse = respond({ recipient: null });
    expect(decodeXml(samlResponse)).not.toContain('Recipient=');
    await expect(validateSamlResponse(settings, samlResponse)).rejects.toMatchObject({
      reason: 'malformed',
      message: expect.stringContaining('Recipient') as unknown,
    });
  });

  it('accepts a Response without Destination (SAML core §3.2.2: optional when the Response is unsigned)', async () => {
    const assertion = await validateSamlResponse(settings, respond({ destination: null }));
    expect(assertion.nameId).toBe('ada.lovelace@example.com');
  });

  it('reads the whole NameID when a comment was slipped into it after signing (CVE-2017-11428)', async () => {
    const samlResponse = respond({
      user: { nameId: 'ada.lovelace@example.com.evil.test' },
      tamper: (xml) =>
        replaceOnce(
          xml,
          '>ada.lovelace@example.com.evil.test<',
          '>ada.lovelace@example.com<!---->.evil.test<',
        ),
    });
    expect((await validateSamlResponse(settings, samlResponse)).nameId).toBe(
      'ada.lovelace@example.com.evil.test',
    );
  });

  it('accepts an assertion that expired within the clock skew', async () => {
    const samlResponse = respond({
      issueInstant: new Date(Date.now() - 5 * MINUTE),
      notOnOrAfter: new Date(Date.now() - 30_000),
    });
    expect((await validateSamlResponse(settings, samlResponse)).nameId).toBe('ada.lovelace@example.com');
  });

  it('accepts an assertion whose NotBefore is ahead of the clock by less than the skew', async () => {
    const samlResponse = respond({ notBefore: new Date(Date.now() + 30_000) });
    expect((await validateSamlResponse(settings, samlResponse)).nameId).toBe('ada.lovelace@example.com');
  });

  const FAR_PAST = {
    issueInstant: () => new Date(Date.now() - 10 * MINUTE),
    end: () => new Date(Date.now() - 5 * MINUTE),
  };

  it.each<{
    name: string;
    options: () => Partial<SamlResponseOptions>;
    reason: SamlErrorReason;
    says: RegExp;
  }>([
    {
      name: 'an unsigned assertion',
      options: () => ({ signing: 'none' }),
      reason: 'unsigned',
      says: /assertion is not signed/,
    },
    {
      name: 'a signed Response around an unsigned assertion',
      options: () => ({ signing: 'response' }),
      reason: 'unsigned',
      says: /signed the SAML Response but not the assertion/,
    },
    {
      name: 'an assertion signed with a key not in the metadata',
      options: () => ({ signWithOtherKey: true }),
      reason: 'invalid_signature',
      says: /does not verify against the IdP's certificates: it was changed after signing, or signed with a key/,
    },
    {
      name: 'a NameID changed after signing',
      options: () => ({
        tamper: (xml) =>
          replaceOnce(xml, '>ada.lovelace@example.com</saml:NameID>', '>mallory@example.com</saml:NameID>'),
      }),
      reason: 'invalid_signature',
      says: /does not verify/,
    },
    {
      name: 'an attribute value changed after signing',
      options: () => ({ tamper: (xml) => replaceOnce(xml, '>Engineering<', '>Administrators<') }),
      reason: 'invalid_signature',
      says: /does not verify/,
    },
    {
      name: 'an assertion past its Conditions NotOnOrAfter beyond the skew',
      options: () => ({ issueInstant: FAR_PAST.issueInstant(), notOnOrAfter: FAR_PAST.end() }),
      reason: 'expired',
      says: /^The SAML assertion expired at \d{4}-\d\d-\d\dT[\d:.]+Z \(clock skew allowed: 60 s\)\.$/,
    },
    {
      name: 'an assertion past its SubjectConfirmationData NotOnOrAfter, its Conditions still valid',
      options: () => ({ subjectNotOnOrAfter: FAR_PAST.end() }),
      reason: 'expired',
      says: /expired at .* \(clock skew allowed: 60 s\)/,
    },
    {
      name: 'an assertion not valid before a time beyond the skew',
      options: () => ({ notBefore: new Date(Date.now() + 5 * MINUTE) }),
      reason: 'not_yet_valid',
      says: /not valid before .* \(clock skew allowed: 60 s\)/,
    },
    {
      name: 'an assertion for another audience',
      options: () => ({ audience: 'https://another-sp.example.test/' }),
      reason: 'wrong_audience',
      says: /audience "https:\/\/another-sp\.example\.test\/", not Muster's entity id "https:\/\/muster\.example\.test\/auth\/saml\/metadata"/,
    },
    {
      name: 'a Response sent to another ACS URL',
      options: () => ({ acsUrl: 'https://elsewhere.example.test/acs' }),
      reason: 'wrong_destination',
      says: /Destination is "https:\/\/elsewhere\.example\.test\/acs", not Muster's ACS URL/,
    },
    {
      name: 'a bearer confirmation for another Recipient',
      options: () => ({ acsUrl: 'https://elsewhere.example.test/acs', destination: ACS_URL }),
      reason: 'wrong_destination',
      says: /Recipient is "https:\/\/elsewhere\.example\.test\/acs"/,
    },
    {
      name: 'an assertion from another issuer, signed with the right key',
      options: () => ({ issuer: 'https://impostor.example.test/' }),
      reason: 'wrong_issuer',
      says: /issuer "https:\/\/impostor\.example\.test\/", not the configured IdP/,
    },
    {
      name: 'a Responder status',
      options: () => ({ status: 'urn:oasis:names:tc:SAML:2.0:status:Responder' }),
      reason: 'failed_status',
      says: /did not sign the user in \(status urn:oasis:names:tc:SAML:2.0:status:Responder\)/,
    },
    {
      name: 'a Response whose InResponseTo differs from its assertion',
      options: () => ({
        inResponseTo: '_request-1',
        tamper: (xml) =>
          replaceOnce(
            xml,
            `${ACS_URL}" InResponseTo="_request-1">`,
            `${ACS_URL}" InResponseTo="_request-2">`,
          ),
      }),
      reason: 'malformed',
      says: /answers request _request-2 but its assertion answers _request-1/,
    },
    {
      name: 'a DOCTYPE',
      options: () => ({ tamper: (xml) => `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e "x">]>${xml}` }),
      reason: 'malformed',
      says: /DOCTYPE/,
    },
  ])('refuses $name', async ({ options, reason, says }) => {
    const error = await refusal(respond(options()));
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(says);
  });

  describe('signature wrapping', () => {
    it.each<{
      name: string;
      wrap: (xml: string, signed: string) => string;
      reason: SamlErrorReason;
      says: RegExp;
    }>([
      {
        name: 'a second, unsigned assertion inserted before the signed one',
        wrap: (xml, signed) => replaceOnce(xml, signed, withoutSignature(forged(signed)) + signed),
        reason: 'invalid_signature',
        says: /signature-wrapping/,
      },
      {
        name: 'the signed assertion moved into Extensions, a forged copy with its ID and signature in its place',
        wrap: (xml, signed) =>
          replaceOnce(
            replaceOnce(xml, signed, forged(signed)),
            '<samlp:Status>',
            `<samlp:Extensions>${signed}</samlp:Extensions><samlp:Status>`,
          ),
        reason: 'invalid_signature',
        says: /signature-wrapping/,
      },
      {
        name: 'the signed assertion moved into Extensions, a forged copy under a new ID keeping its signature',
        wrap: (xml, signed) => {
          const id = /^<saml:Assertion [^>]*ID="([^"]+)"/.exec(signed)?.[1] ?? '';
          const copy = replaceOnce(forged(signed), `ID="${id}"`, 'ID="_forged"');
          return replaceOnce(
            replaceOnce(xml, signed, copy),
            '<samlp:Status>',
            `<samlp:Extensions>${signed}</samlp:Extensions><samlp:Status>`,
          );
        },
        reason: 'invalid_signature',
        says: /signature-wrapping/,
      },
      {
        name: 'the signed assertion nested inside an unsigned forged one',
        wrap: (xml, signed) => {
          const outer = withoutSignature(forged(signed)).replace(/ ID="[^"]+"/, ' ID="_outer"');
          return replaceOnce(xml, signed, outer.replace('</saml:Assertion>', `${signed}</saml:Assertion>`));
        },
        reason: 'unsigned',
        says: /assertion is not signed/,
      },
    ])('refuses $name', async ({ wrap, reason, says }) => {
      const samlResponse = respond({ tamper: (xml) => wrap(xml, signedAssertionOf(xml)) });
      expect(decodeXml(samlResponse)).toContain('mallory@example.com');
      const error = await refusal(samlResponse);
      expect(error.reason).toBe(reason);
      expect(error.message).toMatch(says);
    });
  });

  it.each([
    { name: 'a field that is not base64', samlResponse: 'not base64!', says: /not base64/ },
    {
      name: 'base64 that is not XML',
      samlResponse: Buffer.from('hello').toString('base64'),
      says: /well-formed/,
    },
    {
      name: 'XML that is not a samlp:Response',
      samlResponse: Buffer.from(`<samlp:AuthnRequest xmlns:samlp="${PROTOCOL_NS}"/>`).toString('base64'),
      says: /not a samlp:Response/,
    },
    {
      name: 'a successful Response without an assertion',
      samlResponse: Buffer.from(
        `<samlp:Response xmlns:samlp="${PROTOCOL_NS}"><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:Response>`,
      ).toString('base64'),
      says: /holds no Assertion/,
    },
  ])('refuses $name as malformed', async ({ samlResponse, says }) => {
    const error = await refusal(samlResponse);
    expect(error.reason).toBe('malformed');
    expect(error.message).toMatch(says);
  });

  it('refuses a clock skew outside 0…5 minutes before reading anything', async () => {
    const samlResponse = respond();
    for (const clockSkewMs of [-1, 5 * MINUTE + 1, Number.NaN]) {
      await expect(validateSamlResponse({ ...settings, clockSkewMs }, samlResponse)).rejects.toThrow(
        RangeError,
      );
    }
  });
});

describe('createSamlAuthnRequest', () => {
  it('redirects to the IdP with a deflated AuthnRequest whose ID is the request id', async () => {
    const request = await createSamlAuthnRequest(settings, 'relay-1');
    const url = new URL(request.url);
    expect(`${url.origin}${url.pathname}`).toBe(idp.ssoUrl);
    expect(url.searchParams.get('RelayState')).toBe('relay-1');

    const xml = inflateRawSync(Buffer.from(url.searchParams.get('SAMLRequest') ?? '', 'base64')).toString(
      'utf8',
    );
    const root = parseSamlXml(xml, (problem) => new SamlError('malformed', problem));
    expect([root.namespaceURI, root.localName]).toEqual([PROTOCOL_NS, 'AuthnRequest']);
    expect(request.requestId).toMatch(/^_[0-9a-f]{40}$/);
    expect(root.getAttribute('ID')).toBe(request.requestId);
    expect(root.getAttribute('AssertionConsumerServiceURL')).toBe(ACS_URL);
    expect(root.getAttribute('ProtocolBinding')).toBe('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST');
    expect(root.getAttribute('Destination')).toBe(idp.ssoUrl);
    expect(child(root, ASSERTION_NS, 'Issuer').textContent).toBe(SP_ENTITY_ID);
    // No RequestedAuthnContext: the IdP's own policy (MFA, passwordless) decides how the user signs in.
    expect(childElements(root, PROTOCOL_NS, 'RequestedAuthnContext')).toEqual([]);

    expect((await createSamlAuthnRequest(settings, 'relay-1')).requestId).not.toBe(request.requestId);
  });

  it("is answered by the test IdP's auto-submitting form with a response Muster accepts", async () => {
    idp.setUser({ nameId: 'linus@example.com', email: 'linus@example.com', groups: ['Kernel'] });
    const request = await createSamlAuthnRequest(settings, 'relay-2');
    const page = await (await fetch(request.url)).text();
    expect(page).toContain('<title>Test SAML IdP</title>');
    expect(page).toContain(`<form method="post" action="${ACS_URL}">`);
    expect(page).toContain('<button type="submit">Continue</button>');
    expect(page).toContain('document.forms[0].submit()');
    expect(page).toContain('<input type="hidden" name="RelayState" value="relay-2">');

    const samlResponse = /name="SAMLResponse" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const assertion = await validateSamlResponse(settings, samlResponse);
    expect(assertion).toMatchObject({ nameId: 'linus@example.com', inResponseTo: request.requestId });
    expect(assertion.attributes).toEqual({ email: ['linus@example.com'], groups: ['Kernel'] });
  });

  it('refuses a RelayState over the 80 bytes SAML bindings §3.4.3 allow', async () => {
    await expect(createSamlAuthnRequest(settings, 'r'.repeat(81))).rejects.toThrow(RangeError);
  });
});

describe('buildSamlSpMetadata', () => {
  it('names the entity id and the HTTP-POST AssertionConsumerService, and asks for signed assertions', () => {
    const root = parseSamlXml(
      buildSamlSpMetadata({ spEntityId: SP_ENTITY_ID, acsUrl: ACS_URL }),
      (problem) => new SamlError('invalid_metadata', problem),
    );
    expect([root.namespaceURI, root.localName]).toEqual([METADATA_NS, 'EntityDescriptor']);
    expect(root.getAttribute('entityID')).toBe(SP_ENTITY_ID);
    const sp = child(root, METADATA_NS, 'SPSSODescriptor');
    expect(sp.getAttribute('WantAssertionsSigned')).toBe('true');
    expect(sp.getAttribute('protocolSupportEnumeration')).toBe(PROTOCOL_NS);
    const acs = child(sp, METADATA_NS, 'AssertionConsumerService');
    expect(acs.getAttribute('Binding')).toBe('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST');
    expect(acs.getAttribute('Location')).toBe(ACS_URL);
  });
});

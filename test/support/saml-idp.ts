// A SAML 2.0 IdP on 127.0.0.1 for Muster's SAML sign-in tests. Its key pair is made per start with openssl; it signs
// with xml-crypto (RSA-SHA256, exclusive c14n, enveloped signature after the Issuer as SAML core §5.4.1 and the schema
// place it). GET /sso answers an AuthnRequest (HTTP-Redirect binding) with an auto-submitting HTTP-POST form, as
// Okta and Entra ID do; buildResponse makes any Response, valid or not, for the negative tests.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { SignedXml } from 'xml-crypto';
import { SamlError } from '../../src/auth/saml/saml-error.js';
import { parseSamlXml } from '../../src/auth/saml/parse-saml-idp-metadata.js';

export interface SamlTestUser {
  nameId: string;
  email?: string;
  groups?: string[];
  attributes?: Record<string, string[]>;
}

export interface SamlResponseOptions {
  acsUrl: string;
  audience: string;
  inResponseTo?: string | null;
  user?: SamlTestUser;
  issueInstant?: Date;
  notBefore?: Date;
  notOnOrAfter?: Date;
  /** SubjectConfirmationData@NotOnOrAfter; `notOnOrAfter` when absent. */
  subjectNotOnOrAfter?: Date;
  /** Response@Destination; `acsUrl` when absent, left out when null. */
  destination?: string | null;
  /** SubjectConfirmationData@Recipient; `acsUrl` when absent, left out when null. */
  recipient?: string | null;
  assertionId?: string;
  issuer?: string;
  signing?: 'assertion' | 'response' | 'both' | 'none';
  signWithOtherKey?: boolean;
  /** Applied to the XML after signing. */
  tamper?: (xml: string) => string;
  /** A top-level StatusCode other than Success leaves the assertion out. */
  status?: string;
}

export interface TestSamlIdp {
  readonly entityId: string;
  readonly ssoUrl: string;
  readonly metadataUrl: string;
  readonly metadataXml: string;
  readonly certificatePem: string;
  /** Who the next /sso request signs in as. */
  setUser(user: SamlTestUser): void;
  /** A base64 SAMLResponse; every field overridable for negative tests. */
  buildResponse(options: SamlResponseOptions): string;
  close(): Promise<void>;
}

const PROTOCOL_NS = 'urn:oasis:names:tc:SAML:2.0:protocol';
const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
const STATUS_SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';

/** `registered`: the SP's ACS URL and entity id, for an AuthnRequest that names neither. */
export async function startSamlIdp(
  registered: { acsUrl?: string; spEntityId?: string } = {},
): Promise<TestSamlIdp> {
  const keys = generateKeys();
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const entityId = `${origin}/idp`;
  const ssoUrl = `${origin}/sso`;
  const metadataXml = idpMetadata(entityId, ssoUrl, pemBody(keys.signing.certPem));
  let currentUser: SamlTestUser = { nameId: 'ada.lovelace@example.com', email: 'ada.lovelace@example.com' };

  const buildResponse = (options: SamlResponseOptions): string => {
    const pair = options.signWithOtherKey === true ? keys.other : keys.signing;
    let xml = responseXml(entityId, options, options.user ?? currentUser);
    const signing = options.signing ?? 'assertion';
    const assertion = "/*[local-name(.)='Response']/*[local-name(.)='Assertion']";
    if ((signing === 'assertion' || signing === 'both') && xml.includes('<saml:Assertion ')) {
      xml = sign(xml, assertion, pair);
    }
    if (signing === 'response' || signing === 'both') xml = sign(xml, "/*[local-name(.)='Response']", pair);
    return Buffer.from(options.tamper ? options.tamper(xml) : xml, 'utf8').toString('base64');
  };

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', origin);
    if (request.method === 'GET' && url.pathname === '/metadata') {
      response.writeHead(200, { 'content-type': 'application/samlmetadata+xml' }).end(metadataXml);
      return;
    }
    if (request.method === 'GET' && url.pathname === '/sso') {
      const authnRequest = readAuthnRequest(url.searchParams.get('SAMLRequest'));
      const acsUrl = authnRequest?.acsUrl ?? registered.acsUrl;
      const audience = authnRequest?.issuer ?? registered.spEntityId;
      if (authnRequest === undefined || acsUrl === undefined || audience === undefined) {
        response
          .writeHead(400, { 'content-type': 'text/plain' })
          .end('Not an AuthnRequest this IdP can answer');
        return;
      }
      const samlResponse = buildResponse({ acsUrl, audience, inResponseTo: authnRequest.id });
      const page = postFormPage(acsUrl, samlResponse, url.searchParams.get('RelayState'));
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  });

  return {
    entityId,
    ssoUrl,
    metadataUrl: `${origin}/metadata`,
    metadataXml,
    certificatePem: keys.signing.certPem,
    setUser: (user) => {
      currentUser = user;
    },
    buildResponse,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

interface KeyPair {
  readonly keyPem: string;
  readonly certPem: string;
}

function generateKeys(): { signing: KeyPair; other: KeyPair } {
  const dir = mkdtempSync(join(tmpdir(), 'muster-saml-idp-'));
  try {
    const make = (name: string): KeyPair => {
      const keyFile = join(dir, `${name}.key`);
      const certFile = join(dir, `${name}.crt`);
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${name}`].concat([
          '-keyout',
          keyFile,
          '-out',
          certFile,
        ]),
        { stdio: 'ignore', input: '' },
      );
      return { keyPem: readFileSync(keyFile, 'utf8'), certPem: readFileSync(certFile, 'utf8') };
    };
    return { signing: make('muster-test-idp'), other: make('muster-other-idp') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sign(xml: string, reference: string, pair: KeyPair): string {
  const signature = new SignedXml({
    privateKey: pair.keyPem,
    publicCert: pair.certPem,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: EXC_C14N,
  });
  signature.addReference({
    xpath: reference,
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', EXC_C14N],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  // SAML core §5.4.1 and the schema: the Signature follows the Issuer.
  signature.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: `${reference}/*[local-name(.)='Issuer']`, action: 'after' },
  });
  return signature.getSignedXml();
}

function responseXml(idpEntityId: string, options: SamlResponseOptions, user: SamlTestUser): string {
  const issueInstant = options.issueInstant ?? new Date();
  const notBefore = options.notBefore ?? issueInstant;
  const notOnOrAfter = options.notOnOrAfter ?? new Date(issueInstant.getTime() + 5 * 60_000);
  const subjectNotOnOrAfter = options.subjectNotOnOrAfter ?? notOnOrAfter;
  const issuer = escapeXml(options.issuer ?? idpEntityId);
  const inResponseTo =
    options.inResponseTo == null ? '' : ` InResponseTo="${escapeXml(options.inResponseTo)}"`;
  const destination = options.destination === undefined ? options.acsUrl : options.destination;
  const recipientValue = options.recipient === undefined ? options.acsUrl : options.recipient;
  const recipient = recipientValue === null ? '' : ` Recipient="${escapeXml(recipientValue)}"`;
  const status = options.status ?? STATUS_SUCCESS;
  const assertion =
    status === STATUS_SUCCESS
      ? [
          `<saml:Assertion xmlns:saml="${ASSERTION_NS}" ID="${escapeXml(options.assertionId ?? newId())}" Version="2.0" IssueInstant="${issueInstant.toISOString()}">`,
          `<saml:Issuer>${issuer}</saml:Issuer>`,
          `<saml:Subject><saml:NameID Format="${nameIdFormat(user.nameId)}">${escapeXml(user.nameId)}</saml:NameID>`,
          `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">`,
          `<saml:SubjectConfirmationData NotOnOrAfter="${subjectNotOnOrAfter.toISOString()}"${recipient}${inResponseTo}/>`,
          `</saml:SubjectConfirmation></saml:Subject>`,
          `<saml:Conditions NotBefore="${notBefore.toISOString()}" NotOnOrAfter="${notOnOrAfter.toISOString()}">`,
          `<saml:AudienceRestriction><saml:Audience>${escapeXml(options.audience)}</saml:Audience></saml:AudienceRestriction>`,
          `</saml:Conditions>`,
          `<saml:AuthnStatement AuthnInstant="${issueInstant.toISOString()}" SessionIndex="${newId()}">`,
          `<saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext>`,
          `</saml:AuthnStatement>`,
          attributeStatement(user),
          `</saml:Assertion>`,
        ].join('')
      : '';
  return [
    `<samlp:Response xmlns:samlp="${PROTOCOL_NS}" xmlns:saml="${ASSERTION_NS}" ID="${newId()}" Version="2.0" IssueInstant="${issueInstant.toISOString()}"`,
    destination === null ? '' : ` Destination="${escapeXml(destination)}"`,
    `${inResponseTo}>`,
    `<saml:Issuer>${issuer}</saml:Issuer>`,
    `<samlp:Status><samlp:StatusCode Value="${escapeXml(status)}"/></samlp:Status>`,
    assertion,
    `</samlp:Response>`,
  ].join('');
}

function attributeStatement(user: SamlTestUser): string {
  const attributes: Record<string, string[]> = { ...user.attributes };
  if (user.email !== undefined) attributes.email = [user.email];
  if (user.groups !== undefined) attributes.groups = user.groups;
  const entries = Object.entries(attributes);
  if (entries.length === 0) return '';
  const rendered = entries.map(
    ([name, values]) =>
      `<saml:Attribute Name="${escapeXml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">` +
      values.map((value) => `<saml:AttributeValue>${escapeXml(value)}</saml:AttributeValue>`).join('') +
      `</saml:Attribute>`,
  );
  return `<saml:AttributeStatement>${rendered.join('')}</saml:AttributeStatement>`;
}

function readAuthnRequest(
  encoded: string | null,
): { id: string; acsUrl: string | undefined; issuer: string | undefined } | undefined {
  if (encoded === null) return undefined;
  try {
    // SAML bindings §3.4.4.1: DEFLATE (raw), then base64.
    const xml = inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8');
    const root = parseSamlXml(xml, (problem) => new SamlError('malformed', problem));
    if (root.namespaceURI !== PROTOCOL_NS || root.localName !== 'AuthnRequest') return undefined;
    const id = root.getAttribute('ID');
    if (id === '') return undefined;
    const issuer = Array.from(root.getElementsByTagNameNS(ASSERTION_NS, 'Issuer'))[0]?.textContent.trim();
    return { id, acsUrl: root.getAttribute('AssertionConsumerServiceURL') || undefined, issuer };
  } catch {
    return undefined;
  }
}

function postFormPage(acsUrl: string, samlResponse: string, relayState: string | null): string {
  const relay =
    relayState === null ? '' : `<input type="hidden" name="RelayState" value="${escapeXml(relayState)}">`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Test SAML IdP</title></head><body><main>',
    '<h1>Test SAML IdP</h1>',
    `<form method="post" action="${escapeXml(acsUrl)}">`,
    `<input type="hidden" name="SAMLResponse" value="${samlResponse}">${relay}`,
    '<button type="submit">Continue</button>',
    '</form></main>',
    // SAML bindings §3.5.3: the form is submitted by script, the button is there for a browser without it.
    '<script>document.forms[0].submit();</script>',
    '</body></html>',
  ].join('\n');
}

function idpMetadata(entityId: string, ssoUrl: string, certificate: string): string {
  return [
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${escapeXml(entityId)}">`,
    `<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="${PROTOCOL_NS}">`,
    `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data>`,
    `<ds:X509Certificate>${certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`,
    `<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>`,
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${escapeXml(ssoUrl)}"/>`,
    `</md:IDPSSODescriptor></md:EntityDescriptor>`,
  ].join('\n');
}

function nameIdFormat(nameId: string): string {
  return nameId.includes('@')
    ? 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'
    : 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
}

function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

function newId(): string {
  return `_${randomBytes(16).toString('hex')}`;
}

function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

// Muster as a SAML 2.0 service provider (SAML profiles §4.1, Web Browser SSO): the AuthnRequest goes out by HTTP-Redirect,
// the Response comes back by HTTP-POST. node-saml checks signatures, Conditions times and the audience; Muster adds what
// node-saml leaves out here: status, issuer, Destination, the bearer SubjectConfirmationData and its times.
import { randomBytes } from 'node:crypto';
import {
  SAML,
  SamlStatusError,
  ValidateInResponseTo,
  generateServiceProviderMetadata,
  type Profile,
} from '@node-saml/node-saml';
import {
  childElements,
  parseSamlXml,
  type SamlIdpMetadata,
  type SamlXmlElement,
} from './parse-saml-idp-metadata.js';
import { SamlError, type SamlErrorReason } from './saml-error.js';

export interface SamlSpSettings {
  /** The audience Muster requires, and the Issuer of its AuthnRequests. */
  readonly spEntityId: string;
  /** The AssertionConsumerService URL (HTTP-POST binding). */
  readonly acsUrl: string;
  readonly idp: SamlIdpMetadata;
  /** Bounded by the caller; at most 5 minutes. */
  readonly clockSkewMs: number;
}

export interface SamlAuthnRequest {
  readonly url: string;
  readonly requestId: string;
}

export interface SamlAssertion {
  readonly issuer: string;
  readonly nameId: string;
  readonly nameIdFormat: string | null;
  /** The Assertion's ID, which the caller stores to refuse a replay. */
  readonly assertionId: string;
  /**
   * From the bearer SubjectConfirmationData of the signed assertion only (null: unsolicited); the caller checks it
   * against the request ids it stored.
   */
  readonly inResponseTo: string | null;
  /** ISO: the earliest of SubjectConfirmationData@NotOnOrAfter and Conditions@NotOnOrAfter. */
  readonly notOnOrAfter: string;
  readonly sessionIndex: string | null;
  /** Every AttributeStatement value by attribute Name, multi-valued attributes kept whole. */
  readonly attributes: Readonly<Record<string, readonly string[]>>;
}

const PROTOCOL_NS = 'urn:oasis:names:tc:SAML:2.0:protocol';
const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
const STATUS_SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** SAML bindings §3.4.3: RelayState MUST NOT exceed 80 bytes. */
const MAX_RELAY_STATE_BYTES = 80;

export async function createSamlAuthnRequest(
  settings: SamlSpSettings,
  relayState: string,
): Promise<SamlAuthnRequest> {
  if (Buffer.byteLength(relayState) > MAX_RELAY_STATE_BYTES) {
    throw new RangeError(
      `RelayState is ${Buffer.byteLength(relayState)} bytes; SAML bindings §3.4.3 allow 80`,
    );
  }
  // SAML core §1.3.4: an xs:ID is an NCName, so it must not start with a digit.
  const requestId = `_${randomBytes(20).toString('hex')}`;
  const url = await createSaml(settings, requestId).getAuthorizeUrlAsync(relayState, undefined, {});
  return { url, requestId };
}

export async function validateSamlResponse(
  settings: SamlSpSettings,
  samlResponse: string,
): Promise<SamlAssertion> {
  const saml = createSaml(settings, null);
  const encoded = samlResponse.replace(/\s+/g, '');
  const envelope = readEnvelope(encoded);
  let profile: Profile | null;
  try {
    ({ profile } = await saml.validatePostResponseAsync({ SAMLResponse: encoded }));
  } catch (error) {
    throw fromNodeSamlError(error, envelope.assertion, settings);
  }
  const verifiedXml = profile?.getAssertionXml?.();
  if (verifiedXml === undefined) throw malformed('node-saml returned no signed assertion');
  return readVerifiedAssertion(parseXml(verifiedXml), envelope.response, settings);
}

export function buildSamlSpMetadata(settings: Pick<SamlSpSettings, 'spEntityId' | 'acsUrl'>): string {
  return generateServiceProviderMetadata({
    issuer: settings.spEntityId,
    callbackUrl: settings.acsUrl,
    identifierFormat: null,
    wantAssertionsSigned: true,
  });
}

function createSaml(settings: SamlSpSettings, requestId: string | null): SAML {
  const skew = settings.clockSkewMs;
  // node-saml reads -1 as "skip every time check"; refuse anything outside [0, 5 min].
  if (!Number.isFinite(skew) || skew < 0 || skew > MAX_CLOCK_SKEW_MS) {
    throw new RangeError(`clockSkewMs must be within 0…${MAX_CLOCK_SKEW_MS} (got ${skew})`);
  }
  if (settings.idp.certificates.length === 0) {
    throw new SamlError('invalid_metadata', 'The SAML IdP has no signing certificate configured.');
  }
  return new SAML({
    entryPoint: settings.idp.ssoUrl,
    issuer: settings.spEntityId,
    audience: settings.spEntityId,
    callbackUrl: settings.acsUrl,
    idpCert: [...settings.idp.certificates],
    wantAssertionsSigned: true,
    // The assertion's own signature is what counts; a Response signature alone is refused.
    wantAuthnResponseSigned: false,
    acceptedClockSkewMs: skew,
    // The caller checks InResponseTo against the request ids it stored (any instance may answer).
    validateInResponseTo: ValidateInResponseTo.never,
    // No NameIDPolicy Format and no RequestedAuthnContext: the IdP's configuration decides (Entra refuses a
    // PasswordProtectedTransport request from a user who signed in with MFA or passwordless).
    identifierFormat: null,
    disableRequestedAuthnContext: true,
    ...(requestId === null ? {} : { generateUniqueId: () => requestId }),
  });
}

interface Envelope {
  readonly response: SamlXmlElement;
  /** The single Assertion child of the Response, unverified: read only to word errors. */
  readonly assertion: SamlXmlElement | undefined;
}

/** Reads the unsigned envelope: what node-saml does not refuse by itself, or refuses without saying why. */
function readEnvelope(encoded: string): Envelope {
  if (encoded === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) {
    throw malformed('the SAMLResponse form field is not base64');
  }
  const response = parseXml(Buffer.from(encoded, 'base64').toString('utf8'));
  if (response.namespaceURI !== PROTOCOL_NS || response.localName !== 'Response') {
    throw malformed(`its root element is <${response.nodeName}>, not a samlp:Response`);
  }
  refuseFailedStatus(response);
  if (childElements(response, ASSERTION_NS, 'EncryptedAssertion').length > 0) {
    throw malformed(
      'it holds an EncryptedAssertion; Muster publishes no encryption key, so turn encryption off',
    );
  }
  const assertions = childElements(response, ASSERTION_NS, 'Assertion');
  if (assertions.length === 0) throw malformed('it holds no Assertion');
  // More than one assertion is left to node-saml, which refuses it as a signature-wrapping attempt.
  const assertion = assertions.length === 1 ? assertions[0] : undefined;
  if (assertion === undefined) return { response, assertion };
  if (childElements(assertion, DSIG_NS, 'Signature').length === 0) {
    const responseSigned = childElements(response, DSIG_NS, 'Signature').length > 0;
    throw new SamlError(
      'unsigned',
      responseSigned
        ? 'The IdP signed the SAML Response but not the assertion inside it; Muster requires a signed assertion (turn on assertion signing in the IdP).'
        : 'The SAML assertion is not signed; Muster requires a signed assertion (turn on assertion signing in the IdP).',
    );
  }
  // node-saml would stumble on a missing Conditions with a TypeError; SAML profiles §4.1.4.2 require an audience.
  if (childElements(assertion, ASSERTION_NS, 'Conditions').length === 0) {
    throw new SamlError(
      'wrong_audience',
      'The SAML assertion has no Conditions, so no AudienceRestriction naming Muster.',
    );
  }
  return { response, assertion };
}

/** SAML core §3.2.2.2: anything but a top-level Success means the IdP did not sign the user in. */
function refuseFailedStatus(response: SamlXmlElement): void {
  const status = childElements(response, PROTOCOL_NS, 'Status')[0];
  const code = status === undefined ? undefined : childElements(status, PROTOCOL_NS, 'StatusCode')[0];
  const value = code?.getAttribute('Value') ?? '';
  if (value === STATUS_SUCCESS) return;
  if (code === undefined || value === '') throw malformed('it has no Status with a StatusCode');
  // SAML core §3.2.2.2: a second-level StatusCode says more (AuthnFailed, NoPassive, RequestDenied…).
  const nested = childElements(code, PROTOCOL_NS, 'StatusCode')[0]?.getAttribute('Value') ?? '';
  const detail = nested === '' ? value : `${value} / ${nested}`;
  const message = status === undefined ? undefined : childElements(status, PROTOCOL_NS, 'StatusMessage')[0];
  const said = message?.textContent.trim() ? `: "${message.textContent.trim()}"` : '';
  throw new SamlError('failed_status', `The IdP did not sign the user in (status ${detail})${said}.`);
}

function readVerifiedAssertion(
  assertion: SamlXmlElement,
  response: SamlXmlElement,
  settings: SamlSpSettings,
): SamlAssertion {
  const issuer = textOf(assertion, 'Issuer');
  const responseIssuer = textOf(response, 'Issuer');
  for (const received of [issuer, responseIssuer]) {
    if (received !== null && received !== settings.idp.entityId) {
      throw new SamlError(
        'wrong_issuer',
        `The SAML assertion comes from issuer "${received}", not the configured IdP "${settings.idp.entityId}".`,
      );
    }
  }
  if (issuer === null) throw malformed('its assertion has no Issuer');
  // SAML core §3.2.2: Destination, when present, must be where the Response arrived.
  refuseOtherUrl(nonEmpty(response.getAttribute('Destination')), 'Destination', settings.acsUrl);

  const subject = childElements(assertion, ASSERTION_NS, 'Subject')[0];
  const nameIdElement = subject === undefined ? undefined : childElements(subject, ASSERTION_NS, 'NameID')[0];
  const nameId = nameIdElement?.textContent.trim() ?? '';
  if (nameIdElement === undefined || nameId === '') throw malformed('its assertion has no NameID');

  // SAML profiles §4.1.4.2: the bearer SubjectConfirmationData names the ACS (Recipient) and bounds the assertion's use.
  const confirmation = subject === undefined ? undefined : bearerConfirmationData(subject);
  if (confirmation === undefined) throw malformed('its assertion has no bearer SubjectConfirmationData');
  // SAML profiles §4.1.4.2: the bearer confirmation MUST carry Recipient.
  const recipient = nonEmpty(confirmation.getAttribute('Recipient'));
  if (recipient === null) throw malformed('its bearer SubjectConfirmationData has no Recipient');
  refuseOtherUrl(recipient, 'Recipient', settings.acsUrl);
  const now = Date.now();
  const skew = settings.clockSkewMs;
  const notBefore = timeAttribute(confirmation, 'NotBefore');
  if (notBefore !== null && now + skew < notBefore) throw notYetValid(notBefore, skew);
  const conditions = childElements(assertion, ASSERTION_NS, 'Conditions')[0];
  const ends = [
    timeAttribute(confirmation, 'NotOnOrAfter'),
    conditions && timeAttribute(conditions, 'NotOnOrAfter'),
  ];
  const limits = ends.filter((end): end is number => typeof end === 'number');
  if (limits.length === 0) throw malformed('its assertion has no NotOnOrAfter to bound it');
  const notOnOrAfter = Math.min(...limits);
  if (now - skew >= notOnOrAfter) throw expired(notOnOrAfter, skew);

  const fromConfirmation = nonEmpty(confirmation.getAttribute('InResponseTo'));
  const fromResponse = nonEmpty(response.getAttribute('InResponseTo'));
  if (fromConfirmation !== null && fromResponse !== null && fromConfirmation !== fromResponse) {
    throw malformed(
      `the Response answers request ${fromResponse} but its assertion answers ${fromConfirmation}`,
    );
  }
  const authnStatement = childElements(assertion, ASSERTION_NS, 'AuthnStatement')[0];
  return {
    issuer,
    nameId,
    nameIdFormat: nonEmpty(nameIdElement.getAttribute('Format')),
    assertionId: assertion.getAttribute('ID'),
    // Only the signed assertion's value counts: the Response element may be unsigned, and an InResponseTo added
    // there must not turn an unsolicited assertion into an answer to a request of ours.
    inResponseTo: fromConfirmation,
    notOnOrAfter: new Date(notOnOrAfter).toISOString(),
    sessionIndex: nonEmpty(authnStatement?.getAttribute('SessionIndex') ?? ''),
    attributes: readAttributes(assertion),
  };
}

function bearerConfirmationData(subject: SamlXmlElement): SamlXmlElement | undefined {
  const bearer = childElements(subject, ASSERTION_NS, 'SubjectConfirmation').find(
    (confirmation) => confirmation.getAttribute('Method') === BEARER,
  );
  return bearer === undefined ? undefined : childElements(bearer, ASSERTION_NS, 'SubjectConfirmationData')[0];
}

function readAttributes(assertion: SamlXmlElement): Record<string, string[]> {
  // A null prototype: attribute names come from the IdP ("__proto__" stays an ordinary key).
  const attributes = Object.create(null) as Record<string, string[]>;
  for (const statement of childElements(assertion, ASSERTION_NS, 'AttributeStatement')) {
    for (const attribute of childElements(statement, ASSERTION_NS, 'Attribute')) {
      const name = attribute.getAttribute('Name');
      if (name === '') continue;
      const values = childElements(attribute, ASSERTION_NS, 'AttributeValue').map(
        (value) => value.textContent,
      );
      attributes[name] = [...(attributes[name] ?? []), ...values];
    }
  }
  return attributes;
}

/** node-saml's refusals are plain Errors; their messages tell them apart (node-saml 5.1 lib/saml.js and lib/xml.js). */
const NODE_SAML_REFUSALS: readonly (readonly [RegExp, SamlErrorReason])[] = [
  [/^SAML assertion not yet valid/, 'not_yet_valid'],
  [/^SAML assertion expired/, 'expired'],
  [
    /^SAML assertion (audience mismatch|has no AudienceRestriction|AudienceRestriction has no Audience)/,
    'wrong_audience',
  ],
  [/signature|signed|ref URI|ID cannot refer|Referenced node/i, 'invalid_signature'],
];

function fromNodeSamlError(
  error: unknown,
  assertion: SamlXmlElement | undefined,
  settings: SamlSpSettings,
): SamlError {
  if (error instanceof SamlError) return error;
  if (error instanceof SamlStatusError)
    return new SamlError('failed_status', `The IdP did not sign the user in: ${error.message}.`);
  const message = error instanceof Error ? error.message : String(error);
  const reason = NODE_SAML_REFUSALS.find(([pattern]) => pattern.test(message))?.[1] ?? 'malformed';
  const conditions = assertion && childElements(assertion, ASSERTION_NS, 'Conditions')[0];
  const skew = settings.clockSkewMs;
  switch (reason) {
    case 'not_yet_valid':
      return notYetValid((conditions && timeAttribute(conditions, 'NotBefore')) ?? null, skew, error);
    case 'expired':
      return expired((conditions && timeAttribute(conditions, 'NotOnOrAfter')) ?? null, skew, error);
    case 'wrong_audience': {
      const received = assertion
        ? Array.from(assertion.getElementsByTagNameNS(ASSERTION_NS, 'Audience'))
        : [];
      const audiences = received.map((audience) => `"${audience.textContent.trim()}"`).join(', ') || 'none';
      return new SamlError(
        reason,
        `The SAML assertion is meant for audience ${audiences}, not Muster's entity id "${settings.spEntityId}"; set the audience (SP entity id) in the IdP to it.`,
        { cause: error },
      );
    }
    case 'invalid_signature':
      // node-saml says just "Invalid signature" when no certificate verifies; anything longer is a structure it refuses.
      return new SamlError(
        reason,
        message === 'Invalid signature'
          ? "The SAML assertion's signature does not verify against the IdP's certificates: it was changed after signing, or signed with a key the IdP metadata does not list (update the metadata after a certificate rollover)."
          : `The SAML response's signatures are arranged in a way Muster refuses, as in a signature-wrapping attack (${message}).`,
        { cause: error },
      );
    default:
      return malformed(message, error);
  }
}

function notYetValid(notBefore: number | null, skewMs: number, cause?: unknown): SamlError {
  const at = notBefore === null ? '' : ` before ${new Date(notBefore).toISOString()}`;
  const message = `The SAML assertion is not valid${at} (clock skew allowed: ${seconds(skewMs)} s)`;
  return new SamlError('not_yet_valid', `${message}; check the clocks of the IdP and of Muster.`, { cause });
}

function expired(notOnOrAfter: number | null, skewMs: number, cause?: unknown): SamlError {
  const at = notOnOrAfter === null ? '' : ` at ${new Date(notOnOrAfter).toISOString()}`;
  const message = `The SAML assertion expired${at} (clock skew allowed: ${seconds(skewMs)} s).`;
  return new SamlError('expired', message, { cause });
}

function refuseOtherUrl(
  received: string | null,
  attribute: 'Destination' | 'Recipient',
  acsUrl: string,
): void {
  if (received === null || received === acsUrl) return;
  throw new SamlError(
    'wrong_destination',
    `The SAML response's ${attribute} is "${received}", not Muster's ACS URL "${acsUrl}"; set the ACS (reply) URL in the IdP to it.`,
  );
}

function malformed(problem: string, cause?: unknown): SamlError {
  return new SamlError('malformed', `The SAML response cannot be read: ${problem}.`, { cause });
}

function parseXml(xml: string): SamlXmlElement {
  return parseSamlXml(xml, (problem) => malformed(problem));
}

function textOf(parent: SamlXmlElement, localName: string): string | null {
  const element = childElements(parent, ASSERTION_NS, localName)[0];
  return element === undefined ? null : element.textContent.trim();
}

function timeAttribute(element: SamlXmlElement, name: 'NotBefore' | 'NotOnOrAfter'): number | null {
  const value = element.getAttribute(name);
  if (value === '') return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw malformed(`${element.localName}@${name} "${value}" is not a date`);
  return ms;
}

function nonEmpty(value: string): string | null {
  return value === '' ? null : value;
}

function seconds(ms: number): number {
  return Math.round(ms / 1000);
}

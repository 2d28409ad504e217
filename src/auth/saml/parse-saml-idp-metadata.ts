// Reads what Muster needs from an IdP's SAML 2.0 metadata (SAML metadata §2.3.2, §2.4.3): its entity id, where to send
// the AuthnRequest and the certificates its assertions are signed with.
import { X509Certificate } from 'node:crypto';
import { createRequire } from 'node:module';
import { SamlError } from './saml-error.js';

/** The part of xmldom's DOM that Muster reads. */
export interface SamlXmlElement {
  readonly nodeType: number;
  readonly namespaceURI: string | null;
  readonly localName: string;
  readonly nodeName: string;
  /** Always a string for an element (DOM §4.4). */
  readonly textContent: string;
  readonly childNodes: ArrayLike<{ readonly nodeType: number }>;
  /** '' for an absent attribute: xmldom 0.8 answers so, not null as DOM §4.9 says. */
  getAttribute(name: string): string;
  getElementsByTagNameNS(namespace: string, localName: string): ArrayLike<SamlXmlElement>;
}

interface XmldomParser {
  parseFromString(xml: string, mimeType: string): { readonly documentElement: SamlXmlElement | null };
}

type XmldomParserClass = new (options: {
  readonly errorHandler: Record<'warning' | 'error' | 'fatalError', (message: string) => void>;
}) => XmldomParser;

// Loaded untyped on purpose: @xmldom/xmldom 0.8's index.d.ts adds lib "dom" to the whole program (browser globals in
// server code), so Muster types the few members it uses itself.
const { DOMParser } = createRequire(import.meta.url)('@xmldom/xmldom') as {
  readonly DOMParser: XmldomParserClass;
};

export interface SamlIdpMetadata {
  readonly entityId: string;
  readonly ssoUrl: string;
  /** Base64 DER bodies, whitespace removed, of the IDPSSODescriptor's signing certificates. */
  readonly certificates: readonly string[];
}

const ELEMENT_NODE = 1;
const METADATA_NS = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
const SAML2_PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
/** SAML bindings §3.4 (HTTP-Redirect) first: Muster sends the AuthnRequest as a redirect; §3.5 (HTTP-POST) otherwise. */
const SSO_BINDINGS = [
  'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
  'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
] as const;

export function parseSamlIdpMetadata(xml: string): SamlIdpMetadata {
  const root = parseSamlXml(xml, invalid);
  if (
    root.namespaceURI !== METADATA_NS ||
    !['EntityDescriptor', 'EntitiesDescriptor'].includes(root.localName)
  ) {
    throw invalid(
      `its root element is <${root.nodeName}>, not an EntityDescriptor or EntitiesDescriptor of ${METADATA_NS}`,
    );
  }
  const entity = root.localName === 'EntityDescriptor' ? root : firstIdpEntity(root);
  const entityId = entity.getAttribute('entityID').trim();
  if (entityId === '') throw invalid('its EntityDescriptor has no entityID');

  const idp = childElements(entity, METADATA_NS, 'IDPSSODescriptor').find(supportsSaml2);
  if (idp === undefined) {
    throw invalid(`the EntityDescriptor "${entityId}" has no IDPSSODescriptor supporting ${SAML2_PROTOCOL}`);
  }
  return { entityId, ssoUrl: readSsoUrl(idp), certificates: readSigningCertificates(idp) };
}

/**
 * Parses XML from an IdP, refusing any DTD: it can expand entities without bound (billion laughs) or name external
 * ones (XXE), and SAML never needs one.
 */
export function parseSamlXml(xml: string, refuse: (problem: string) => SamlError): SamlXmlElement {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw refuse('it contains a DOCTYPE or ENTITY declaration, which Muster refuses');
  if (xml.trim() === '') throw refuse('it is empty');
  const problems: string[] = [];
  const record = (message: string): void => {
    problems.push(message.replace(/^\[xmldom \w+\]\s*/, '').replace(/\s*@#\[line:.*$/s, ''));
  };
  // xmldom reports an unclosed or mismatched tag as a mere warning; XML that is signed must be well-formed.
  const parser = new DOMParser({ errorHandler: { warning: record, error: record, fatalError: record } });
  const root = parser.parseFromString(xml, 'text/xml').documentElement;
  if (problems.length > 0 || root === null) {
    throw refuse(`it is not well-formed XML (${problems[0] ?? 'no root element'})`);
  }
  return root;
}

/** The element children of `parent` with that namespace and local name, in document order. */
export function childElements(
  parent: SamlXmlElement,
  namespace: string,
  localName: string,
): SamlXmlElement[] {
  return Array.from(parent.childNodes).filter(
    (node): node is SamlXmlElement =>
      node.nodeType === ELEMENT_NODE &&
      (node as SamlXmlElement).namespaceURI === namespace &&
      (node as SamlXmlElement).localName === localName,
  );
}

/** In an aggregate (SAML metadata §2.3.1), the first entity that is an IdP. */
function firstIdpEntity(entities: SamlXmlElement): SamlXmlElement {
  const all = Array.from(entities.getElementsByTagNameNS(METADATA_NS, 'EntityDescriptor'));
  if (all.length === 0) throw invalid('its EntitiesDescriptor holds no EntityDescriptor');
  const idp = all.find((entity) =>
    childElements(entity, METADATA_NS, 'IDPSSODescriptor').some(supportsSaml2),
  );
  if (idp === undefined)
    throw invalid(`none of the EntityDescriptors of its EntitiesDescriptor is a SAML 2.0 IdP`);
  return idp;
}

function supportsSaml2(descriptor: SamlXmlElement): boolean {
  return descriptor.getAttribute('protocolSupportEnumeration').split(/\s+/).includes(SAML2_PROTOCOL);
}

function readSsoUrl(idp: SamlXmlElement): string {
  const services = childElements(idp, METADATA_NS, 'SingleSignOnService');
  for (const binding of SSO_BINDINGS) {
    const service = services.find((candidate) => candidate.getAttribute('Binding') === binding);
    if (service === undefined) continue;
    const location = service.getAttribute('Location').trim();
    if (!isHttpUrl(location)) {
      throw invalid(
        `the SingleSignOnService of binding ${binding} has no http(s) Location (got "${location}")`,
      );
    }
    return location;
  }
  throw invalid(
    `its IDPSSODescriptor has no SingleSignOnService with the HTTP-Redirect or HTTP-POST binding`,
  );
}

function readSigningCertificates(idp: SamlXmlElement): string[] {
  const certificates = new Set<string>();
  for (const key of childElements(idp, METADATA_NS, 'KeyDescriptor')) {
    // SAML metadata §2.4.1.1: a KeyDescriptor without `use` serves for both signing and encryption.
    const use = key.getAttribute('use');
    if (use !== '' && use !== 'signing') continue;
    for (const element of Array.from(key.getElementsByTagNameNS(DSIG_NS, 'X509Certificate'))) {
      const body = element.textContent.replace(/\s+/g, '');
      if (!isCertificate(body)) {
        throw invalid(
          `a signing KeyDescriptor holds an X509Certificate that is not a base64 DER certificate`,
        );
      }
      certificates.add(body);
    }
  }
  if (certificates.size === 0) {
    throw invalid(
      'its IDPSSODescriptor has no signing certificate (KeyDescriptor use="signing" with an X509Certificate)',
    );
  }
  return [...certificates];
}

function isCertificate(body: string): boolean {
  if (body === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return false;
  try {
    new X509Certificate(Buffer.from(body, 'base64'));
    return true;
  } catch {
    return false;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function invalid(problem: string): SamlError {
  return new SamlError('invalid_metadata', `The IdP's SAML metadata cannot be used: ${problem}.`);
}

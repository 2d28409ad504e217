// A finished SCIM request → the provisioning log row: bodies redacted (redact-secrets.ts) and cut to a bounded size,
// credentials in the query string replaced, the error's scimType and a created resource's id read from the response.
import type { ProvisioningLogEntry } from './ports.js';
import { isSecretName, mayHoldSecret, REDACTED, redactCredentials, redactSecrets } from './redact-secrets.js';

/** Default bound of each stored body (request and response), in UTF-8 bytes before the truncation marker. */
export const MAX_LOG_BODY_BYTES = 64 * 1024;
/** Stored instead of the response body of a successful read when those are not kept. */
export const READ_BODY_NOT_KEPT = '[not kept: response body of a successful read]';
/** Request paths are bounded too: a long filter in the query string could otherwise make any row large. */
const MAX_PATH_BYTES = 4096;

/** What the HTTP layer knows about a SCIM request once its response has been sent. */
export interface ProvisioningLogCapture {
  readonly orgId: string;
  readonly tokenId?: string;
  readonly requestId: string;
  readonly method: string;
  /** Path with query string, as received (`/scim/v2/Users?filter=…`). */
  readonly url: string;
  readonly status: number;
  readonly durationMs: number;
  /** 'User' or 'Group' when the route names one. */
  readonly resourceType?: string;
  /** The `:id` of the route, when it has one. */
  readonly resourceId?: string;
  /** The parsed request body (undefined: none, or it did not parse). */
  readonly requestBody: unknown;
  /** The serialized response body (undefined or '': none). */
  readonly responseBody: string | undefined;
}

export interface EntryIdentity {
  readonly id: string;
  /** When the request was received. */
  readonly at: string;
}

/**
 * Cuts `text` to `maxBytes` of UTF-8 (never inside a character) and appends a marker with the full size, so a
 * reader sees that (and how much) was left out.
 */
export function truncateText(text: string, maxBytes: number): string {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= maxBytes) return text;
  // A cut inside a multi-byte sequence decodes to U+FFFD; drop it rather than store half a character.
  const head = Buffer.from(text, 'utf8')
    .subarray(0, maxBytes)
    .toString('utf8')
    .replace(/\uFFFD+$/, '');
  return `${head}…[truncated: ${bytes} bytes]`;
}

/** Query parameters named like a credential (RFC 6750 §2.3 `access_token`, `api_key`, …) keep only their name. */
export function redactQuery(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return redactCredentials(url);
  const params = url
    .slice(mark + 1)
    .split('&')
    .map((param) => {
      const eq = param.indexOf('=');
      if (eq < 0) return param;
      return isSecretName(decodeName(param.slice(0, eq))) ? `${param.slice(0, eq)}=${REDACTED}` : param;
    });
  return redactCredentials(`${url.slice(0, mark)}?${params.join('&')}`);
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function field(value: unknown, name: string): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const found: unknown = (value as Readonly<Record<string, unknown>>)[name];
  return typeof found === 'string' ? found : undefined;
}

function storeJson(value: unknown, maxBytes: number): string {
  return truncateText(JSON.stringify(redactSecrets(value)), maxBytes);
}

function storeResponse(text: string, parsed: unknown, maxBytes: number): string {
  if (parsed !== undefined) return storeJson(parsed, maxBytes);
  // Nothing in the text could be a secret: keep it as serialized, without a parse and a second serialization
  // (the common case, and the one that matters for large list responses).
  if (!mayHoldSecret(text)) return truncateText(text, maxBytes);
  // Not JSON, so it cannot be redacted field by field; its size is all that is kept.
  return `[unparsable body: ${Buffer.byteLength(text, 'utf8')} bytes]`;
}

export interface EntryOptions {
  /** Bound of each stored body, in UTF-8 bytes. */
  readonly maxBodyBytes: number;
  /** Keep the response bodies of successful reads (PROVISIONING_LOG_READ_BODIES). */
  readonly readBodies: boolean;
}

const DEFAULT_ENTRY_OPTIONS: EntryOptions = { maxBodyBytes: MAX_LOG_BODY_BYTES, readBodies: false };

/**
 * RFC 7644 §3.4: GET and POST …/.search only read. Their bodies are most of an IdP's traffic and show the stored
 * state, which the resource itself and its events keep; writes and errors are what an admin needs to trace.
 */
function isRead(capture: ProvisioningLogCapture): boolean {
  if (capture.method === 'GET' || capture.method === 'HEAD') return true;
  if (capture.method !== 'POST') return false;
  const mark = capture.url.indexOf('?');
  return (mark < 0 ? capture.url : capture.url.slice(0, mark)).endsWith('/.search');
}

export function toProvisioningLogEntry(
  capture: ProvisioningLogCapture,
  identity: EntryIdentity,
  options: EntryOptions = DEFAULT_ENTRY_OPTIONS,
): ProvisioningLogEntry {
  const { maxBodyBytes } = options;
  const { status } = capture;
  const text =
    !options.readBodies && status < 400 && (capture.responseBody ?? '') !== '' && isRead(capture)
      ? READ_BODY_NOT_KEPT
      : capture.responseBody;
  const hasResponse = text !== undefined && text !== '';
  const wantsCreatedId = status === 201 && capture.resourceId === undefined;
  // Parsed only when something must be read from it or removed from it.
  const parsed =
    hasResponse && (status >= 400 || wantsCreatedId || mayHoldSecret(text)) ? parseJson(text) : undefined;
  // RFC 7644 §3.3: a 201 carries the created resource, whose `id` names it.
  const createdId = wantsCreatedId ? field(parsed, 'id') : undefined;
  return {
    id: identity.id,
    orgId: capture.orgId,
    tokenId: capture.tokenId ?? null,
    requestId: capture.requestId,
    at: identity.at,
    method: capture.method,
    path: truncateText(redactQuery(capture.url), MAX_PATH_BYTES),
    status,
    durationMs: Math.max(0, Math.round(capture.durationMs)),
    // RFC 7644 §3.12: the error body's scimType.
    scimType: status >= 400 ? (field(parsed, 'scimType') ?? null) : null,
    resourceType: capture.resourceType ?? null,
    resourceId: capture.resourceId ?? createdId ?? null,
    requestBody: capture.requestBody === undefined ? null : storeJson(capture.requestBody, maxBodyBytes),
    responseBody: hasResponse ? storeResponse(text, parsed, maxBodyBytes) : null,
  };
}

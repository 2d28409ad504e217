// Reading the provisioning log: what an organization's IdP sent and what Muster answered, request by request,
// newest first. Every query is scoped to one organization (the caller's); filters run in SQL and pages are keyset
// cursors, so page 100 costs what page 1 costs and entries written meanwhile are neither skipped nor repeated.
import { invalidCursor, invalidValue, notFound } from '../scim/errors.js';
import type {
  ProvisioningLogEntry,
  ProvisioningLogQuery,
  ProvisioningLogRepo,
  ProvisioningLogSummary,
} from './ports.js';

export const PROVISIONING_LOG_PAGE_SIZE = 50;
export const PROVISIONING_LOG_MAX_PAGE_SIZE = 200;
export const PROVISIONING_LOG_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const PROVISIONING_LOG_RESOURCE_TYPES = ['User', 'Group'] as const;
const MAX_FILTER_LENGTH = 1024;

export interface ProvisioningLogDeps {
  readonly store: { readonly provisioningLog: Pick<ProvisioningLogRepo, 'list' | 'get'> };
}

/** Filters as an API receives them (all optional strings, checked here). */
export interface ProvisioningLogListInput {
  /** One status (`404`), a class (`4xx`) or `error` (any status from 400). */
  readonly status?: string;
  readonly method?: string;
  /** Prefix of the stored path, which starts with `/scim/v2`. */
  readonly pathPrefix?: string;
  readonly resourceType?: string;
  /** A User's or Group's id: the requests that named it in their path or created it. */
  readonly resourceId?: string;
  readonly tokenId?: string;
  /** ISO-8601 times: entries received at or after `since` and before `until`. */
  readonly since?: string;
  readonly until?: string;
  /** The previous page's nextCursor. */
  readonly cursor?: string;
  readonly limit?: number;
}

export interface ProvisioningLogPage {
  readonly items: readonly ProvisioningLogSummary[];
  /** Absent on the last page. */
  readonly nextCursor?: string;
}

/** `status=error`: every failed request, 4xx and 5xx (HTTP statuses have three digits). */
export const ERROR_STATUSES = { min: 400, max: 999 } as const;

function parseStatus(raw: string): { readonly min: number; readonly max: number } {
  const text = raw.trim().toLowerCase();
  if (text === 'error') return ERROR_STATUSES;
  if (/^[1-5]xx$/.test(text)) {
    const min = Number(text.charAt(0)) * 100;
    return { min, max: min + 99 };
  }
  if (/^[1-5]\d\d$/.test(text)) return { min: Number(text), max: Number(text) };
  throw invalidValue(
    `status must be an HTTP status (404), a class (4xx) or error (400 and above); got ${JSON.stringify(raw)}`,
  );
}

function parseMethod(raw: string): string {
  const method = raw.trim().toUpperCase();
  if (!(PROVISIONING_LOG_METHODS as readonly string[]).includes(method)) {
    throw invalidValue(`method must be one of ${PROVISIONING_LOG_METHODS.join(', ')}`);
  }
  return method;
}

function parseResourceType(raw: string): string {
  const type = PROVISIONING_LOG_RESOURCE_TYPES.find((t) => t.toLowerCase() === raw.trim().toLowerCase());
  if (type === undefined) {
    throw invalidValue(`resourceType must be one of ${PROVISIONING_LOG_RESOURCE_TYPES.join(', ')}`);
  }
  return type;
}

/** Stored times are ISO-8601 UTC with milliseconds; any ISO-8601 time with a zone is accepted and normalized. */
function parseTime(name: string, raw: string): string {
  const text = raw.trim();
  const ms = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i.test(text)
    ? Date.parse(text)
    : Number.NaN;
  if (Number.isNaN(ms)) {
    throw invalidValue(`${name} must be an ISO-8601 time with a zone (2026-01-31T08:00:00Z)`);
  }
  return new Date(ms).toISOString();
}

function checkText(name: string, raw: string): string {
  if (raw === '' || raw.length > MAX_FILTER_LENGTH) {
    throw invalidValue(`${name} must be 1-${MAX_FILTER_LENGTH} characters`);
  }
  return raw;
}

function checkPageSize(limit: number | undefined): number {
  if (limit === undefined) return PROVISIONING_LOG_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > PROVISIONING_LOG_MAX_PAGE_SIZE) {
    throw invalidValue(`limit must be an integer from 1 to ${PROVISIONING_LOG_MAX_PAGE_SIZE}`);
  }
  return limit;
}

/** Opaque to clients: base64url JSON of the last entry's time and id. */
function encodeCursor(entry: ProvisioningLogSummary): string {
  return Buffer.from(JSON.stringify({ a: entry.at, i: entry.id }), 'utf8').toString('base64url');
}

function decodeCursor(text: string): { readonly at: string; readonly id: string } {
  const refuse = () => invalidCursor('the cursor is not one this server issued');
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw refuse();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (typeof parsed !== 'object' || parsed === null) throw refuse();
  const at: unknown = 'a' in parsed ? parsed.a : undefined;
  const id: unknown = 'i' in parsed ? parsed.i : undefined;
  if (typeof at !== 'string' || typeof id !== 'string') throw refuse();
  return { at, id };
}

/** Checks every filter (a bad one → 400 invalidValue / invalidCursor) and builds the store query. */
export function toProvisioningLogQuery(input: ProvisioningLogListInput, limit: number): ProvisioningLogQuery {
  const since = input.since === undefined ? undefined : parseTime('since', input.since);
  const until = input.until === undefined ? undefined : parseTime('until', input.until);
  if (since !== undefined && until !== undefined && since >= until) {
    throw invalidValue('since must be earlier than until');
  }
  return {
    limit,
    ...(input.status === undefined ? {} : { status: parseStatus(input.status) }),
    ...(input.method === undefined ? {} : { method: parseMethod(input.method) }),
    ...(input.pathPrefix === undefined ? {} : { pathPrefix: checkText('pathPrefix', input.pathPrefix) }),
    ...(input.resourceType === undefined ? {} : { resourceType: parseResourceType(input.resourceType) }),
    ...(input.resourceId === undefined ? {} : { resourceId: checkText('resourceId', input.resourceId) }),
    ...(input.tokenId === undefined ? {} : { tokenId: checkText('tokenId', input.tokenId) }),
    ...(since === undefined ? {} : { since }),
    ...(until === undefined ? {} : { until }),
    ...(input.cursor === undefined ? {} : { before: decodeCursor(input.cursor) }),
  };
}

/** Newest first. Entries carry no bodies; getProvisioningLogEntry has them. */
export async function listProvisioningLog(
  deps: ProvisioningLogDeps,
  orgId: string,
  input: ProvisioningLogListInput = {},
): Promise<ProvisioningLogPage> {
  const limit = checkPageSize(input.limit);
  // One row more than the page tells whether there is a next page without a COUNT.
  const rows = await deps.store.provisioningLog.list(orgId, toProvisioningLogQuery(input, limit + 1));
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return rows.length > limit && last !== undefined ? { items, nextCursor: encodeCursor(last) } : { items };
}

/** One entry with its (redacted) bodies; another organization's entry is not found. */
export async function getProvisioningLogEntry(
  deps: ProvisioningLogDeps,
  orgId: string,
  id: string,
): Promise<ProvisioningLogEntry> {
  const entry = await deps.store.provisioningLog.get(orgId, id);
  if (entry === undefined) throw notFound(`provisioning log entry ${JSON.stringify(id)} does not exist`);
  return entry;
}

/** The provisioning log use cases bound to a store, as the admin API calls them. */
export interface ProvisioningLogQueries {
  list(orgId: string, input?: ProvisioningLogListInput): Promise<ProvisioningLogPage>;
  get(orgId: string, id: string): Promise<ProvisioningLogEntry>;
}

export function createProvisioningLogQueries(deps: ProvisioningLogDeps): ProvisioningLogQueries {
  return {
    list: (orgId, input) => listProvisioningLog(deps, orgId, input),
    get: (orgId, id) => getProvisioningLogEntry(deps, orgId, id),
  };
}

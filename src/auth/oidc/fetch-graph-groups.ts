// The groups of the signed-in user from Microsoft Graph, for an Entra ID token that reports group overage
// (read-groups-claim.ts): past 200 groups in a JWT, Entra leaves the groups claim out of the token.

export interface GraphGroup {
  readonly id: string;
  readonly displayName: string | null;
}

const DEFAULT_MAX_PAGES = 100;
const REQUEST_TIMEOUT_MS = 10_000;

export async function fetchGraphGroups(options: {
  graphBaseUrl: string;
  accessToken: string;
  maxPages?: number;
  fetch?: typeof fetch;
}): Promise<GraphGroup[]> {
  const { accessToken, maxPages = DEFAULT_MAX_PAGES, fetch: fetchFn = fetch } = options;
  const base = new URL(options.graphBaseUrl);
  const baseHref = base.href.replace(/\/+$/, '');
  // The groups claim Entra omits on overage lists the user's transitive security-group memberships, so
  // transitiveMemberOf, cast to groups (no directory roles or administrative units), is the call that returns the
  // same set. $top=999 is Graph's largest page for directory objects.
  let next: string | undefined =
    `${baseHref}/v1.0/me/transitiveMemberOf/microsoft.graph.group?$select=id,displayName&$top=999`;
  const groups: GraphGroup[] = [];
  for (let page = 1; next !== undefined; page += 1) {
    if (page > maxPages) {
      throw new Error(
        `Microsoft Graph returned more than ${maxPages} pages of groups for this user; refusing to read further.`,
      );
    }
    const url = new URL(next, base);
    // The bearer token goes only where the first request went: a nextLink elsewhere would hand it to another host.
    if (url.origin !== base.origin) {
      throw new Error(
        `Microsoft Graph returned a next page link on another origin (${url.origin}); refused.`,
      );
    }
    const body = await getPage(fetchFn, url, accessToken);
    groups.push(...body.groups);
    next = body.nextLink;
  }
  return groups;
}

async function getPage(
  fetchFn: typeof fetch,
  url: URL,
  accessToken: string,
): Promise<{ groups: GraphGroup[]; nextLink: string | undefined }> {
  let response: Response;
  let body: unknown;
  try {
    response = await fetchFn(url, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    body = await response.json().catch(() => undefined);
  } catch (cause) {
    throw new Error(`Could not reach Microsoft Graph at ${url.origin}: ${describe(cause)}.`, { cause });
  }
  if (!response.ok) {
    throw new Error(
      `Microsoft Graph refused to list the user's groups: HTTP ${response.status}${graphError(body)}.`,
    );
  }
  if (!isObject(body) || !Array.isArray(body['value'])) {
    throw new Error('Microsoft Graph answered the group list without a "value" array.');
  }
  const groups = body['value'].map((item: unknown, index): GraphGroup => {
    if (!isObject(item) || typeof item['id'] !== 'string') {
      throw new Error(`Microsoft Graph returned group ${index} of a page without an id.`);
    }
    const displayName = item['displayName'];
    return { id: item['id'], displayName: typeof displayName === 'string' ? displayName : null };
  });
  const nextLink = body['@odata.nextLink'];
  if (nextLink !== undefined && typeof nextLink !== 'string') {
    throw new Error('Microsoft Graph returned an "@odata.nextLink" that is not a string.');
  }
  return { groups, nextLink };
}

/** Graph's error body: `{ "error": { "code": "…", "message": "…" } }`. */
function graphError(body: unknown): string {
  const error = isObject(body) ? body['error'] : undefined;
  if (!isObject(error)) return '';
  const parts = [error['code'], error['message']].filter((part) => typeof part === 'string');
  return parts.length === 0 ? '' : ` (${parts.join(': ')})`;
}

function describe(cause: unknown): string {
  if (cause instanceof Error && cause.name === 'TimeoutError')
    return `no answer within ${REQUEST_TIMEOUT_MS} ms`;
  if (!(cause instanceof Error)) return String(cause);
  const code: unknown = isObject(cause.cause) ? cause.cause['code'] : undefined;
  return typeof code === 'string' ? `${cause.message} (${code})` : cause.message;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Microsoft Graph's /me/transitiveMemberOf/microsoft.graph.group on 127.0.0.1, for Entra group-overage tests: pages
// linked by absolute @odata.nextLink URLs carrying a $skiptoken, as Graph pages directory objects, and Graph's
// error body for a token it does not know.
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphGroup } from '../../src/auth/oidc/fetch-graph-groups.js';

export interface FakeGraph {
  readonly baseUrl: string;
  /** Each request's path and query, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

const GROUPS_PATH = '/v1.0/me/transitiveMemberOf/microsoft.graph.group';
const GRAPH_MAX_PAGE = 999;

export async function startFakeGraph(options: {
  groupsOf: (accessToken: string) => Promise<GraphGroup[] | undefined>;
  pageSize?: number;
}): Promise<FakeGraph> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', baseUrl);
    requests.push(`${url.pathname}${url.search}`);
    void answer(url, request.headers.authorization, response).catch((error: unknown) => {
      sendError(response, 500, 'generalException', String(error));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const answer = async (url: URL, authorization: string | undefined, response: ServerResponse) => {
    if (url.pathname !== GROUPS_PATH) {
      sendError(response, 404, 'Request_ResourceNotFound', `Resource '${url.pathname}' does not exist.`);
      return;
    }
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    const groups = token === undefined ? undefined : await options.groupsOf(token);
    if (groups === undefined) {
      sendError(response, 401, 'InvalidAuthenticationToken', 'Access token validation failure.');
      return;
    }
    const top = Number(url.searchParams.get('$top') ?? '100');
    const pageSize = Math.min(top, options.pageSize ?? GRAPH_MAX_PAGE, GRAPH_MAX_PAGE);
    const offset = Number(url.searchParams.get('$skiptoken') ?? '0');
    const select = (url.searchParams.get('$select') ?? 'id,displayName').split(',');
    const page = groups.slice(offset, offset + pageSize).map((group) => ({
      '@odata.type': '#microsoft.graph.group',
      ...Object.fromEntries(select.map((name) => [name, group[name as keyof GraphGroup] ?? null])),
    }));
    const next = new URL(url);
    next.searchParams.set('$skiptoken', String(offset + pageSize));
    const body = {
      '@odata.context': `${baseUrl}/v1.0/$metadata#directoryObjects(id,displayName)`,
      ...(offset + pageSize < groups.length ? { '@odata.nextLink': next.href } : {}),
      value: page,
    };
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  return {
    baseUrl,
    requests,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** Graph's error body (Microsoft Graph REST API: "Error responses"). */
function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  response
    .writeHead(status, { 'content-type': 'application/json' })
    .end(JSON.stringify({ error: { code, message, innerError: { date: new Date().toISOString() } } }));
}

// The admin console: the React app built into web/dist, served at `/` by the same server. Files under /assets/ have
// content hashes in their names and are cached for a year; every other GET that accepts HTML and matches no route
// (a deep link such as /settings/admin/scim) gets index.html, never cached, so the app's router takes over.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Scripts, styles and API calls from this origin only; no inline script, no framing (clickjacking), no plugins. The
 * setup link's token travels in the URL fragment, which no Referer carries, and no-referrer keeps paths private too.
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
} as const;

/** Paths owned by the APIs: an unknown one is their 404, never the console. */
const API_PATHS = /^\/(?:api|scim)(?:\/|$)|^\/(?:healthz|readyz)$/;

function setSecurityHeaders(reply: FastifyReply): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) void reply.header(name, value);
}

function wantsConsole(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (API_PATHS.test(request.url)) return false;
  const accept = request.headers.accept ?? '';
  return accept === '' || accept.includes('text/html') || accept.includes('*/*');
}

function sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply
    .code(404)
    .type('application/json; charset=utf-8')
    .send({
      status: 404,
      title: 'Not Found',
      detail: `No route for ${request.method} ${request.url.split('?')[0] ?? ''}`,
    });
}

/** Registers the console on the root app. `dir` is web/dist; without an index.html there, `/` says how to build it. */
export async function registerConsole(app: FastifyInstance, dir: string): Promise<void> {
  if (!existsSync(join(dir, 'index.html'))) {
    app.setNotFoundHandler((request, reply) => {
      if (!wantsConsole(request)) return sendNotFound(request, reply);
      setSecurityHeaders(reply);
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(
          'The admin console is not built. Run `npm run build` (npm install and npm start do it), then reload.\n',
        );
    });
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    // The files are fixed at build time: one route per file, found once at start-up.
    wildcard: false,
    index: false,
    setHeaders: (reply, path) => {
      setSecurityHeaders(reply);
      const hashed = path.startsWith(join(dir, 'assets'));
      void reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler((request, reply) => {
    if (!wantsConsole(request)) return sendNotFound(request, reply);
    setSecurityHeaders(reply);
    void reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}

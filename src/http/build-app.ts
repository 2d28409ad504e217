// The Fastify application: health probes plus the encapsulated SCIM API under /scim/v2. Never listens and never
// reads the environment: main.ts / compose.ts hand everything in through AppDeps.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { isStoreUnavailableError } from '../domain/store-unavailable-error.js';
import { ADMIN_API_PREFIX, createAdminApi } from './admin-api/admin-api.js';
import type { AppDeps } from './app-deps.js';
import { registerConsole } from './console/serve-console.js';
import { createScimApi } from './scim-api/scim-api.js';
import { registerSsoLoginRoutes } from './sso/sso-login-routes.js';

export const SCIM_PREFIX = '/scim/v2';

export function buildApp(deps: AppDeps): FastifyInstance {
  const app = Fastify({
    logger: {
      level: deps.logLevel,
      // Bearer tokens must never reach a log line, whatever serializer a later change adds.
      redact: { paths: ['req.headers.authorization', 'headers.authorization'], censor: '[redacted]' },
    },
    genReqId: () => randomUUID(),
    // A client-chosen request id could forge log correlation; ids are always generated here.
    requestIdHeader: false,
    // X-Forwarded-* are spoofable unless a known proxy sets them; deployments behind one opt in explicitly.
    trustProxy: false,
    // Ids in paths are validated by route schemas (up to 200 characters), not cut off by the router at its default 100.
    // IdP set-up forms often keep a trailing slash on the tenant URL (`…/scim/v2/` + `/Users`): `//Users` is `/Users`.
    routerOptions: { maxParamLength: 256, ignoreDuplicateSlashes: true },
  });

  // A callback hook, not an async one: it runs on every response, and a promise per response is measurable.
  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    done(null, payload);
  });

  app.get('/healthz', () => ({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    try {
      await deps.checkReady();
      return { status: 'ok' };
    } catch (error) {
      // Probes repeat every few seconds through an outage: its cause in one line, a stack only for the unexpected.
      if (isStoreUnavailableError(error)) request.log.warn({ reason: error.message }, 'not ready');
      else request.log.error({ err: error }, 'readiness check failed');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  void app.register(createScimApi(deps), { prefix: SCIM_PREFIX });
  // The admin API, with GET /api/v1/keys/verify outside its admin-key scope (admin-api.ts).
  if (deps.admin !== undefined) {
    const options = { services: deps.admin, publicUrl: deps.publicUrl, verifyApiKey: deps.verifyApiKey };
    void app.register(createAdminApi(options), {
      prefix: ADMIN_API_PREFIX,
    });
  }
  if (deps.sso !== undefined && deps.admin !== undefined) {
    const options = {
      flow: deps.sso,
      publicUrl: deps.publicUrl,
      sessionMaxAgeSeconds: deps.admin.accounts.policy.absoluteMs / 1000,
    };
    void app.register(async (root) => registerSsoLoginRoutes(root, options));
  }
  // Last: its not-found handler answers every path no route above owns (deep links into the console).
  if (deps.consoleDir !== undefined)
    void app.register(async (root) => registerConsole(root, deps.consoleDir ?? ''));
  return app;
}

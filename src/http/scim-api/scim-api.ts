// The /scim/v2 plugin (RFC 7644): SCIM JSON parsing, bearer authentication, SCIM error rendering and the routes.
// Encapsulated: its parsers, hooks and error handler apply to SCIM routes only.
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { notFound, notImplemented } from '../../scim/errors.js';
import { toListResponse } from '../../scim/list/list-response.js';
import { parseListParams } from '../../scim/list/parse-list-params.js';
import type { AppDeps } from '../app-deps.js';
import { registerBearerAuth, scimContextOf } from './bearer-auth.js';
import { registerBulkRoute } from './bulk.js';
import { registerDiscoveryRoutes } from './discovery-routes.js';
import { registerProvisioningLog } from './record-provisioning-log.js';
import { resolveLimits } from './resolve-limits.js';
import { registerResourceRoutes, searchBody } from './resource-routes.js';
import { registerScimErrorHandler } from './scim-error-handler.js';
import { registerScimJsonParser } from './scim-json-parser.js';
import { searchAllTypes } from './search-all-types.js';

/** RFC 7644 §8.1: every SCIM response, errors included. */
export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';

export function createScimApi(deps: AppDeps): FastifyPluginAsync {
  const limits = resolveLimits(deps.limits);
  const baseUrl = `${deps.publicUrl.replace(/\/+$/, '')}/scim/v2`;
  const list = { maxResults: limits.maxResults, defaultCount: limits.defaultPageSize };

  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app: FastifyInstance) => {
    registerScimJsonParser(app, limits.maxPayloadBytes);
    registerScimErrorHandler(app, limits.maxPayloadBytes);
    registerBearerAuth(app, deps, baseUrl);
    registerProvisioningLog(app, deps);

    app.addHook('onSend', async (_request, reply, payload) => {
      // 204 and 304 carry no body, so no media type either.
      if (reply.statusCode !== 204 && reply.statusCode !== 304)
        reply.header('content-type', SCIM_CONTENT_TYPE);
      return payload;
    });

    app.setNotFoundHandler((request) => {
      throw notFound(`No SCIM endpoint ${request.method} ${request.url.split('?')[0] ?? ''}`);
    });

    registerResourceRoutes(app, {
      endpoint: '/Users',
      service: deps.scim.users,
      patchAnswer: 'resource',
      list,
    });
    registerResourceRoutes(app, {
      endpoint: '/Groups',
      service: deps.scim.groups,
      patchAnswer: 'no-content',
      list,
    });

    app.post('/.search', async (request) => {
      const { params, projection } = parseListParams(searchBody(request.body), list);
      const types = [
        { name: 'User', service: deps.scim.users },
        { name: 'Group', service: deps.scim.groups },
      ];
      const page = await searchAllTypes(scimContextOf(request), types, params, projection);
      return toListResponse({ ...page, startIndex: params.startIndex });
    });

    // RFC 7644 §3.11: /Me needs a token bound to a User; SCIM tokens here belong to an organization's IdP.
    const me = (): never => {
      throw notImplemented('/Me is not supported: SCIM tokens authenticate an identity provider, not a User');
    };
    app.all('/Me', me);
    app.all('/Me/*', me);

    registerBulkRoute(app, deps.scim, limits.maxBulkOperations);
    registerDiscoveryRoutes(app, baseUrl, limits);
  };
}

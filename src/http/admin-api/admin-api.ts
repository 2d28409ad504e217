// The /api/v1 plugin: the admin API. Encapsulated: its validator, error handler, 404 handler and auth hook apply to
// its own routes only. GET /api/v1/keys/verify is documented here but registered outside the admin-key scope: it
// authenticates the API key it checks, so the admin-key hook never runs for it; nor for the console's sign-in routes
// (/setup, /session), whose credential is the setup token or the session cookie itself.
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { AdminServices } from '../../domain/admin-services.js';
import { createKeyVerifyRoutes, type KeyVerifyDeps } from '../key-verify/key-verify-routes.js';
import { registerAdminAuth } from './admin-auth.js';
import { registerApiKeysRoutes } from './api-keys-routes.js';
import { registerDashboardRoutes } from './dashboard-routes.js';
import { registerEventsRoutes } from './events-routes.js';
import type { AdminApp } from './admin-schemas.js';
import { registerOpenApi } from './openapi.js';
import { registerOrganizationsRoutes } from './organizations-routes.js';
import { registerProblemErrorHandler } from './problem-error-handler.js';
import { registerProvisioningLogRoutes } from './provisioning-log-routes.js';
import { registerScimTokensRoutes } from './scim-tokens-routes.js';
import { registerMeRoutes } from './me-routes.js';
import { registerSessionRoutes } from './session-routes.js';
import { registerSsoRoutes } from './sso-routes.js';
import { registerSetupRoutes } from './setup-routes.js';
import { registerTeamMembersRoutes } from './team-members-routes.js';
import { registerTeamsRoutes } from './teams-routes.js';
import { registerUsersRoutes } from './users-routes.js';
import { registerWebhooksRoutes } from './webhooks-routes.js';

export const ADMIN_API_PREFIX = '/api/v1';

export interface AdminApiOptions {
  readonly services: AdminServices;
  /** GET /keys/verify, served in this API (and its OpenAPI document) but authenticated by the API key it checks. */
  readonly verifyApiKey: KeyVerifyDeps['verifyApiKey'];
  /** Public origin without trailing slash; the OpenAPI server is `${publicUrl}/api/v1`. */
  readonly publicUrl: string;
}

/**
 * Each resource's routes live in `<resource>-routes.ts` and are registered below, inside the authenticated scope;
 * they use orgOf(request) for the organization, problem() for errors and paging.ts for lists.
 */
function registerResourceRoutes(app: AdminApp, options: AdminApiOptions): void {
  const { services } = options;
  registerOrganizationsRoutes(app, services);
  registerScimTokensRoutes(app, services, `${options.publicUrl}/scim/v2`);
  registerUsersRoutes(app, services);
  registerTeamsRoutes(app, services);
  registerTeamMembersRoutes(app, services);
  registerProvisioningLogRoutes(app, services);
  registerApiKeysRoutes(app, services);
  registerEventsRoutes(app, services);
  registerWebhooksRoutes(app, services);
  registerDashboardRoutes(app, services);
  registerSsoRoutes(app, services, options.publicUrl);
}

export function createAdminApi(options: AdminApiOptions): FastifyPluginAsync {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    app.setValidatorCompiler(TypeBoxValidatorCompiler);
    // Request bodies are JSON only; every other media type is a 415 problem, never a string handed to validation.
    root.removeContentTypeParser('text/plain');
    registerProblemErrorHandler(root, root.initialConfig.bodyLimit ?? 1_048_576);
    await registerOpenApi(app, `${options.publicUrl}${ADMIN_API_PREFIX}`);
    // Outside the admin-key scope below: the API key being verified is the credential.
    await app.register(createKeyVerifyRoutes({ verifyApiKey: options.verifyApiKey }));
    registerSetupRoutes(app, options.services.accounts, options.publicUrl);
    registerSessionRoutes(app, options.services.accounts, options.publicUrl);
    // A signed-in person's own account: the session cookie is the credential, whatever the role.
    await registerMeRoutes(app, options.services, options.publicUrl);
    // Everything else needs an admin key or a console session.
    // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
    await app.register(async (scope: FastifyInstance) => {
      registerAdminAuth(scope, options.services, options.publicUrl);
      registerResourceRoutes(scope.withTypeProvider<TypeBoxTypeProvider>(), options);
    });
  };
}

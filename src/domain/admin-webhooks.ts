// The webhook use cases bound to one store, clock and id source: what the admin API's /webhooks routes call.
import type { WebhookAttemptRecord, WebhookDeliveryStatus } from './ports.js';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookDelivery,
  getWebhookEndpoint,
  listWebhookAttempts,
  listWebhookDeliveries,
  listWebhookEndpoints,
  redeliverWebhook,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
  type CreateWebhookEndpointInput,
  type UpdateWebhookEndpointInput,
  type WebhookDeliveryView,
  type WebhookDeps,
  type WebhookEndpointView,
  type WebhookEndpointWithSecret,
  type WebhookPage,
} from './webhooks.js';

export interface AdminWebhooks {
  create(orgId: string, input: CreateWebhookEndpointInput): Promise<WebhookEndpointWithSecret>;
  list(orgId: string): Promise<readonly WebhookEndpointView[]>;
  get(orgId: string, id: string): Promise<WebhookEndpointView>;
  update(orgId: string, id: string, input: UpdateWebhookEndpointInput): Promise<WebhookEndpointView>;
  delete(orgId: string, id: string): Promise<void>;
  rotateSecret(orgId: string, id: string): Promise<WebhookEndpointWithSecret>;
  sendTest(orgId: string, id: string): Promise<WebhookDeliveryView>;
  listDeliveries(
    orgId: string,
    endpointId: string,
    query: { readonly status?: WebhookDeliveryStatus; readonly cursor?: string; readonly limit?: number },
  ): Promise<WebhookPage<WebhookDeliveryView>>;
  getDelivery(orgId: string, id: string): Promise<WebhookDeliveryView>;
  listAttempts(
    orgId: string,
    deliveryId: string,
    query: { readonly cursor?: string; readonly limit?: number },
  ): Promise<WebhookPage<WebhookAttemptRecord>>;
  redeliver(orgId: string, deliveryId: string): Promise<WebhookDeliveryView>;
}

export function createAdminWebhooks(deps: WebhookDeps): AdminWebhooks {
  return {
    create: (orgId, input) => createWebhookEndpoint(deps, orgId, input),
    list: (orgId) => listWebhookEndpoints(deps, orgId),
    get: (orgId, id) => getWebhookEndpoint(deps, orgId, id),
    update: (orgId, id, input) => updateWebhookEndpoint(deps, orgId, id, input),
    delete: (orgId, id) => deleteWebhookEndpoint(deps, orgId, id),
    rotateSecret: (orgId, id) => rotateWebhookSecret(deps, orgId, id),
    sendTest: (orgId, id) => sendTestWebhook(deps, orgId, id),
    listDeliveries: (orgId, endpointId, query) => listWebhookDeliveries(deps, orgId, endpointId, query),
    getDelivery: (orgId, id) => getWebhookDelivery(deps, orgId, id),
    listAttempts: (orgId, deliveryId, query) => listWebhookAttempts(deps, orgId, deliveryId, query),
    redeliver: (orgId, deliveryId) => redeliverWebhook(deps, orgId, deliveryId),
  };
}

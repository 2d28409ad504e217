// SCIM Groups use cases (placeholder until implemented).
import { notImplemented } from '../scim/errors.js';
import type { ResourceServiceDeps } from './users.js';
import type { ResourceService } from './scim-service.js';

export function createGroupsService(_deps: ResourceServiceDeps): ResourceService {
  const fail = (): Promise<never> => Promise.reject(notImplemented('Groups are not implemented yet'));
  return { create: fail, get: fail, replace: fail, patch: fail, delete: fail, list: fail };
}

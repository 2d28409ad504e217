// A forced change to what the identity provider owns is allowed but never silent: it is logged with who (the admin key,
// or the admin signed in to the console), where (organization) and what (resource, fields), so an unexpected IdP
// overwrite can be traced back.
import type { FastifyRequest } from 'fastify';
import type { AdminResourceKind, IdpOverride } from '../../domain/admin-idp-managed.js';
import { orgOf, principalOf } from './admin-auth.js';

export function logIdpOverride(
  request: FastifyRequest,
  resource: AdminResourceKind,
  resourceId: string,
  override: IdpOverride | null,
): void {
  if (override === null) return;
  const org = orgOf(request);
  const principal = principalOf(request);
  const who =
    principal.kind === 'admin_key'
      ? { keyId: principal.keyId }
      : principal.kind === 'admin_user'
        ? { adminUserId: principal.adminUserId, adminEmail: principal.email }
        : { ssoUserId: principal.userId, adminEmail: principal.email };
  request.log.warn(
    {
      ...who,
      orgId: org.id,
      org: org.slug,
      resource,
      resourceId,
      action: override.action,
      ...(override.action === 'update' ? { fields: override.fields } : {}),
    },
    `admin API ${override.action === 'delete' ? 'deleted' : 'changed'} an IdP-managed ${resource} with force=true`,
  );
}

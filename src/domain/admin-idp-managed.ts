// Users and teams created through SCIM belong to the identity provider: it overwrites them on its next sync. The
// admin API therefore refuses to change their IdP-owned fields (or delete them) unless the caller insists with
// force=true, and reports what was overridden so the HTTP layer can log it.
import { ScimError } from '../scim/errors.js';
import type { ManagedBy } from './ports.js';

export type AdminResourceKind = 'user' | 'team';

/** What an admin write does to a SCIM-managed resource. */
export type IdpOverride =
  { readonly action: 'update'; readonly fields: readonly string[] } | { readonly action: 'delete' };

/** 409: a write to a SCIM-managed resource's IdP-owned fields, or its deletion, without force. */
export class IdpManagedError extends ScimError {
  readonly override: IdpOverride;

  constructor(resource: AdminResourceKind, label: string, override: IdpOverride) {
    const what = `${resource === 'user' ? 'User' : 'Team'} ${JSON.stringify(label)}`;
    const detail =
      override.action === 'delete'
        ? `${what} is managed by your identity provider through SCIM; delete it there, or pass force=true to override`
        : `${what} is managed by your identity provider through SCIM; change it there, or pass force=true to override (IdP-owned fields in this request: ${override.fields.join(', ')})`;
    super(409, detail);
    this.override = override;
  }
}

export function isIdpManagedError(error: unknown): error is IdpManagedError {
  return error instanceof IdpManagedError;
}

/** An admin write's result, and what it overrode of the IdP's (null: nothing). */
export interface AdminWrite<T> {
  readonly result: T;
  readonly override: IdpOverride | null;
}

/**
 * Throws IdpManagedError when `override` touches a SCIM-managed resource without force; returns the override that
 * happened (null for an admin-managed resource, or an update that changes no IdP-owned field).
 */
export function checkIdpManaged(
  managedBy: ManagedBy | undefined,
  resource: AdminResourceKind,
  label: string,
  override: IdpOverride,
  force: boolean,
): IdpOverride | null {
  // A row read from the store always carries managedBy; absent means the SCIM default.
  if ((managedBy ?? 'scim') !== 'scim') return null;
  if (override.action === 'update' && override.fields.length === 0) return null;
  if (!force) throw new IdpManagedError(resource, label, override);
  return override;
}

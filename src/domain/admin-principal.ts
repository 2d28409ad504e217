// Who is calling the admin API: an admin key (scripts, Terraform), an admin signed in to the console with a password,
// or a person signed in through the organization's IdP (SSO) whose groups map to the admin role. orgId null:
// instance-wide (every organization); otherwise the one organization it manages.
import type { SsoRole } from './sso-ports.js';

export interface AdminKeyPrincipal {
  readonly kind: 'admin_key';
  readonly keyId: string;
  readonly orgId: string | null;
}

export interface AdminUserPrincipal {
  readonly kind: 'admin_user';
  readonly adminUserId: string;
  readonly email: string;
  readonly orgId: string | null;
}

/** A user of one organization signed in through its IdP; only role `admin` may use the admin API. */
export interface SsoUserPrincipal {
  readonly kind: 'sso_user';
  readonly userId: string;
  /** The user's primary email, else userName. */
  readonly email: string;
  readonly orgId: string;
  readonly role: SsoRole;
}

/** Whoever signed in to the console, by password or through SSO. */
export type ConsolePrincipal = AdminUserPrincipal | SsoUserPrincipal;

export type AdminPrincipal = AdminKeyPrincipal | ConsolePrincipal;

// Who is calling the admin API: an admin key (scripts, Terraform) or an admin signed in to the console. orgId null:
// instance-wide (every organization); otherwise the one organization it manages.

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

export type AdminPrincipal = AdminKeyPrincipal | AdminUserPrincipal;

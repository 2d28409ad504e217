// What buildApp needs; main.ts / compose.ts provide it. http/ never reads env and never touches the store directly.
import type { ProvisioningLogLogger, ProvisioningLogWriter } from '../domain/provisioning-log-writer.js';
import type { VerifiedApiKey } from '../domain/api-keys.js';
import type { AdminServices } from '../domain/admin-services.js';
import type { ScimServices } from '../domain/scim-service.js';
import type { SsoFlow } from '../auth/sso-flow.js';

export interface ScimPrincipal {
  readonly orgId: string;
  readonly orgSlug: string;
  readonly tokenId: string;
}

export interface AppDeps {
  readonly scim: ScimServices;
  /** API key → its identity when usable right now (GET /api/v1/keys/verify). */
  readonly verifyApiKey: (key: string) => Promise<VerifiedApiKey | undefined>;
  /** Bearer token → principal, or undefined when unknown, revoked or expired. */
  readonly authenticateScimToken: (token: string) => Promise<ScimPrincipal | undefined>;
  /** Public origin without trailing slash (`http://127.0.0.1:8080`); SCIM base = `${publicUrl}/scim/v2`. */
  readonly publicUrl: string;
  /** Resolves when the database answers; /readyz. */
  readonly checkReady: () => Promise<void>;
  /** pino logger level ('silent' in tests). */
  readonly logLevel: string;
  /** Advertised and enforced limits. */
  readonly limits?: {
    readonly maxResults?: number;
    readonly maxBulkOperations?: number;
    readonly maxPayloadBytes?: number;
    /** Page size of a list request without `count` (RFC 9865 defaultPageSize); defaults to maxResults. */
    readonly defaultPageSize?: number;
  };
  /**
   * Starts the provisioning log's writer with the app's logger: the SCIM API records every authenticated request
   * through it and closes it (writing what is buffered) when the app closes. Absent → nothing is recorded.
   */
  readonly createProvisioningLogWriter?: (log: ProvisioningLogLogger) => ProvisioningLogWriter;
  /** web/dist: the built admin console, served at `/`. Absent → no console (tests of the APIs alone). */
  readonly consoleDir?: string;
  /** The admin API's use cases (/api/v1, admin keys). Absent → no admin API is served. */
  readonly admin?: AdminServices;
  /** SSO sign-in (/sso/{org}/…); absent → not served. */
  readonly sso?: SsoFlow;
}

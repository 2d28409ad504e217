// What buildApp needs; main.ts / compose.ts provide it. http/ never reads env and never touches the store directly.
import type { ScimServices } from '../domain/scim-service.js';

export interface ScimPrincipal {
  readonly orgId: string;
  readonly orgSlug: string;
  readonly tokenId: string;
}

export interface AppDeps {
  readonly scim: ScimServices;
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
}

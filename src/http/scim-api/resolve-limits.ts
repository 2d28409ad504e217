// The SCIM limits in force: what AppDeps sets, else the documented defaults of src/config. The same numbers are
// advertised in /ServiceProviderConfig and enforced by the routes, so the document never lies.
import { DEFAULTS } from '../../config/load-config.js';
import type { AppDeps } from '../app-deps.js';

export interface ScimLimits {
  readonly maxResults: number;
  readonly defaultPageSize: number;
  readonly maxBulkOperations: number;
  readonly maxPayloadBytes: number;
}

export function resolveLimits(limits: AppDeps['limits']): ScimLimits {
  const maxResults = limits?.maxResults ?? DEFAULTS.SCIM_MAX_RESULTS;
  return {
    maxResults,
    defaultPageSize: Math.min(limits?.defaultPageSize ?? maxResults, maxResults),
    maxBulkOperations: limits?.maxBulkOperations ?? DEFAULTS.SCIM_MAX_BULK_OPERATIONS,
    maxPayloadBytes: limits?.maxPayloadBytes ?? DEFAULTS.SCIM_MAX_PAYLOAD_BYTES,
  };
}

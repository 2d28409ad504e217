// Ports of the provisioning log: records, query and repository (re-exported by ports.ts).

/** One SCIM request as the provisioning log keeps it (docs/architecture.md, "Provisioning log"). */
export interface ProvisioningLogSummary {
  readonly id: string;
  readonly orgId: string;
  /** The SCIM token the request authenticated with. */
  readonly tokenId: string | null;
  readonly requestId: string;
  /** When the request was received. */
  readonly at: string;
  readonly method: string;
  /** Path and query string as received, credentials in the query replaced. */
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
  /** RFC 7644 §3.12 scimType of an error response. */
  readonly scimType: string | null;
  /** 'User' or 'Group' when the path names one. */
  readonly resourceType: string | null;
  /** From the path, or the id of the resource a POST created. */
  readonly resourceId: string | null;
}

export interface ProvisioningLogEntry extends ProvisioningLogSummary {
  /** Redacted JSON text, possibly truncated (then it ends with a marker and no longer parses); null when none. */
  readonly requestBody: string | null;
  readonly responseBody: string | null;
}

/** Filters of a provisioning log listing; every one narrows the result (AND). */
export interface ProvisioningLogQuery {
  /** Inclusive status range: one status (404..404) or a class (400..499). */
  readonly status?: { readonly min: number; readonly max: number };
  readonly method?: string;
  readonly pathPrefix?: string;
  readonly resourceType?: string;
  readonly resourceId?: string;
  readonly tokenId?: string;
  /** at >= since */
  readonly since?: string;
  /** at < until */
  readonly until?: string;
  /** Keyset cursor: only entries older than this one (newest first). */
  readonly before?: { readonly at: string; readonly id: string };
  readonly limit: number;
}

export interface ProvisioningLogRepo {
  insertMany(entries: readonly ProvisioningLogEntry[]): Promise<void>;
  /** Newest first (at, then id, descending). */
  list(orgId: string, query: ProvisioningLogQuery): Promise<readonly ProvisioningLogSummary[]>;
  get(orgId: string, id: string): Promise<ProvisioningLogEntry | undefined>;
  /** Deletes at most `limit` entries (of any organization) with at < `before`, oldest first; returns how many. */
  deleteOlderThan(before: string, limit: number): Promise<number>;
}

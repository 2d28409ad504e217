// Ports of the admin console's dashboard: the counts and groupings it reads, each one statement in the store
// (re-exported by ports.ts).

export interface DashboardCounts {
  readonly users: { readonly total: number; readonly active: number };
  readonly teams: { readonly total: number; readonly idpManaged: number };
  readonly apiKeys: {
    readonly active: number;
    readonly blocked: number;
    readonly revoked: number;
    readonly expired: number;
  };
}

/** A SCIM token and the newest provisioning log entry made with it. */
export interface DashboardScimToken {
  readonly id: string;
  readonly name: string;
  readonly lastUsedAt: string | null;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastRequest: {
    readonly at: string;
    readonly method: string;
    readonly path: string;
    readonly status: number;
  } | null;
}

/** Provisioning log entries of one hour or day (UTC) that has some. */
export interface ActivityCount {
  /** The bucket's first instant, ISO-8601 UTC with milliseconds. */
  readonly start: string;
  readonly requests: number;
  /** Entries with status 400 or above. */
  readonly errors: number;
}

export interface DashboardRepo {
  /** Users, teams and API keys of the organization, API key statuses as at `at` (ISO-8601). */
  counts(orgId: string, at: string): Promise<DashboardCounts>;
  /** Every SCIM token of the organization: not revoked first, then oldest first. */
  scimTokens(orgId: string): Promise<readonly DashboardScimToken[]>;
  /** Entries with since <= at < until, per UTC hour or day; buckets without entries are absent. Oldest first. */
  activity(
    orgId: string,
    bucket: 'hour' | 'day',
    since: string,
    until: string,
  ): Promise<readonly ActivityCount[]>;
}

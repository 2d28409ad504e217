// The admin console's dashboard: one organization's users, teams, API keys, SCIM tokens and provisioning activity,
// read in one snapshot. The store counts and groups; this file only fills in the hours or days without requests, so
// the console can draw every bucket of the range.
import type {
  ActivityCount,
  Clock,
  DashboardCounts,
  DashboardScimToken,
  ProvisioningLogSummary,
  Store,
} from './ports.js';
import { ERROR_STATUSES } from './provisioning-log.js';

export const DASHBOARD_RANGES = ['24h', '7d', '30d'] as const;
export type DashboardRange = (typeof DASHBOARD_RANGES)[number];
export type ActivityBucket = 'hour' | 'day';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Each range as whole UTC buckets, the current (partial) one last. */
const RANGES: Readonly<
  Record<DashboardRange, { readonly bucket: ActivityBucket; readonly ms: number; readonly count: number }>
> = {
  '24h': { bucket: 'hour', ms: HOUR_MS, count: 24 },
  '7d': { bucket: 'day', ms: DAY_MS, count: 7 },
  '30d': { bucket: 'day', ms: DAY_MS, count: 30 },
};

export const RECENT_ERRORS = 10;

export interface Dashboard {
  readonly users: DashboardCounts['users'] & { readonly inactive: number };
  readonly teams: DashboardCounts['teams'];
  readonly apiKeys: DashboardCounts['apiKeys'];
  readonly scimTokens: readonly DashboardScimToken[];
  readonly activity: {
    readonly range: DashboardRange;
    readonly bucket: ActivityBucket;
    /** Every bucket of the range, oldest first, zeros included. */
    readonly buckets: readonly ActivityCount[];
  };
  /** The newest entries with status 400 or above, newest first. */
  readonly recentErrors: readonly ProvisioningLogSummary[];
}

export interface DashboardDeps {
  readonly store: Pick<Store, 'read'>;
  readonly clock: Clock;
}

/** The range's buckets: `count` UTC hours or days ending with the one `nowMs` falls in. */
export function activityWindow(
  range: DashboardRange,
  nowMs: number,
): { readonly bucket: ActivityBucket; readonly starts: readonly string[]; readonly until: string } {
  const { bucket, ms, count } = RANGES[range];
  // The Unix epoch is a UTC midnight, so whole multiples of an hour or a day are UTC hour and day boundaries.
  const last = Math.floor(nowMs / ms) * ms;
  const starts = Array.from({ length: count }, (_, i) => new Date(last - (count - 1 - i) * ms).toISOString());
  return { bucket, starts, until: new Date(last + ms).toISOString() };
}

export async function readDashboard(
  deps: DashboardDeps,
  orgId: string,
  range: DashboardRange,
): Promise<Dashboard> {
  const now = deps.clock.now();
  const window = activityWindow(range, now.getTime());
  const since = window.starts[0] ?? window.until;
  // One read-only transaction: the counts, the tokens and the log agree with each other.
  return deps.store.read(async (tx) => {
    const counts = await tx.dashboard.counts(orgId, now.toISOString());
    const scimTokens = await tx.dashboard.scimTokens(orgId);
    const found = await tx.dashboard.activity(orgId, window.bucket, since, window.until);
    const recentErrors = await tx.provisioningLog.list(orgId, {
      status: ERROR_STATUSES,
      limit: RECENT_ERRORS,
    });
    const byStart = new Map(found.map((b) => [b.start, b]));
    return {
      users: { ...counts.users, inactive: counts.users.total - counts.users.active },
      teams: counts.teams,
      apiKeys: counts.apiKeys,
      scimTokens,
      activity: {
        range,
        bucket: window.bucket,
        buckets: window.starts.map((start) => byStart.get(start) ?? { start, requests: 0, errors: 0 }),
      },
      recentErrors,
    };
  });
}

/** The dashboard bound to a store and clock, as the admin API calls it. */
export interface AdminDashboard {
  read(orgId: string, range: DashboardRange): Promise<Dashboard>;
}

export function createAdminDashboard(deps: DashboardDeps): AdminDashboard {
  return { read: (orgId, range) => readDashboard(deps, orgId, range) };
}

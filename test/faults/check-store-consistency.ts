// What a crash must never leave behind, checked on the database itself (SQLite file or PostgreSQL schema): a user or
// group row whose JSON document is cut off or disagrees with its key columns, a membership pointing at a missing
// user or group, an outbox that disagrees with the rows (an event without its row, a row without its event, a gap in
// the sequence), or a resource the IdP was told exists (2xx) that does not.
import { groupNameOf, groupOfUser, userNameOf, type IdpState, type SyncPlan } from './entra-sync.js';

export type Row = Record<string, unknown>;
/** Runs one SELECT on the database under test. */
export type Query = (sql: string) => Promise<Row[]>;

export interface StoreRows {
  readonly users: Row[];
  readonly groups: Row[];
  readonly members: Row[];
  readonly events: Row[];
  readonly sequences: Row[];
}

export async function readStoreRows(query: Query): Promise<StoreRows> {
  return {
    users: await query('select org_id, id, user_name, user_name_key, external_id, data from users'),
    groups: await query('select org_id, id, display_name, display_name_key, external_id, data from groups'),
    members: await query('select org_id, group_id, member_id, member_type from group_members'),
    events: await query(
      'select org_id, seq, type, resource_type, resource_id, data from events order by org_id, seq',
    ),
    sequences: await query('select org_id, last_seq from event_sequences'),
  };
}

/** A JSON document column: text on SQLite (must parse), jsonb (already parsed) on PostgreSQL. */
function documentOf(value: unknown): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const key = (...parts: unknown[]): string => parts.map(String).join('|');

function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Rows against rows and against the outbox; returns one line per problem (none: consistent). */
export function findInconsistencies(rows: StoreRows): string[] {
  const problems: string[] = [];
  for (const user of rows.users) {
    const data = documentOf(user['data']);
    if (data === undefined) problems.push(`user ${String(user['id'])}: data is not a JSON object`);
    else if (data['userName'] !== user['user_name'])
      problems.push(`user ${String(user['id'])}: userName differs`);
    if (String(user['user_name']).toLowerCase() !== user['user_name_key']) {
      problems.push(`user ${String(user['id'])}: user_name_key does not match userName`);
    }
    if ((data?.['externalId'] ?? null) !== user['external_id']) {
      problems.push(`user ${String(user['id'])}: externalId differs from external_id`);
    }
  }
  for (const group of rows.groups) {
    const data = documentOf(group['data']);
    if (data === undefined) problems.push(`group ${String(group['id'])}: data is not a JSON object`);
    else if (data['displayName'] !== group['display_name']) {
      problems.push(`group ${String(group['id'])}: displayName differs`);
    }
    if (String(group['display_name']).toLowerCase() !== group['display_name_key']) {
      problems.push(`group ${String(group['id'])}: display_name_key does not match displayName`);
    }
  }

  const users = new Set(rows.users.map((u) => key(u['org_id'], u['id'])));
  const groups = new Set(rows.groups.map((g) => key(g['org_id'], g['id'])));
  for (const m of rows.members) {
    if (!groups.has(key(m['org_id'], m['group_id'])))
      problems.push(`membership in missing group ${String(m['group_id'])}`);
    const members = m['member_type'] === 'Group' ? groups : users;
    if (!members.has(key(m['org_id'], m['member_id'])))
      problems.push(`membership of missing ${String(m['member_type'])} ${String(m['member_id'])}`);
  }

  // The outbox: per organization, seq 1..last_seq without a gap.
  const lastSeq = new Map(rows.sequences.map((s) => [String(s['org_id']), Number(s['last_seq'])]));
  const seqs = new Map<string, number[]>();
  for (const e of rows.events)
    seqs.set(String(e['org_id']), [...(seqs.get(String(e['org_id'])) ?? []), Number(e['seq'])]);
  for (const [org, list] of seqs) {
    if (list.some((seq, i) => seq !== i + 1)) problems.push(`organization ${org}: event seqs have a gap`);
    if (lastSeq.get(org) !== list.length)
      problems.push(
        `organization ${org}: last_seq ${String(lastSeq.get(org))} but ${String(list.length)} events`,
      );
  }

  // One creation event per row and one row per creation event; one member_added per membership row (nothing is
  // removed in a sync).
  const compare = (what: string, fromEvents: readonly string[], fromRows: readonly string[]): void => {
    const counts = countBy(fromEvents);
    const present = new Set(fromRows);
    for (const [item, n] of counts) {
      if (n !== 1) problems.push(`${what} ${item}: ${String(n)} events`);
      if (!present.has(item)) problems.push(`${what} ${item}: event without its row`);
    }
    for (const item of present)
      if (!counts.has(item)) problems.push(`${what} ${item}: row without its event`);
  };
  const eventsOf = (type: string): Row[] => rows.events.filter((e) => e['type'] === type);
  compare(
    'user',
    eventsOf('user.created').map((e) => key(e['org_id'], e['resource_id'])),
    [...users],
  );
  compare(
    'group',
    eventsOf('team.created').map((e) => key(e['org_id'], e['resource_id'])),
    [...groups],
  );
  compare(
    'membership',
    eventsOf('team.member_added').map((e) => {
      const data = documentOf(e['data']);
      return key(e['org_id'], data?.['teamId'], data?.['memberId']);
    }),
    rows.members.map((m) => key(m['org_id'], m['group_id'], m['member_id'])),
  );
  return problems;
}

/** Everything the IdP got a 2xx for, missing from the rows. */
export function findMissingAcknowledged(rows: StoreRows, state: IdpState): string[] {
  const problems: string[] = [];
  const userNames = new Map(rows.users.map((u) => [String(u['id']), u['user_name']]));
  for (const [user, id] of state.userIds) {
    if (userNames.get(id) !== userNameOf(user))
      problems.push(`acknowledged user ${String(user)} (${id}) missing`);
  }
  const groupNames = new Map(rows.groups.map((g) => [String(g['id']), g['display_name']]));
  for (const [group, id] of state.groupIds) {
    if (groupNames.get(id) !== groupNameOf(group))
      problems.push(`acknowledged group ${String(group)} (${id}) missing`);
  }
  const members = new Set(rows.members.map((m) => key(m['group_id'], m['member_id'])));
  for (const pair of state.members) {
    const [group, user] = pair.split(':').map(Number) as [number, number];
    if (!members.has(key(state.groupIds.get(group), state.userIds.get(user)))) {
      problems.push(`acknowledged membership ${pair} missing`);
    }
  }
  return problems;
}

/** After the retries: exactly the plan's users, groups and memberships, nothing twice and nothing more. */
export function findIncomplete(rows: StoreRows, plan: SyncPlan, state: IdpState): string[] {
  const problems: string[] = [];
  const expectedUsers = Array.from({ length: plan.users }, (_, u) => userNameOf(u)).sort();
  const userNames = rows.users.map((u) => String(u['user_name'])).sort();
  if (JSON.stringify(userNames) !== JSON.stringify(expectedUsers)) {
    problems.push(`users: ${String(userNames.length)} rows, expected the plan's ${String(plan.users)}`);
  }
  const expectedGroups = Array.from({ length: plan.groups }, (_, g) => groupNameOf(g)).sort();
  const groupNames = rows.groups.map((g) => String(g['display_name'])).sort();
  if (JSON.stringify(groupNames) !== JSON.stringify(expectedGroups)) {
    problems.push(`groups: ${String(groupNames.length)} rows, expected the plan's ${String(plan.groups)}`);
  }
  const expectedMembers = Array.from({ length: plan.users }, (_, u) =>
    key(state.groupIds.get(groupOfUser(u, plan)), state.userIds.get(u)),
  ).sort();
  const members = rows.members.map((m) => key(m['group_id'], m['member_id'])).sort();
  if (JSON.stringify(members) !== JSON.stringify(expectedMembers)) {
    problems.push(`memberships: ${String(members.length)} rows, expected the plan's ${String(plan.users)}`);
  }
  return problems;
}

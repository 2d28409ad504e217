// A console with something to show: a running `muster serve` (webhook worker on), its first admin, and an
// organization Entra has provisioned (six people, three teams, one person deactivated, API keys, a webhook endpoint
// with deliveries, failed SCIM requests) next to a second organization with a token and one user. Credentials come from
// the CLI as an operator would create them; the rest goes through SCIM and the admin API.
import type { Page } from 'playwright-core';
import { runMuster } from '../../cli/run-muster.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../events/webhook-receiver.js';
import { EntraProvisioning, type EntraPerson } from './entra-provisioning.js';
import { startConsole, type ConsoleServer } from './start-console.js';

export const ADMIN_EMAIL = 'ada.lovelace@example.com';
export const ADMIN_PASSWORD = 'correct horse battery staple';
export const SECOND_ORG = { slug: 'globex', name: 'Globex Corporation' } as const;
export const SECOND_ORG_USER = 'hank.scorpio@globex.example';

const PEOPLE = {
  grace: person('grace.hopper', 'Grace', 'Hopper', 1),
  alan: person('alan.turing', 'Alan', 'Turing', 2),
  katherine: person('katherine.johnson', 'Katherine', 'Johnson', 3),
  margaret: person('margaret.hamilton', 'Margaret', 'Hamilton', 4),
  dorothy: person('dorothy.vaughan', 'Dorothy', 'Vaughan', 5),
  edsger: person('edsger.dijkstra', 'Edsger', 'Dijkstra', 6),
} as const;
export type PersonKey = keyof typeof PEOPLE;

const TEAMS = {
  engineering: { name: 'Engineering', members: ['grace', 'alan', 'margaret', 'edsger'] },
  missionControl: { name: 'Mission Control', members: ['katherine', 'dorothy', 'margaret'] },
  research: { name: 'Research', members: ['alan', 'edsger'] },
} as const satisfies Record<string, { name: string; members: readonly PersonKey[] }>;
export type TeamKey = keyof typeof TEAMS;

export const WEBHOOK_DESCRIPTION = 'Audit trail';

export interface SeededConsole {
  readonly server: ConsoleServer;
  readonly receiver: WebhookReceiver;
  /** Instance-wide admin key. */
  readonly adminKey: string;
  readonly users: Readonly<Record<PersonKey, string>>;
  readonly teams: Readonly<Record<TeamKey, string>>;
  readonly webhookId: string;
  /** A failed SCIM request (the duplicate userName): its provisioning-log entry. */
  readonly failedLogEntryId: string;
  stop(): Promise<void>;
}

function person(handle: string, givenName: string, familyName: string, n: number): EntraPerson {
  const externalId = `6f1c2a9e-1b7d-4c52-8a43-${String(n).padStart(12, '0')}`;
  const displayName = `${givenName} ${familyName}`;
  return { userName: `${handle}@example.com`, givenName, familyName, externalId, displayName };
}

export function userNameOf(key: PersonKey): string {
  return PEOPLE[key].userName;
}

export function displayNameOf(key: PersonKey): string {
  return PEOPLE[key].displayName ?? PEOPLE[key].userName;
}

export function teamNameOf(key: TeamKey): string {
  return TEAMS[key].name;
}

async function cliJson(server: ConsoleServer, args: readonly string[], input?: string): Promise<unknown> {
  const run = await runMuster([...args, '--json'], server.env, undefined, input);
  if (run.status !== 0) throw new Error(`muster ${args.join(' ')} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as unknown;
}

function field(value: unknown, name: string): string {
  const found = (value as Record<string, unknown> | null)?.[name];
  if (typeof found !== 'string') throw new Error(`no ${name} in ${JSON.stringify(value)}`);
  return found;
}

/** An admin API call with the instance-wide key; throws unless it answers `expected`. */
export async function adminApi(
  seed: Pick<SeededConsole, 'server' | 'adminKey'>,
  method: string,
  path: string,
  options: { body?: unknown; org?: string; expected?: number } = {},
): Promise<unknown> {
  const response = await fetch(`${seed.server.origin}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${seed.adminKey}`,
      ...(options.org === undefined ? {} : { 'x-muster-org': options.org }),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  const expected = options.expected ?? (method === 'POST' ? 201 : 200);
  if (response.status !== expected) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

async function scimToken(seed: Pick<SeededConsole, 'server' | 'adminKey'>, name: string, org?: string) {
  const created = await adminApi(seed, 'POST', '/scim-tokens', {
    body: { name },
    ...(org === undefined ? {} : { org }),
  });
  return new EntraProvisioning(field(created, 'scimUrl'), field(created, 'token'));
}

async function provision(entra: EntraProvisioning) {
  const users = {} as Record<PersonKey, string>;
  for (const key of Object.keys(PEOPLE) as PersonKey[]) users[key] = await entra.createUser(PEOPLE[key]);
  const teams = {} as Record<TeamKey, string>;
  let n = 0;
  for (const key of Object.keys(TEAMS) as TeamKey[]) {
    n += 1;
    const team = TEAMS[key];
    teams[key] = await entra.createGroup(team.name, `0d7e5b3a-9c41-4f0e-b2d8-${String(n).padStart(12, '0')}`);
    const added = await entra.addMembers(
      teams[key],
      team.members.map((member) => users[member]),
    );
    if (added.status !== 200 && added.status !== 204)
      throw new Error(`members of ${team.name}: ${added.status}`);
  }
  return { users, teams };
}

/** Requests an IdP gets wrong, so the log and the dashboard have errors to show. */
async function failingRequests(entra: EntraProvisioning): Promise<void> {
  const badFilter = await entra.send('GET', `/Users?filter=${encodeURIComponent('userName eq')}`);
  const duplicate = await entra.send('POST', '/Users', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: PEOPLE.grace.userName,
    active: true,
  });
  const missing = await entra.send('GET', '/Users/0190a6f0-0000-7000-8000-000000000000');
  const statuses = [badFilter.status, duplicate.status, missing.status];
  if (statuses.join() !== '400,409,404') throw new Error(`expected 400, 409, 404; got ${statuses.join()}`);
}

/** The newest log entry matching `filters`: the log is written in batches after the response, so it may lag. */
async function firstLogEntry(
  seed: Pick<SeededConsole, 'server' | 'adminKey'>,
  filters: string,
): Promise<string> {
  for (let waited = 0; waited < 5_000; waited += 50) {
    const page = await adminApi(seed, 'GET', `/provisioning-log?${filters}&limit=1`);
    const first = (page as { items?: unknown[] }).items?.[0];
    if (first !== undefined) return field(first, 'id');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no provisioning-log entry with ${filters}`);
}

export async function seedConsole(): Promise<SeededConsole> {
  const server = await startConsole({ WEBHOOK_WORKER: 'on' });
  const receiver = await startWebhookReceiver();
  try {
    await cliJson(
      server,
      ['admin', 'create', '--email', ADMIN_EMAIL, '--password-stdin'],
      `${ADMIN_PASSWORD}\n`,
    );
    const adminKey = field(await cliJson(server, ['admin-key', 'create', '--name', 'console-tests']), 'key');
    const base = { server, adminKey };
    // Created first, so every change below is delivered to it.
    const webhook = await adminApi(base, 'POST', '/webhooks', {
      body: { url: receiver.url, description: WEBHOOK_DESCRIPTION, eventTypes: [] },
    });
    const webhookId = field(webhook, 'id');
    const entra = await scimToken(base, 'Entra ID');
    const { users, teams } = await provision(entra);
    await failingRequests(entra);
    for (const [user, name] of [
      ['grace', 'laptop'],
      ['katherine', 'ci-pipeline'],
      ['dorothy', 'reporting'],
    ] as const) {
      await adminApi(base, 'POST', `/users/${users[user]}/api-keys`, { body: { name } });
    }
    // After the keys: Dorothy's key is then blocked, as Entra's deactivation does to a real one.
    const deactivated = await entra.deactivate(users.dorothy);
    if (deactivated.status !== 200 && deactivated.status !== 204) throw new Error('deactivation failed');
    await adminApi(base, 'POST', `/webhooks/${webhookId}/test`, { body: {}, expected: 202 });

    await adminApi(base, 'POST', '/organizations', { body: SECOND_ORG });
    const okta = await scimToken(base, 'Okta', SECOND_ORG.slug);
    await okta.createUser({
      userName: SECOND_ORG_USER,
      givenName: 'Hank',
      familyName: 'Scorpio',
      displayName: 'Hank Scorpio',
      externalId: '00u1a2b3c4d5e6f7g8h9',
    });

    const failedLogEntryId = await firstLogEntry(base, 'status=409&method=POST');
    return {
      ...base,
      receiver,
      users,
      teams,
      webhookId,
      failedLogEntryId,
      async stop() {
        await receiver.close();
        await server.stop();
      },
    };
  } catch (error) {
    await receiver.close();
    await server.stop();
    throw error;
  }
}

/** Signs in through the login page, as an admin would. */
export async function signIn(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/login`);
  await page.getByLabel('Email').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${origin}/`);
}

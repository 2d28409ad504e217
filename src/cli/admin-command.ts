// `muster admin create | list`: the admin accounts of the web console, managed against the server's own database.
// `create --password-stdin` creates a signed-up admin at once; without it the admin is invited: the command prints a
// one-time setup URL (24 h) where the password is chosen.
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config/load-config.js';
import { createAdminUser, inviteAdmin, listAdminUsers } from '../domain/admin-accounts.js';
import type { CliIo } from './cli-io.js';
import { ADMIN_USAGE, UsageError } from './cli-usage.js';
import { withStore } from './with-store.js';

type Env = Readonly<Record<string, string | undefined>>;

const OPTIONS = {
  email: { type: 'string' },
  org: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parse>['values'];

function parse(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), ADMIN_USAGE);
  }
}

function rejectOptions(values: Values, allowed: readonly (keyof Values)[], command: string): void {
  for (const key of Object.keys(values) as (keyof Values)[]) {
    if (!allowed.includes(key))
      throw new UsageError(`option --${key} does not apply to "${command}"`, ADMIN_USAGE);
  }
}

/** The first line of `input` (without its line end): the password, never echoed and never an argument. */
async function readFirstLine(input: NodeJS.ReadableStream): Promise<string> {
  input.setEncoding('utf8');
  let text = '';
  for await (const chunk of input) {
    text += String(chunk);
    const end = text.indexOf('\n');
    if (end >= 0) {
      text = text.slice(0, end);
      break;
    }
  }
  return text.replace(/\r$/, '');
}

/** `2026-01-02T03:04:05.678Z` → `2026-01-02 03:04:05Z`; absent → `-`. */
function formatTime(iso: string | null): string {
  return iso === null ? '-' : iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
  return rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

async function create(
  values: Values,
  config: Config,
  io: CliIo,
  input: NodeJS.ReadableStream,
): Promise<number> {
  rejectOptions(values, ['email', 'org', 'password-stdin', 'json'], 'admin create');
  const { email, org: orgSlug } = values;
  if (email === undefined) throw new UsageError('--email <email> is required', ADMIN_USAGE);
  const scoped = orgSlug === undefined ? {} : { orgSlug };
  if (values['password-stdin'] === true) {
    const password = await readFirstLine(input);
    const created = await withStore(config, (deps) => createAdminUser(deps, { email, password, ...scoped }));
    const org = created.organization?.slug ?? null;
    if (values.json === true) {
      io.out(JSON.stringify({ id: created.user.id, email: created.user.email, org }));
      return 0;
    }
    const scope = org === null ? 'every organization (instance-wide)' : `organization "${org}" only`;
    io.out(`Created admin ${created.user.email} (id ${created.user.id}) for ${scope}.`);
    io.out(`Sign in at ${config.publicUrl}/`);
    return 0;
  }
  const invited = await withStore(config, (deps) => inviteAdmin(deps, { email, ...scoped }));
  const setupUrl = `${config.publicUrl}/setup#token=${invited.token}`;
  const org = invited.organization?.slug ?? null;
  if (values.json === true) {
    io.out(JSON.stringify({ id: invited.user.id, email: invited.user.email, org, setupUrl }));
    return 0;
  }
  const scope = org === null ? 'every organization (instance-wide)' : `organization "${org}" only`;
  io.out(`Created admin ${invited.user.email} (id ${invited.user.id}) for ${scope}, without a password yet.`);
  io.out('Send them this setup link to choose a password; it works once, for 24 hours:');
  io.out(setupUrl);
  return 0;
}

async function list(values: Values, config: Config, io: CliIo): Promise<number> {
  rejectOptions(values, ['json'], 'admin list');
  const admins = await withStore(config, (deps) => listAdminUsers(deps));
  if (values.json === true) {
    const rows = admins.map((a) => ({
      id: a.id,
      email: a.email,
      org: a.orgSlug,
      createdAt: a.createdAt,
      lastLoginAt: a.lastLoginAt,
      passwordSet: a.passwordHash !== null,
    }));
    io.out(JSON.stringify(rows));
    return 0;
  }
  if (admins.length === 0) {
    io.out('No admins yet. Create one with: muster admin create --email <email>');
    return 0;
  }
  const rows = admins.map((a) => [
    a.email,
    a.orgSlug ?? '(all)',
    formatTime(a.createdAt),
    a.passwordHash === null ? '(setup pending)' : formatTime(a.lastLoginAt),
  ]);
  for (const line of table([['EMAIL', 'ORG', 'CREATED', 'LAST LOGIN'], ...rows])) io.out(line);
  return 0;
}

/** `args` are the arguments after `admin`; `input` is where --password-stdin reads (stdin). */
export async function runAdminCommand(
  args: readonly string[],
  env: Env,
  io: CliIo,
  input: NodeJS.ReadableStream = process.stdin,
): Promise<number> {
  const { values, positionals } = parse(args);
  const [subcommand, ...rest] = positionals;
  if (values.help === true) {
    io.out(ADMIN_USAGE);
    return 0;
  }
  if (subcommand === undefined) throw new UsageError('missing subcommand', ADMIN_USAGE);
  if (rest.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`, ADMIN_USAGE);
  switch (subcommand) {
    case 'create':
      return create(values, loadConfig(env), io, input);
    case 'list':
      return list(values, loadConfig(env), io);
    default:
      throw new UsageError(`unknown subcommand ${JSON.stringify(subcommand)}`, ADMIN_USAGE);
  }
}

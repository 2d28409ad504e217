// `muster scim-token create | list | revoke`: token management against the server's own database.
import { parseArgs } from 'node:util';
import { openStore, systemClock, uuidV7Ids } from '../compose.js';
import { loadConfig, type Config } from '../config/load-config.js';
import { DEFAULT_ORG_SLUG } from '../domain/organizations.js';
import type { Store } from '../domain/ports.js';
import {
  createScimToken,
  listScimTokens,
  revokeScimToken,
  type ScimTokenDeps,
} from '../domain/scim-tokens.js';
import type { CliIo } from './cli-io.js';
import { SCIM_TOKEN_USAGE, UsageError } from './cli-usage.js';
import { formatTokenTable } from './format-token-table.js';

type Env = Readonly<Record<string, string | undefined>>;

const OPTIONS = {
  name: { type: 'string' },
  org: { type: 'string' },
  'expires-in': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseTokenArgs>['values'];

function parseTokenArgs(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // node:util parseArgs throws TypeError with an ERR_PARSE_ARGS_* code on unknown or malformed options.
    throw new UsageError(error instanceof Error ? error.message : String(error), SCIM_TOKEN_USAGE);
  }
}

function rejectOptions(values: Values, allowed: readonly (keyof Values)[], command: string): void {
  for (const key of Object.keys(values) as (keyof Values)[]) {
    if (!allowed.includes(key)) {
      throw new UsageError(`option --${key} does not apply to "scim-token ${command}"`, SCIM_TOKEN_USAGE);
    }
  }
}

function parseExpiresIn(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new UsageError(
      `--expires-in must be a whole number of days (got ${JSON.stringify(raw)})`,
      SCIM_TOKEN_USAGE,
    );
  }
  return Number(raw);
}

async function withStore<T>(config: Config, fn: (deps: ScimTokenDeps) => Promise<T>): Promise<T> {
  const store: Store = await openStore(config.database);
  try {
    return await fn({ store, clock: systemClock, ids: uuidV7Ids });
  } finally {
    await store.close();
  }
}

async function create(values: Values, config: Config, io: CliIo): Promise<number> {
  rejectOptions(values, ['name', 'org', 'expires-in', 'json'], 'create');
  if (values.name === undefined) throw new UsageError('--name <name> is required', SCIM_TOKEN_USAGE);
  const name = values.name;
  const expiresInDays = parseExpiresIn(values['expires-in']);
  const orgSlug = values.org ?? DEFAULT_ORG_SLUG;
  const created = await withStore(config, (deps) =>
    createScimToken(deps, { orgSlug, name, ...(expiresInDays === undefined ? {} : { expiresInDays }) }),
  );
  const scimUrl = `${config.publicUrl}/scim/v2`;
  if (values.json === true) {
    io.out(JSON.stringify({ id: created.record.id, token: created.token, scimUrl, org: orgSlug }));
    return 0;
  }
  io.out(
    `Created SCIM token "${created.record.name}" (id ${created.record.id}) for organization "${orgSlug}".`,
  );
  io.out(`SCIM base URL (tenant URL): ${scimUrl}`);
  io.out(`Expires: ${created.record.expiresAt ?? 'never'}`);
  io.out('Paste the token below into your identity provider as the bearer (secret) token.');
  io.out('It is shown only this once: Muster keeps only its SHA-256 hash.');
  io.out(created.token);
  return 0;
}

async function list(values: Values, config: Config, io: CliIo): Promise<number> {
  rejectOptions(values, ['org', 'json'], 'list');
  const orgSlug = values.org;
  const tokens = await withStore(config, (deps) =>
    listScimTokens(deps, orgSlug === undefined ? {} : { orgSlug }),
  );
  if (values.json === true) {
    io.out(
      JSON.stringify(
        tokens.map((t) => ({
          id: t.id,
          name: t.name,
          org: t.orgSlug,
          prefix: t.displayPrefix,
          createdAt: t.createdAt,
          lastUsedAt: t.lastUsedAt,
          expiresAt: t.expiresAt,
          revokedAt: t.revokedAt,
        })),
      ),
    );
    return 0;
  }
  if (tokens.length === 0) {
    io.out('No SCIM tokens yet. Create one with: muster scim-token create --name <idp>');
    return 0;
  }
  for (const line of formatTokenTable(tokens)) io.out(line);
  return 0;
}

async function revoke(values: Values, ids: readonly string[], config: Config, io: CliIo): Promise<number> {
  rejectOptions(values, [], 'revoke');
  const [id, ...extra] = ids;
  if (id === undefined || extra.length > 0)
    throw new UsageError('revoke takes exactly one token id', SCIM_TOKEN_USAGE);
  const result = await withStore(config, (deps) => revokeScimToken(deps, id));
  switch (result.kind) {
    case 'revoked':
      io.out(`Revoked SCIM token "${result.record.name}" (id ${id}); it stops working immediately.`);
      return 0;
    case 'already-revoked':
      io.out(
        `SCIM token "${result.record.name}" (id ${id}) was already revoked at ${result.record.revokedAt ?? '?'}.`,
      );
      return 0;
  }
}

/** `args` are the arguments after `scim-token`. */
export async function runScimTokenCommand(args: readonly string[], env: Env, io: CliIo): Promise<number> {
  const { values, positionals } = parseTokenArgs(args);
  const [subcommand, ...rest] = positionals;
  if (values.help === true) {
    io.out(SCIM_TOKEN_USAGE);
    return 0;
  }
  if (subcommand === undefined) throw new UsageError('missing subcommand', SCIM_TOKEN_USAGE);
  if (subcommand !== 'revoke' && rest.length > 0) {
    throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`, SCIM_TOKEN_USAGE);
  }
  switch (subcommand) {
    case 'create':
      return create(values, loadConfig(env), io);
    case 'list':
      return list(values, loadConfig(env), io);
    case 'revoke':
      return revoke(values, rest, loadConfig(env), io);
    default:
      throw new UsageError(`unknown subcommand ${JSON.stringify(subcommand)}`, SCIM_TOKEN_USAGE);
  }
}

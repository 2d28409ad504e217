// `muster scim-token create | list | revoke`: token management against the server's own database.
import { loadConfig, type Config } from '../config/load-config.js';
import { DEFAULT_ORG_SLUG } from '../domain/organizations.js';
import { createScimToken, listScimTokens, revokeScimToken } from '../domain/scim-tokens.js';
import type { CliIo } from './cli-io.js';
import { SCIM_TOKEN_USAGE, UsageError } from './cli-usage.js';
import {
  parseExpiresIn as parseExpiresInFor,
  rejectOptions as rejectOptionsFor,
  runCredentialCommand,
  singleId,
  type CredentialValues as Values,
} from './credential-args.js';
import { formatTokenTable, toTokenJson } from './format-token-table.js';
import { withStore } from './with-store.js';

type Env = Readonly<Record<string, string | undefined>>;

function rejectOptions(values: Values, allowed: readonly (keyof Values)[], command: string): void {
  rejectOptionsFor(values, allowed, `scim-token ${command}`, SCIM_TOKEN_USAGE);
}
const parseExpiresIn = (raw: string | undefined): number | undefined =>
  parseExpiresInFor(raw, SCIM_TOKEN_USAGE);

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
    io.out(JSON.stringify(tokens.map(toTokenJson)));
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
  const id = singleId(ids, 'token', SCIM_TOKEN_USAGE);
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
export function runScimTokenCommand(args: readonly string[], env: Env, io: CliIo): Promise<number> {
  return runCredentialCommand(args, SCIM_TOKEN_USAGE, io, {
    create: (values) => create(values, loadConfig(env), io),
    list: (values) => list(values, loadConfig(env), io),
    revoke: (values, ids) => revoke(values, ids, loadConfig(env), io),
  });
}

// `muster admin-key create | list | revoke`: keys of the admin API (/api/v1), managed against the server's own
// database like SCIM tokens.
import { loadConfig, type Config } from '../config/load-config.js';
import { createAdminKey, listAdminKeys, revokeAdminKey } from '../domain/admin-keys.js';
import type { CliIo } from './cli-io.js';
import { ADMIN_KEY_USAGE, UsageError } from './cli-usage.js';
import {
  parseExpiresIn,
  rejectOptions,
  runCredentialCommand,
  singleId,
  type CredentialValues as Values,
} from './credential-args.js';
import { formatTokenTable, toTokenJson } from './format-token-table.js';
import { withStore } from './with-store.js';

type Env = Readonly<Record<string, string | undefined>>;

/** How the table shows an instance-wide key's organization. */
const ALL_ORGANIZATIONS = '(all)';

async function create(values: Values, config: Config, io: CliIo): Promise<number> {
  rejectOptions(values, ['name', 'org', 'expires-in', 'json'], 'admin-key create', ADMIN_KEY_USAGE);
  if (values.name === undefined) throw new UsageError('--name <name> is required', ADMIN_KEY_USAGE);
  const { name, org: orgSlug } = values;
  const expiresInDays = parseExpiresIn(values['expires-in'], ADMIN_KEY_USAGE);
  const created = await withStore(config, (deps) =>
    createAdminKey(deps, {
      name,
      ...(orgSlug === undefined ? {} : { orgSlug }),
      ...(expiresInDays === undefined ? {} : { expiresInDays }),
    }),
  );
  const apiUrl = `${config.publicUrl}/api/v1`;
  const org = created.organization?.slug ?? null;
  if (values.json === true) {
    io.out(JSON.stringify({ id: created.record.id, key: created.key, apiUrl, org }));
    return 0;
  }
  const scope = org === null ? 'for every organization (instance-wide)' : `for organization "${org}" only`;
  io.out(`Created admin key "${created.record.name}" (id ${created.record.id}) ${scope}.`);
  io.out(`Admin API: ${apiUrl} (send Authorization: Bearer <key>)`);
  io.out(`Expires: ${created.record.expiresAt ?? 'never'}`);
  io.out('It is shown only this once: Muster keeps only its SHA-256 hash.');
  io.out(created.key);
  return 0;
}

async function list(values: Values, config: Config, io: CliIo): Promise<number> {
  rejectOptions(values, ['json'], 'admin-key list', ADMIN_KEY_USAGE);
  const keys = await withStore(config, (deps) => listAdminKeys(deps));
  if (values.json === true) {
    io.out(JSON.stringify(keys.map(toTokenJson)));
    return 0;
  }
  if (keys.length === 0) {
    io.out('No admin keys yet. Create one with: muster admin-key create --name <name>');
    return 0;
  }
  const rows = keys.map((k) => ({ ...k, orgSlug: k.orgSlug ?? ALL_ORGANIZATIONS }));
  for (const line of formatTokenTable(rows)) io.out(line);
  return 0;
}

async function revoke(values: Values, ids: readonly string[], config: Config, io: CliIo): Promise<number> {
  rejectOptions(values, [], 'admin-key revoke', ADMIN_KEY_USAGE);
  const id = singleId(ids, 'admin key', ADMIN_KEY_USAGE);
  const result = await withStore(config, (deps) => revokeAdminKey(deps, id));
  const { record } = result;
  switch (result.kind) {
    case 'revoked':
      io.out(`Revoked admin key "${record.name}" (id ${id}); it stops working immediately.`);
      return 0;
    case 'already-revoked':
      io.out(`Admin key "${record.name}" (id ${id}) was already revoked at ${record.revokedAt ?? '?'}.`);
      return 0;
  }
}

/** `args` are the arguments after `admin-key`. */
export function runAdminKeyCommand(args: readonly string[], env: Env, io: CliIo): Promise<number> {
  return runCredentialCommand(args, ADMIN_KEY_USAGE, io, {
    create: (values) => create(values, loadConfig(env), io),
    list: (values) => list(values, loadConfig(env), io),
    revoke: (values, ids) => revoke(values, ids, loadConfig(env), io),
  });
}

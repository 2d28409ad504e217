// What every credential command shares (`scim-token`, `admin-key`): options, the create | list | revoke dispatch,
// per-subcommand checks and `--expires-in`. Misuse is a UsageError carrying the command's own usage text.
import { parseArgs } from 'node:util';
import type { CliIo } from './cli-io.js';
import { UsageError } from './cli-usage.js';

const OPTIONS = {
  name: { type: 'string' },
  org: { type: 'string' },
  'expires-in': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type CredentialValues = ReturnType<typeof parseCredentialArgs>['values'];

export function parseCredentialArgs(args: readonly string[], usage: string) {
  try {
    return parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // node:util parseArgs throws TypeError with an ERR_PARSE_ARGS_* code on unknown or malformed options.
    throw new UsageError(error instanceof Error ? error.message : String(error), usage);
  }
}

/** `command` as the user typed it (`scim-token create`), for the message. */
export function rejectOptions(
  values: CredentialValues,
  allowed: readonly (keyof CredentialValues)[],
  command: string,
  usage: string,
): void {
  for (const key of Object.keys(values) as (keyof CredentialValues)[]) {
    if (!allowed.includes(key)) {
      throw new UsageError(`option --${key} does not apply to "${command}"`, usage);
    }
  }
}

export function parseExpiresIn(raw: string | undefined, usage: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new UsageError(`--expires-in must be a whole number of days (got ${JSON.stringify(raw)})`, usage);
  }
  return Number(raw);
}

/** The id argument of `revoke`: exactly one. */
export function singleId(ids: readonly string[], what: string, usage: string): string {
  const [id, ...extra] = ids;
  if (id === undefined || extra.length > 0)
    throw new UsageError(`revoke takes exactly one ${what} id`, usage);
  return id;
}

export interface CredentialSubcommands {
  create(values: CredentialValues): Promise<number>;
  list(values: CredentialValues): Promise<number>;
  /** `ids`: the positional arguments after `revoke`. */
  revoke(values: CredentialValues, ids: readonly string[]): Promise<number>;
}

/** `args` are the arguments after the command name; `--help` prints `usage`. */
export async function runCredentialCommand(
  args: readonly string[],
  usage: string,
  io: CliIo,
  subcommands: CredentialSubcommands,
): Promise<number> {
  const { values, positionals } = parseCredentialArgs(args, usage);
  const [subcommand, ...rest] = positionals;
  if (values.help === true) {
    io.out(usage);
    return 0;
  }
  if (subcommand === undefined) throw new UsageError('missing subcommand', usage);
  if (subcommand !== 'revoke' && rest.length > 0) {
    throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`, usage);
  }
  switch (subcommand) {
    case 'create':
      return subcommands.create(values);
    case 'list':
      return subcommands.list(values);
    case 'revoke':
      return subcommands.revoke(values, rest);
    default:
      throw new UsageError(`unknown subcommand ${JSON.stringify(subcommand)}`, usage);
  }
}

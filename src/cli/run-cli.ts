// Dispatches `muster <command>`; returns the exit status (0 ok, 1 failure, 2 usage) instead of exiting, so tests
// and main.ts decide what to do with it.
import { ConfigError } from '../config/load-config.js';
import { isScimError } from '../scim/errors.js';
import type { CliIo } from './cli-io.js';
import { runAdminCommand } from './admin-command.js';
import { runAdminKeyCommand } from './admin-key-command.js';
import { CLI_USAGE, UsageError } from './cli-usage.js';
import { runMigrateStoreCommand } from './migrate-store-command.js';
import { runScimTokenCommand } from './scim-token-command.js';
import { runServeCommand } from './serve-command.js';

type Env = Readonly<Record<string, string | undefined>>;

async function dispatch(argv: readonly string[], env: Env, io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case '-h':
    case '--help':
    case 'help':
      io.out(CLI_USAGE);
      return 0;
    case 'serve':
      if (rest.length > 0)
        throw new UsageError(`"serve" takes no arguments; configure it with environment variables`);
      return runServeCommand(env, io);
    case 'scim-token':
      return runScimTokenCommand(rest, env, io);
    case 'admin-key':
      return runAdminKeyCommand(rest, env, io);
    case 'admin':
      return runAdminCommand(rest, env, io);
    case 'migrate-store':
      return runMigrateStoreCommand(rest, env, io);
    case undefined:
      throw new UsageError('missing command');
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  }
}

export async function runCli(argv: readonly string[], env: Env, io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, env, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`muster: ${error.message}`);
      io.err('');
      io.err(error.usage);
      return 2;
    }
    // Configuration and client mistakes are explained, never shown as a stack trace.
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 1;
    }
    if (isScimError(error)) {
      io.err(`muster: ${error.message}`);
      return 1;
    }
    const code = (error as { code?: unknown } | null)?.code;
    const detail = error instanceof Error ? error.message : String(error);
    io.err(`muster: ${detail}${typeof code === 'string' ? ` (${code})` : ''}`);
    return 1;
  }
}

// `muster serve` as a real process on a free port, for the shutdown and crash tests: started, waited for until it
// listens, and observed (output, exit). Credentials are created with the CLI against the same database beforehand.
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from '../events/webhook-receiver.js';
import { musterEnv, runMuster, spawnMuster } from '../cli/run-muster.js';

export interface SpawnedMuster {
  readonly child: ChildProcess;
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Everything written to stdout and stderr so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null after a signal) and the signal. */
  readonly exited: Promise<readonly [number | null, NodeJS.Signals | null]>;
}

/** The environment of `muster serve` and the CLI: `settings` plus a silent log. */
export function serveEnv(settings: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  return musterEnv({ LOG_LEVEL: 'silent', ...settings });
}

/** Creates a credential with the CLI (`scim-token` or `admin-key`) and returns the secret. */
export async function createCredential(
  kind: 'scim-token' | 'admin-key',
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const run = await runMuster([kind, 'create', '--name', 'faults', '--json'], env);
  if (run.status !== 0) throw new Error(`muster ${kind} create failed: ${run.stderr}`);
  const created = JSON.parse(run.stdout) as { token?: string; key?: string };
  const secret = created.token ?? created.key;
  if (secret === undefined) throw new Error(`muster ${kind} create printed no secret: ${run.stdout}`);
  return secret;
}

/** Starts `muster serve` with `env` on a free port and resolves once it listens. */
export async function startMuster(env: NodeJS.ProcessEnv): Promise<SpawnedMuster> {
  const port = await freePort();
  const child = spawnMuster(['serve'], {
    ...env,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout?.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes('Muster listening on')) resolve();
    });
    void exited.then(([code]) => {
      reject(new Error(`muster serve exited (${String(code)}) before listening: ${stderr}`));
    });
  });
  return {
    child,
    port,
    origin: `http://127.0.0.1:${port}`,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
  };
}

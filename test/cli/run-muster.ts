// Runs the real `muster` CLI (TypeScript sources through tsx) in a child process, as a user would.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface MusterRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout split into lines, without the final empty one. */
  readonly lines: readonly string[];
}

/** A clean environment: only what Node needs plus the given Muster settings (nothing leaks in from the runner). */
export function musterEnv(settings: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...settings };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'SystemRoot']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** `entry` is the module to run: the CLI, or src/main.ts (what `npm start` runs, compiled). */
export function spawnMuster(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  entry = 'src/cli/main.ts',
  stdin: 'ignore' | 'pipe' = 'ignore',
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    env,
    stdio: [stdin, 'pipe', 'pipe'],
  });
}

/** `input`: written to the command's stdin, which is then closed. */
export function runMuster(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  entry?: string,
  input?: string,
): Promise<MusterRun> {
  return new Promise((resolve, reject) => {
    const child = spawnMuster(args, env, entry, input === undefined ? 'ignore' : 'pipe');
    child.stdin?.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      const lines = stdout.split('\n');
      if (lines.at(-1) === '') lines.pop();
      resolve({ status, stdout, stderr, lines });
    });
  });
}

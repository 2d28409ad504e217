// `muster serve` as an admin starts it (a real process, SQLite file in a fresh directory, the built console), plus
// the one-time setup link it prints while no admin exists.
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveEnv, startMuster, type SpawnedMuster } from '../../faults/spawned-muster.js';

const CONSOLE_INDEX = fileURLToPath(new URL('../../../web/dist/index.html', import.meta.url));

export interface ConsoleServer {
  readonly muster: SpawnedMuster;
  readonly origin: string;
  /** The environment the server runs with: the CLI run with it acts on the same database. */
  readonly env: NodeJS.ProcessEnv;
  /** The setup link printed at start-up. */
  setupUrl(): Promise<string>;
  stop(): Promise<void>;
}

const SETUP_LINK = /(https?:\/\/\S+\/setup#token=msu_[A-Za-z0-9_-]+)/;

/** `settings`: more environment for the server, e.g. `{ WEBHOOK_WORKER: 'on' }` to deliver webhooks. */
export async function startConsole(settings: Readonly<Record<string, string>> = {}): Promise<ConsoleServer> {
  if (!existsSync(CONSOLE_INDEX)) {
    throw new Error(`The console is not built (${CONSOLE_INDEX} is missing): run npm run build`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'muster-e2e-'));
  const env = serveEnv({
    DATABASE_URL: `sqlite:${join(dir, 'muster.db')}`,
    WEBHOOK_WORKER: 'off',
    ...settings,
  });
  let muster: SpawnedMuster;
  try {
    muster = await startMuster(env);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    muster,
    origin: muster.origin,
    env: { ...env, PUBLIC_URL: muster.origin },
    async setupUrl() {
      for (let waited = 0; waited < 10_000; waited += 50) {
        const link = SETUP_LINK.exec(muster.stdout())?.[1];
        if (link !== undefined) return link;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`muster serve printed no setup link:\n${muster.stdout()}`);
    },
    async stop() {
      muster.child.kill('SIGTERM');
      await muster.exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

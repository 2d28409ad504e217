// `muster serve` (and `npm start` through src/main.ts): config → compose → listen → graceful shutdown.
import { createMuster } from '../compose.js';
import { loadConfig } from '../config/load-config.js';
import { ensureSetupToken } from '../domain/admin-accounts.js';
import { listScimTokens } from '../domain/scim-tokens.js';
import type { CliIo } from './cli-io.js';

type Env = Readonly<Record<string, string | undefined>>;

/** After the first signal, in-flight requests get this long to finish before the process gives up on them. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Resolves with the exit status once the server has shut down after SIGTERM or SIGINT. */
export async function runServeCommand(env: Env, io: CliIo): Promise<number> {
  const config = loadConfig(env);
  const muster = await createMuster(config);
  let address: string;
  try {
    address = await muster.app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await muster.close();
    const code = (error as { code?: unknown }).code;
    if (code === 'EADDRINUSE') {
      io.err(`muster: ${config.host}:${config.port} is already in use; set PORT or HOST to another address.`);
      return 1;
    }
    throw error;
  }

  io.out(`Muster listening on ${address}, SCIM base URL (tenant URL): ${config.publicUrl}/scim/v2`);
  io.out(`Admin console: ${config.publicUrl}/`);
  // On stdout, never through the JSON logger: the URL holds a secret that must not end up in collected logs.
  const setupToken = await ensureSetupToken({ ...muster.tokenDeps, store: muster.store });
  if (setupToken !== undefined) {
    io.out(
      `No admin yet. Open ${config.publicUrl}/setup#token=${setupToken} to create the first one (valid 24 h, once), or run: npx muster admin create --email <you@example.com>`,
    );
  }

  const tokens = await listScimTokens(muster.tokenDeps, { orgSlug: muster.defaultOrganization.slug });
  const now = muster.tokenDeps.clock.now().toISOString();
  // Revoked or expired tokens do not count: the IdP could not connect with them either.
  const usable = tokens.filter((t) => t.revokedAt === null && (t.expiresAt === null || t.expiresAt > now));
  if (usable.length === 0) {
    io.out(
      `No usable SCIM token for organization "${muster.defaultOrganization.slug}" yet: create one with  npx muster scim-token create --name <idp>`,
    );
  }

  return new Promise<number>((resolve) => {
    const shutdown = (signal: NodeJS.Signals): void => {
      io.err(`muster: ${signal} received, finishing in-flight requests…`);
      process.off('SIGTERM', shutdown);
      process.off('SIGINT', shutdown);
      // A second signal means "now": do not wait for the drain.
      process.once('SIGTERM', forceExit);
      process.once('SIGINT', forceExit);
      setTimeout(forceExit, SHUTDOWN_GRACE_MS).unref();
      const done = (status: number): void => {
        process.off('SIGTERM', forceExit);
        process.off('SIGINT', forceExit);
        resolve(status);
      };
      muster.close().then(
        () => {
          done(0);
        },
        (error: unknown) => {
          io.err(`muster: shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
          done(1);
        },
      );
    };
    const forceExit = (): void => {
      io.err('muster: forced exit before in-flight requests finished');
      process.exit(1);
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
  });
}

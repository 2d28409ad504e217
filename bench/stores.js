// Muster on SQLite next to Muster on PostgreSQL, and one PostgreSQL instance next to two: the same workloads, the same
// directory, one command. Usage: `npm run build` at the repo root, then in bench/: `npm run bench:stores` (full, 100k
// users) or `npm run bench:stores:quick` (10k). PostgreSQL: MUSTER_BENCH_POSTGRES_URL (default
// postgres://postgres@127.0.0.1:5432/postgres); a fresh database is created for the run and dropped at the end.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { userNameOf } from './lib/fake-user.js';
import { expectStatus, runLoad } from './lib/load.js';
import { freePort, killAll, memoryOf, runNode, startServer, stopServer } from './lib/processes.js';
import { machineFacts, summariseRounds } from './lib/report.js';
import { ScimClient, SpreadClient, filterQuery } from './lib/scim-client.js';
import { createApiKeys, initialSync, seedUsers } from './lib/scim-workloads.js';
import { renderStoresMarkdown, writeStoresJson } from './lib/stores-report.js';

const ROOT = new URL('../', import.meta.url).pathname;
const { values: args } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, smoke: { type: 'boolean', default: false } },
});
// --smoke only checks that every workload runs end to end (a minute); its figures mean nothing.
const MODE = args.smoke
  ? { name: 'smoke', users: 1_000, rounds: 1, roundS: 1, warmup: 0, syncUsers: 500, groups: 5 }
  : args.quick
    ? { name: 'quick', users: 10_000, rounds: 3, roundS: 3, warmup: 2, syncUsers: 10_000, groups: 100 }
    : { name: 'full', users: 100_000, rounds: 5, roundS: 3, warmup: 3, syncUsers: 10_000, groups: 100 };
const CONNECTIONS = 32;
const KEYS = 1_000;
const SEED_CONCURRENCY = 16;
const SYNC = { users: MODE.syncUsers, groups: MODE.groups, membersPerGroup: 100, batch: 10, concurrency: 16 };
const POSTGRES_URL = process.env.MUSTER_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// The product's own driver: the bench adds no dependency of its own for it.
const pg = createRequire(new URL('../package.json', import.meta.url))('pg');

if (!existsSync(join(ROOT, 'dist/main.js'))) {
  console.error('dist/ is missing: run `npm run build` at the repository root first.');
  process.exit(1);
}

const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'muster-stores-'));
const database = `muster_bench_${randomBytes(6).toString('hex')}`;
const results = {
  mode: MODE.name,
  startedAt: new Date(started).toISOString(),
  machine: machineFacts(),
  stores: [],
};
log(`${MODE.name} run: ${MODE.users} users per store; machine ${JSON.stringify(results.machine)}`);

try {
  results.stores.push(await benchStore('sqlite', `sqlite:${join(work, 'bench.db')}`));
  await adminQuery(`create database ${database}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${database}`;
  results.stores.push(await benchStore('postgres', url.toString()));
} catch (error) {
  results.fatal = error instanceof Error ? error.message : String(error);
  process.exitCode = 1;
} finally {
  killAll();
  await adminQuery(`drop database if exists ${database} with (force)`).catch((error) => {
    console.error(`could not drop ${database}: ${error.message}`);
  });
  rmSync(work, { recursive: true, force: true });
  results.tookS = Math.round((Date.now() - started) / 1000);
  const file = writeStoresJson(new URL('results/', import.meta.url), results);
  console.log(`\n${renderStoresMarkdown(results)}\n\nWritten to ${file}`);
}

/** Every workload on one store; on PostgreSQL also the reads and a sync spread over two instances. */
async function benchStore(store, databaseUrl) {
  const figures = { store, workloads: [] };
  const a = await startMuster(store, databaseUrl, 'a');
  const token = await cli(a.env, ['scim-token', 'create', '--name', 'bench', '--json'], 'token');
  const adminKey = await cli(a.env, ['admin-key', 'create', '--name', 'bench', '--json'], 'key');
  const client = new ScimClient({ port: a.port, basePath: '/scim/v2', token });
  log(`${store}: seeding ${MODE.users} users…`);
  const { ids, ...seed } = await seedUsers(client, {
    prefix: 'user',
    count: MODE.users,
    concurrency: SEED_CONCURRENCY,
  });
  client.close();
  figures.workloads.push({
    key: 'seed',
    kind: 'wall',
    title: `seed ${MODE.users} users (POST /Users)`,
    ...seed,
  });
  const keys = await createKeys(a.port, adminKey, ids);
  const reads = readWorkloads(token, ids, keys);
  figures.workloads.push(...(await roundsOf(store, [a.port], reads, 'one instance')));
  figures.workloads.push(await sync(store, [a.port], a.env, 'bench-sync-1', 'one instance'));
  if (store === 'postgres') {
    const b = await startMuster(store, databaseUrl, 'b');
    figures.workloads.push(...(await roundsOf(store, [a.port, b.port], reads, 'two instances')));
    figures.workloads.push(await sync(store, [a.port, b.port], a.env, 'bench-sync-2', 'two instances'));
    await stopServer(b.server);
  }
  figures.memory = memoryOf(a.server);
  figures.databaseMiB = store === 'sqlite' ? sqliteMiB() : await postgresMiB();
  await stopServer(a.server);
  return figures;
}

async function startMuster(store, databaseUrl, name) {
  const port = await freePort();
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    // Each instance has a pool of its own; two of the default 10 stay far below max_connections.
    DATABASE_POOL_SIZE: '10',
  };
  log(`${store}: starting instance ${name}…`);
  const server = await startServer({
    name: `muster-${store}-${name}`,
    args: [join(ROOT, 'dist/main.js')],
    env,
    cwd: ROOT,
    readyUrl: `http://127.0.0.1:${port}/readyz`,
  });
  return { port, server, env };
}

/** GET by id, the `userName eq` filter and key verify; each request's answer is checked. */
function readWorkloads(token, ids, keys) {
  const headers = { authorization: `Bearer ${token}` };
  return [
    {
      key: 'get',
      title: 'GET /Users/{id}',
      headers,
      nextRequest: () => {
        const id = ids[randomInt(ids.length)];
        return {
          method: 'GET',
          path: `/scim/v2/Users/${id}`,
          check: expectStatus([200], (u) => sameId(u, id)),
        };
      },
    },
    {
      key: 'filter',
      title: `GET /Users?filter=userName eq "…" (${MODE.users} users)`,
      headers,
      nextRequest: () => {
        const i = randomInt(ids.length);
        const path = `/scim/v2/Users${filterQuery(`userName eq "${userNameOf('user', i)}"`)}`;
        return {
          method: 'GET',
          path,
          check: expectStatus([200], (list) => sameId(list?.Resources?.[0], ids[i])),
        };
      },
    },
    {
      key: 'verify',
      title: `GET /api/v1/keys/verify (${KEYS} keys)`,
      headers: {},
      nextRequest: () => {
        const [key, userId] = keys[randomInt(keys.length)];
        return {
          method: 'GET',
          path: '/api/v1/keys/verify',
          headers: { authorization: `Bearer ${key}` },
          check: expectStatus([200], (r) => sameId(r.user, userId)),
        };
      },
    },
  ];
}

/**
 * The read workloads in interleaved rounds against `ports`: with two instances the connections are split between them
 * and the figures of the two simultaneous loads are combined (req/s summed, latency of the slower one).
 */
async function roundsOf(store, ports, workloads, setup) {
  const rounds = workloads.map(() => []);
  for (let round = 1; round <= MODE.rounds; round++) {
    for (const [i, workload] of workloads.entries()) {
      log(`${store}, ${setup}: round ${round}/${MODE.rounds} ${workload.title}…`);
      const warmup = round === 1 ? MODE.warmup : 0;
      const connections = CONNECTIONS / ports.length;
      const runs = await Promise.all(
        ports.map((port) => runLoad({ ...workload, port, connections, duration: MODE.roundS, warmup })),
      );
      rounds[i].push({ round, ...combine(runs) });
    }
  }
  return workloads.map(({ key, title }, i) => ({
    key: `${key}-${ports.length}`,
    kind: 'load',
    title,
    setup,
    connections: CONNECTIONS,
    ...summariseRounds(rounds[i]),
  }));
}

function combine(runs) {
  return {
    requests: sum(runs.map((r) => r.requests)),
    durationS: Math.max(...runs.map((r) => r.durationS)),
    reqPerSec: sum(runs.map((r) => r.reqPerSec)),
    p50Ms: Math.max(...runs.map((r) => r.p50Ms ?? 0)),
    p99Ms: Math.max(...runs.map((r) => r.p99Ms ?? 0)),
    errors: sum(runs.map((r) => r.errors)),
    errorSamples: runs.flatMap((r) => r.errorSamples),
  };
}

/** The Entra-style initial sync into a new organization, its requests spread round-robin over `ports`. */
async function sync(store, ports, env, org, setup) {
  const token = await cli(env, ['scim-token', 'create', '--name', org, '--org', org, '--json'], 'token');
  const clients = ports.map((port) => new ScimClient({ port, basePath: '/scim/v2', token }));
  const title = `Entra initial sync: ${SYNC.users} users + ${SYNC.groups} groups × ${SYNC.membersPerGroup}`;
  log(`${store}, ${setup}: ${title}…`);
  try {
    const figures = await initialSync(new SpreadClient(clients), { prefix: org, ...SYNC });
    return { key: `sync-${ports.length}`, kind: 'wall', title, setup, ...figures };
  } catch (error) {
    return { key: `sync-${ports.length}`, kind: 'wall', title, setup, error: error.message };
  } finally {
    for (const client of clients) client.close();
  }
}

function createKeys(port, adminKey, ids) {
  log(`creating ${KEYS} API keys…`);
  return createApiKeys({ port, adminKey, userIds: ids.slice(0, KEYS), concurrency: SEED_CONCURRENCY });
}

/** Runs a `muster` CLI command with the instance's settings; returns the named field of its JSON output. */
async function cli(env, commandArgs, field) {
  const out = await runNode([join(ROOT, 'bin/muster.js'), ...commandArgs], { env, cwd: ROOT });
  const value = JSON.parse(out.trim().split('\n').at(-1) ?? '{}')[field];
  if (typeof value !== 'string')
    throw new Error(`muster ${commandArgs.join(' ')} printed no ${field}: ${out}`);
  return value;
}

async function adminQuery(text) {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

async function postgresMiB() {
  const { rows } = await adminQuery(`select pg_database_size('${database}') as bytes`);
  return Math.round((Number(rows[0].bytes) / 2 ** 20) * 100) / 100;
}

function sqliteMiB() {
  const files = ['bench.db', 'bench.db-wal'].map((f) => join(work, f)).filter((f) => existsSync(f));
  return Math.round((files.reduce((total, f) => total + statSync(f).size, 0) / 2 ** 20) * 100) / 100;
}

function sameId(resource, id) {
  return resource?.id === id ? null : `expected id ${id}, got ${resource?.id}`;
}

function sum(values) {
  return values.reduce((total, v) => total + v, 0);
}

function randomInt(n) {
  return Math.floor(Math.random() * n);
}

function log(text) {
  console.log(`[${String(Math.round((Date.now() - started) / 1000)).padStart(4)} s] ${text}`);
}

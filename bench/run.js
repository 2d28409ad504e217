// Muster's benchmark: one command, everything on 127.0.0.1, every child stopped at the end.
// Usage: `npm run build` at the repo root, then in bench/: `npm run bench` (full) or `npm run bench:quick`.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { baselineKey, baselineUserId, userNameOf } from './lib/fake-user.js';
import { expectStatus, runLoad } from './lib/load.js';
import { freePort, killAll, memoryOf, runNode, startServer, stopServer } from './lib/processes.js';
import { evaluateGoals, machineFacts, renderMarkdown, summariseRounds, writeJson } from './lib/report.js';
import { ScimClient, filterQuery } from './lib/scim-client.js';
import {
  addMembers,
  createApiKeys,
  createGroup,
  initialSync,
  memberCount,
  seedUsers,
} from './lib/scim-workloads.js';

const ROOT = new URL('../', import.meta.url).pathname;
const HERE = new URL('./', import.meta.url).pathname;
const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });

// Directory size, read time per workload (s) and its rounds, PATCH sample sizes; the sync workload is the same in both.
const MODE = args.quick
  ? { name: 'quick', users: 10_000, duration: 5, rounds: 3, warmup: 2, patches: 1_000, patchWarmup: 100 }
  : { name: 'full', users: 100_000, duration: 15, rounds: 5, warmup: 3, patches: 3_000, patchWarmup: 300 };
// Each read workload's time is split over the rounds, but a round much shorter than 3 s is mostly connection ramp-up.
const ROUND_S = Math.max(3, Math.ceil(MODE.duration / MODE.rounds));
const READ_CONNECTIONS = 32;
// API keys the verify workload picks from, one per seeded user from the first on.
const KEYS = 1_000;
const PATCH_CONNECTIONS = 8;
const SEED_CONCURRENCY = 16;
// Entra's member-add batch size is not documented; 10 ids per PATCH is this bench's assumption.
const SYNC = { prefix: 'sync', users: 10_000, groups: 100, membersPerGroup: 100, batch: 10, concurrency: 16 };
// Users beyond the directory size that the PATCH workloads add, one new member per request.
const RESERVE = MODE.patches + MODE.patchWarmup + PATCH_CONNECTIONS * 4;
const SEEDED = MODE.users + RESERVE;

if (!existsSync(join(ROOT, 'dist/main.js')) || !existsSync(join(ROOT, 'dist/cli/main.js'))) {
  console.error('dist/ is missing: run `npm run build` at the repository root first.');
  process.exit(1);
}

const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'muster-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true })); // also after Ctrl-C
const results = {
  mode: MODE.name,
  startedAt: new Date(started).toISOString(),
  machine: machineFacts(),
  readRounds: { rounds: MODE.rounds, roundS: ROUND_S, warmupS: MODE.warmup },
  workloads: [],
};
log(`${MODE.name} run, ${SEEDED} users; machine ${JSON.stringify(results.machine)}`);

try {
  const baseline = await startBaseline();
  const muster = await startMuster();
  const { client, headers, ids } = await seedMuster(muster);
  const keys = await createKeys(muster, ids);
  await benchReads(readWorkloads(baseline.port, muster.port, headers, ids, keys));
  await stopServer(baseline.server);
  await benchInitialSync(muster);
  await benchMemberAdds(muster.port, client, headers, ids);
  results.muster = { ...memoryOf(muster.server), dbMiB: databaseMiB() };
  client.close();
  await stopServer(muster.server);
} catch (error) {
  results.fatal = messageOf(error);
  process.exitCode = 1;
} finally {
  killAll();
  results.tookS = Math.round((Date.now() - started) / 1000);
  results.goals = evaluateGoals(results);
  const file = writeJson(new URL('results/', import.meta.url), results);
  console.log(`\n${renderMarkdown(results)}\n\nWritten to ${file}`);
}

async function startBaseline() {
  const port = await freePort();
  log(`starting the baseline (node:http + better-sqlite3, ${SEEDED} rows)…`);
  const db = join(work, 'baseline.db');
  const server = await startServer({
    name: 'baseline',
    args: [
      join(HERE, 'baseline-server.js'),
      ...['--db', db, '--users', String(SEEDED), '--keys', String(KEYS), '--port', String(port)],
    ],
    readyUrl: `http://127.0.0.1:${port}/healthz`,
  });
  return { port, server };
}

async function startMuster() {
  const port = await freePort();
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(work, 'bench.db')}`,
    LOG_LEVEL: 'warn',
  };
  log('starting Muster (node dist/main.js)…');
  const server = await startServer({
    name: 'muster',
    args: [join(ROOT, 'dist/main.js')],
    env,
    cwd: ROOT,
    readyUrl: `http://127.0.0.1:${port}/healthz`,
  });
  // The CLI shares the server's DATABASE_URL; SQLite's WAL lets it write while the server runs.
  const token = await createToken(env, ['--name', 'bench']);
  const syncToken = await createToken(env, ['--name', 'bench-sync', '--org', 'bench-sync']);
  const adminKey = await createAdminKey(env);
  return { port, server, token, syncToken, adminKey };
}

/** One API key for each of the first KEYS users, through the admin API; returns [key, userId] pairs. */
function createKeys({ port, adminKey }, ids) {
  log(`creating ${KEYS} API keys through POST /api/v1/users/{id}/api-keys…`);
  return createApiKeys({ port, adminKey, userIds: ids.slice(0, KEYS), concurrency: SEED_CONCURRENCY });
}

async function seedMuster({ port, token }) {
  const client = new ScimClient({ port, basePath: '/scim/v2', token });
  const headers = { authorization: `Bearer ${token}` };
  log(`seeding ${SEEDED} users through POST /Users (${SEED_CONCURRENCY} in flight)…`);
  const { ids, ...figures } = await seedUsers(client, {
    prefix: 'user',
    count: SEEDED,
    concurrency: SEED_CONCURRENCY,
  });
  record('seed', `seed ${SEEDED} users (POST /Users, ${SEED_CONCURRENCY} in flight)`, {
    requests: SEEDED,
    ...figures,
  });
  return { client, headers, ids };
}

/** The read workloads in the order each round runs them; every response is checked for the right resource. */
function readWorkloads(baselinePort, musterPort, headers, ids, keys) {
  const baseline = { system: 'baseline', port: baselinePort, headers: {}, connections: READ_CONNECTIONS };
  const muster = { system: 'muster', port: musterPort, headers, connections: READ_CONNECTIONS };
  return [
    {
      ...baseline,
      key: 'baseline-get',
      title: 'GET /Users/{id}',
      nextRequest: () => {
        const id = baselineUserId(randomInt(SEEDED));
        return { method: 'GET', path: `/Users/${id}`, check: expectStatus([200], (u) => sameId(u, id)) };
      },
    },
    {
      ...muster,
      key: 'muster-get',
      title: 'GET /Users/{id}',
      nextRequest: () => {
        const id = ids[randomInt(SEEDED)];
        const path = `/scim/v2/Users/${id}`;
        return { method: 'GET', path, check: expectStatus([200], (u) => sameId(u, id)) };
      },
    },
    {
      ...muster,
      key: 'muster-filter',
      title: `GET /Users?filter=userName eq "…" (${SEEDED} users)`,
      nextRequest: () => {
        const userName = userNameOf('user', randomInt(SEEDED));
        const path = `/scim/v2/Users${filterQuery(`userName eq "${userName}"`)}`;
        return { method: 'GET', path, check: expectStatus([200], (list) => exactlyOne(list, userName)) };
      },
    },
    {
      ...baseline,
      key: 'baseline-verify',
      title: `GET /keys/verify (${KEYS} keys)`,
      nextRequest: () => {
        const i = randomInt(KEYS);
        const check = expectStatus([200], (r) => sameId(r.user, baselineUserId(i)));
        return {
          method: 'GET',
          path: '/keys/verify',
          headers: { authorization: `Bearer ${baselineKey(i)}` },
          check,
        };
      },
    },
    {
      ...muster,
      key: 'muster-verify',
      title: `GET /api/v1/keys/verify (${KEYS} keys)`,
      nextRequest: () => {
        const [key, userId] = keys[randomInt(KEYS)];
        const check = expectStatus([200], (r) => sameId(r.user, userId));
        return {
          method: 'GET',
          path: '/api/v1/keys/verify',
          headers: { authorization: `Bearer ${key}` },
          check,
        };
      },
    },
  ];
}

/**
 * Runs the read workloads in interleaved rounds: this machine's speed can drift 2× within minutes, so one long load
 * per system would compare different machines. Within a round the workloads run seconds apart, and the goals pair
 * them round by round (evaluateGoals); each workload's row is its median round.
 */
async function benchReads(workloads) {
  const rounds = workloads.map(() => []);
  for (let round = 1; round <= MODE.rounds; round++) {
    for (const [i, workload] of workloads.entries()) {
      // Later rounds find the JIT and the page cache warm already: a warm-up there would only add time.
      const warmup = round === 1 ? MODE.warmup : 0;
      rounds[i].push(await measureRound(workload, round, warmup));
    }
  }
  for (const [i, { key, title, system, connections }] of workloads.entries()) {
    results.workloads.push({ key, kind: 'load', title, system, connections, ...summariseRounds(rounds[i]) });
  }
}

/** One round of one read workload; a failure becomes that round's figures, so the other rounds still run. */
async function measureRound(workload, round, warmup) {
  const { system, title, connections } = workload;
  log(`round ${round}/${MODE.rounds}, ${system}: ${title} at ${connections} connections for ${ROUND_S} s…`);
  try {
    const figures = await runLoad({ ...workload, duration: ROUND_S, warmup });
    return { round, ...withoutKeys(figures, ['title', 'connections']) };
  } catch (error) {
    log(`FAILED round ${round} of ${system} ${title}: ${messageOf(error)}`);
    return { round, error: messageOf(error) };
  }
}

async function benchInitialSync({ port, syncToken }) {
  const title = `Entra initial sync: ${SYNC.users} users + ${SYNC.groups} groups × ${SYNC.membersPerGroup} (new tenant)`;
  log(`${title}…`);
  await attempt('sync', 'wall', title, async () => {
    const client = new ScimClient({ port, basePath: '/scim/v2', token: syncToken });
    try {
      const sync = await initialSync(client, SYNC);
      const notes = `per user GET filter + POST; per group GET, POST, PATCH Add ×${SYNC.batch}; ${SYNC.concurrency} in flight`;
      return { ...sync, notes };
    } finally {
      client.close();
    }
  });
}

async function benchMemberAdds(port, client, headers, ids) {
  log(`building a ${MODE.users}-member group and a 10-member group…`);
  const t0 = performance.now();
  const bigGroup = await createGroup(client, {
    displayName: 'bench big',
    members: ids.slice(0, MODE.users),
    batch: 1000,
  });
  const buildS = (performance.now() - t0) / 1000;
  const readBack = await memberCount(client, bigGroup);
  record('big-group', `build a ${MODE.users}-member group (PATCH Add, 1000 ids each)`, {
    requests: Math.ceil(MODE.users / 1000) + 1,
    wallS: round2(buildS),
    reqPerSec: Math.round(MODE.users / buildS),
    notes: `req/s = members added per second; ${readBack === MODE.users ? '' : 'WRONG: '}GET reads back ${readBack}`,
  });
  const smallGroup = await createGroup(client, {
    displayName: 'bench small',
    members: ids.slice(0, 10),
    batch: 10,
  });

  const groups = [
    ['patch-small', smallGroup, 10],
    ['patch-big', bigGroup, MODE.users],
  ];
  for (const [key, groupId, size] of groups) {
    let next = MODE.users; // the reserve: users in neither group yet
    const workload = { key, title: `PATCH add 1 member, group of ${size}`, system: 'muster', port, headers };
    await load(
      { ...workload, connections: PATCH_CONNECTIONS, amount: MODE.patches, warmup: MODE.patchWarmup },
      () => {
        const body = JSON.stringify(addMembers([{ value: ids[next++ % SEEDED] }]));
        return { method: 'PATCH', path: `/scim/v2/Groups/${groupId}`, body, check: expectStatus([200, 204]) };
      },
    );
  }
}

/** Runs one autocannon workload; a failure is recorded, not thrown, so the other workloads still run. */
async function load(
  { key, title, system, port, headers, connections, amount, warmup = MODE.warmup },
  nextRequest,
) {
  log(
    `${system}: ${title} at ${connections} connections for ${amount ? `${amount} requests` : `${MODE.duration} s`}…`,
  );
  await attempt(key, 'load', title, async () => {
    const run = await runLoad({
      title,
      port,
      headers,
      connections,
      amount,
      warmup,
      nextRequest,
      duration: MODE.duration,
    });
    return { system, ...run };
  });
}

async function attempt(key, kind, title, task) {
  try {
    results.workloads.push({ key, kind, title, ...(await task()) });
  } catch (error) {
    results.workloads.push({ key, kind, title, error: messageOf(error) });
    log(`FAILED ${title}: ${messageOf(error)}`);
  }
}

function record(key, title, figures) {
  results.workloads.push({ key, kind: 'wall', title, ...figures });
  log(`${title}: ${figures.wallS} s`);
}

async function createAdminKey(env) {
  const out = await runNode(
    [join(ROOT, 'bin/muster.js'), 'admin-key', 'create', '--name', 'bench', '--json'],
    {
      env,
      cwd: ROOT,
    },
  );
  const { key } = JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
  if (typeof key !== 'string' || !key.startsWith('mak_'))
    throw new Error(`admin-key create printed no key: ${out}`);
  return key;
}

async function createToken(env, extra) {
  const out = await runNode([join(ROOT, 'bin/muster.js'), 'scim-token', 'create', ...extra, '--json'], {
    env,
    cwd: ROOT,
  });
  const { token } = JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
  if (typeof token !== 'string' || !token.startsWith('msk_'))
    throw new Error(`scim-token create printed no token: ${out}`);
  return token;
}

function databaseMiB() {
  const files = ['bench.db', 'bench.db-wal'].map((f) => join(work, f)).filter((f) => existsSync(f));
  return round2(files.reduce((sum, f) => sum + statSync(f).size, 0) / 2 ** 20);
}

function sameId(resource, id) {
  return resource?.id === id ? null : `expected id ${id}, got ${resource?.id}`;
}

function exactlyOne(list, userName) {
  const found = list?.Resources;
  if (list?.totalResults !== 1 || !Array.isArray(found) || found.length !== 1) {
    return `expected exactly 1 resource, got totalResults=${list?.totalResults} and ${found?.length} Resources`;
  }
  return found[0].userName?.toLowerCase() === userName ? null : `wrong user ${found[0].userName}`;
}

function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

function withoutKeys(object, keys) {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

function log(text) {
  console.log(`[${String(Math.round((Date.now() - started) / 1000)).padStart(4)} s] ${text}`);
}

function randomInt(n) {
  return Math.floor(Math.random() * n);
}

function round2(value) {
  return Math.round(value * 100) / 100;
}

// Profiles one Muster workload with --cpu-prof: `node profile-get.js [get|filter|verify] [seconds]` after `npm run build`.
// Writes the .cpuprofile under bench/results/ and prints the functions with the most self time.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { userNameOf } from './lib/fake-user.js';
import { freePort, runNode, startServer, stopServer } from './lib/processes.js';
import { ScimClient, filterQuery } from './lib/scim-client.js';
import { seedUsers } from './lib/scim-workloads.js';

const ROOT = new URL('../', import.meta.url).pathname;
const workload = process.argv[2] ?? 'get';
const seconds = Number(process.argv[3] ?? 8);
const work = mkdtempSync(join(tmpdir(), 'muster-prof-'));
const profDir = join(new URL('./results/', import.meta.url).pathname, 'profiles');
rmSync(profDir, { recursive: true, force: true });
mkdirSync(profDir, { recursive: true });
const port = await freePort();
const env = {
  ...process.env,
  PORT: String(port),
  HOST: '127.0.0.1',
  DATABASE_URL: `sqlite:${join(work, 'prof.db')}`,
  LOG_LEVEL: 'warn',
};
const start = (nodeArgs) =>
  startServer({
    name: 'muster',
    args: [...nodeArgs, join(ROOT, 'dist/main.js')],
    env,
    cwd: ROOT,
    readyUrl: `http://127.0.0.1:${port}/healthz`,
  });
// Seeded by an unprofiled server, so the profile holds the measured workload only.
const seeder = await start([]);
const out = await runNode([join(ROOT, 'bin/muster.js'), 'scim-token', 'create', '--name', 'prof', '--json'], {
  env,
  cwd: ROOT,
});
const { token } = JSON.parse(out.trim().split('\n').at(-1));
const client = new ScimClient({ port, basePath: '/scim/v2', token });
const { ids } = await seedUsers(client, { prefix: 'user', count: 2000, concurrency: 16 });
client.close();
const keys = workload === 'verify' ? await createKeys(ids.slice(0, 200)) : [];
await stopServer(seeder);
const server = await start(['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
try {
  let n = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: 32,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
    requests: [
      {
        setupRequest: (req) => {
          n++;
          if (workload === 'verify') {
            const headers = { ...req.headers, authorization: `Bearer ${keys[n % keys.length]}` };
            return { ...req, method: 'GET', path: '/api/v1/keys/verify', headers };
          }
          const path =
            workload === 'filter'
              ? `/scim/v2/Users${filterQuery(`userName eq "${userNameOf('user', n % 2000)}"`)}`
              : `/scim/v2/Users/${ids[n % ids.length]}`;
          return { ...req, method: 'GET', path };
        },
      },
    ],
  });
  console.log(`${workload}: ${result.requests.average} req/s, non-2xx ${result.non2xx}`);
} finally {
  await stopServer(server);
  rmSync(work, { recursive: true, force: true });
}
/** An API key for each user, through the admin API of the (unprofiled) seeding server. */
async function createKeys(userIds) {
  const created = await runNode(
    [join(ROOT, 'bin/muster.js'), 'admin-key', 'create', '--name', 'prof', '--json'],
    {
      env,
      cwd: ROOT,
    },
  );
  const { key: adminKey } = JSON.parse(created.trim().split('\n').at(-1));
  const admin = new ScimClient({ port, basePath: '/api/v1', token: adminKey, mediaType: 'application/json' });
  const keys = [];
  for (const userId of userIds) {
    keys.push((await admin.expect([201], 'POST', `/users/${userId}/api-keys`, { name: 'prof' })).key);
  }
  admin.close();
  return keys;
}

const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
const profile = JSON.parse(readFileSync(join(profDir, file), 'utf8'));
const self = new Map();
const dt = profile.timeDeltas;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const hits = new Map();
for (let i = 0; i < profile.samples.length; i++)
  hits.set(profile.samples[i], (hits.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
let total = 0;
for (const [id, time] of hits) {
  const { callFrame } = byId.get(id);
  const key = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + time);
  total += time;
}
const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 40);
for (const [key, time] of top) console.log(`${((100 * time) / total).toFixed(1).padStart(5)}%  ${key}`);
console.log(`profile: ${join(profDir, file)}`);

// The physical baseline: bare node:http + better-sqlite3 answering GET /Users/:id with one point lookup of a stored JSON
// row, and GET /keys/verify with a SHA-256 of the bearer key and one point lookup of the key's stored identity.
// Usage: node baseline-server.js --db <file> --users <n> [--keys <n>] --port <port>   (prints "ready <port>")
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { baselineKey, baselineKeyIdentity, baselineUserRow } from './lib/fake-user.js';

// better-sqlite3 is the product's dependency; the bench uses that very build from the root node_modules.
const Database = createRequire(new URL('../package.json', import.meta.url))('better-sqlite3');

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    users: { type: 'string' },
    keys: { type: 'string', default: '0' },
    port: { type: 'string', default: '0' },
  },
});
if (values.db === undefined || values.users === undefined) {
  console.error('usage: node baseline-server.js --db <file> --users <n> [--port <port>]');
  process.exit(2);
}

const db = new Database(values.db);
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, data TEXT NOT NULL)');
db.exec('CREATE TABLE IF NOT EXISTS api_keys (key_hash TEXT PRIMARY KEY, identity TEXT NOT NULL)');
seed(Number(values.users));
seedKeys(Number(values.keys));
const lookup = db.prepare('SELECT data FROM users WHERE id = ?').pluck();
const lookupKey = db.prepare('SELECT identity FROM api_keys WHERE key_hash = ?').pluck();
const BEARER = /^Bearer +(\S+)$/i;

const server = createServer((req, res) => {
  const match = req.method === 'GET' ? /^\/Users\/([^/?]+)$/.exec(req.url ?? '') : null;
  if (req.url === '/healthz') return send(res, 200, '{"ok":true}');
  if (req.url === '/keys/verify') return verify(req, res);
  if (match === null) return send(res, 404, '{"status":"404"}');
  const data = lookup.get(match[1]);
  return data === undefined ? send(res, 404, '{"status":"404"}') : send(res, 200, data);
});
server.listen(Number(values.port), '127.0.0.1', () => console.log(`ready ${server.address().port}`));

function verify(req, res) {
  const key = BEARER.exec(req.headers.authorization ?? '')?.[1];
  const identity = key === undefined ? undefined : lookupKey.get(sha256(key));
  if (identity === undefined) return send(res, 401, '{"status":401}', 'application/problem+json');
  const { user, org, teams } = JSON.parse(identity);
  res.setHeader('x-muster-user-id', user.id);
  res.setHeader('x-muster-org-id', org.id);
  res.setHeader('x-muster-team-ids', teams.map((t) => t.id).join(','));
  return send(res, 200, identity, 'application/json');
}

function sha256(text) {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function send(res, status, body, type = 'application/scim+json') {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function seedKeys(count) {
  const insert = db.prepare('INSERT OR IGNORE INTO api_keys (key_hash, identity) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < count; i++)
      insert.run(sha256(baselineKey(i)), JSON.stringify(baselineKeyIdentity(i)));
  })();
}

function seed(count) {
  const have = db.prepare('SELECT count(*) FROM users').pluck().get();
  if (have >= count) return;
  const insert = db.prepare('INSERT OR IGNORE INTO users (id, data) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const row = baselineUserRow(i);
      insert.run(row.id, JSON.stringify(row));
    }
  })();
}

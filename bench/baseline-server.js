// The physical baseline: bare node:http + better-sqlite3 answering GET /Users/:id with one point lookup of a stored JSON row.
// Usage: node baseline-server.js --db <file> --users <n> --port <port>   (prints "ready <port>" once it listens)
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { baselineUserRow } from './lib/fake-user.js';

// better-sqlite3 is the product's dependency; the bench uses that very build from the root node_modules.
const Database = createRequire(new URL('../package.json', import.meta.url))('better-sqlite3');

const { values } = parseArgs({
  options: { db: { type: 'string' }, users: { type: 'string' }, port: { type: 'string', default: '0' } },
});
if (values.db === undefined || values.users === undefined) {
  console.error('usage: node baseline-server.js --db <file> --users <n> [--port <port>]');
  process.exit(2);
}

const db = new Database(values.db);
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, data TEXT NOT NULL)');
seed(Number(values.users));
const lookup = db.prepare('SELECT data FROM users WHERE id = ?').pluck();

const server = createServer((req, res) => {
  const match = req.method === 'GET' ? /^\/Users\/([^/?]+)$/.exec(req.url ?? '') : null;
  if (req.url === '/healthz') return send(res, 200, '{"ok":true}');
  if (match === null) return send(res, 404, '{"status":"404"}');
  const data = lookup.get(match[1]);
  return data === undefined ? send(res, 404, '{"status":"404"}') : send(res, 200, data);
});
server.listen(Number(values.port), '127.0.0.1', () => console.log(`ready ${server.address().port}`));

function send(res, status, body) {
  res.writeHead(status, {
    'content-type': 'application/scim+json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
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

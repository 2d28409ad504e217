// TLS towards PostgreSQL, from DATABASE_URL's sslmode and DATABASE_SSL_CA through loadConfig and openStore to the
// socket: a stand-in server answers PostgreSQL's SSLRequest and completes (or fails) a TLS handshake with a certificate
// for `localhost` signed by a CA made for this test, then hangs up. Opening the store fails either way; what is
// checked is whether TLS was used and whether the certificate was accepted.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/compose.js';
import { loadConfig } from '../../src/config/load-config.js';

/** The first message of a TLS-capable PostgreSQL client: length 8, request code 80877103. */
const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

type Seen = 'plain' | 'tls';

let dir: string;
let caFile: string;
let otherCaFile: string;
let server: Server;
let port: number;
const seen: Seen[] = [];

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
}

/** A CA (ca.pem), a second unrelated CA (other-ca.pem) and a server certificate for DNS:localhost signed by the first. */
function makeCertificates(): { key: string; cert: string } {
  for (const name of ['ca', 'other-ca']) {
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=Muster test ${name}`,
      '-keyout',
      `${name}-key.pem`,
      '-out',
      `${name}.pem`,
    );
  }
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=DNS:localhost\n');
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-keyout',
    'server-key.pem',
    '-out',
    'server.csr',
  );
  openssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca-key.pem',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'san.ext',
    '-out',
    'server.pem',
  );
  return {
    key: readFileSync(join(dir, 'server-key.pem'), 'utf8'),
    cert: readFileSync(join(dir, 'server.pem'), 'utf8'),
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'muster-tls-'));
  const { key, cert } = makeCertificates();
  caFile = join(dir, 'ca.pem');
  otherCaFile = join(dir, 'other-ca.pem');
  server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', (first) => {
      if (!first.equals(SSL_REQUEST)) {
        seen.push('plain');
        socket.destroy();
        return;
      }
      socket.write('S');
      const tls = new TLSSocket(socket, { isServer: true, key, cert });
      tls.on('error', () => undefined);
      tls.on('secure', () => {
        seen.push('tls');
        tls.destroy();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** Opens the store with these settings against the stand-in; returns what the server saw and the error. */
async function connect(host: string, query: string, env: Record<string, string> = {}) {
  seen.length = 0;
  const config = loadConfig({
    DATABASE_URL: `postgres://muster@${host}:${String(port)}/muster${query}`,
    ...env,
  });
  const error: unknown = await openStore(config.database).then(
    async (store) => {
      await store.close();
      return new Error('the stand-in server cannot be a database');
    },
    (e: unknown) => e,
  );
  return { seen: [...seen], message: error instanceof Error ? error.message : String(error) };
}

describe('PostgreSQL TLS', () => {
  it('sslmode=disable (and no sslmode) connects without TLS', async () => {
    expect((await connect('localhost', '?sslmode=disable')).seen).toEqual(['plain']);
    expect((await connect('localhost', '')).seen).toEqual(['plain']);
  });

  it('sslmode=require encrypts without checking the certificate', async () => {
    expect((await connect('127.0.0.1', '?sslmode=require')).seen).toEqual(['tls']);
  });

  it('verify-full trusts DATABASE_SSL_CA and checks the host name', async () => {
    expect((await connect('localhost', '?sslmode=verify-full', { DATABASE_SSL_CA: caFile })).seen).toEqual([
      'tls',
    ]);
    // DATABASE_SSL_CA alone means verify-full.
    expect((await connect('localhost', '', { DATABASE_SSL_CA: caFile })).seen).toEqual(['tls']);
    const wrongHost = await connect('127.0.0.1', '', { DATABASE_SSL_CA: caFile });
    expect(wrongHost.seen).toEqual([]);
    expect(wrongHost.message).toMatch(/altnames/);
  });

  it('verify-ca trusts DATABASE_SSL_CA but not the host name; require + CA behaves as verify-ca', async () => {
    expect((await connect('127.0.0.1', '?sslmode=verify-ca', { DATABASE_SSL_CA: caFile })).seen).toEqual([
      'tls',
    ]);
    expect((await connect('127.0.0.1', '?sslmode=require', { DATABASE_SSL_CA: caFile })).seen).toEqual([
      'tls',
    ]);
    const untrusted = await connect('127.0.0.1', '?sslmode=require', { DATABASE_SSL_CA: otherCaFile });
    expect(untrusted.seen).toEqual([]);
    expect(untrusted.message).toMatch(/certificate/);
  });

  it('verify-full without DATABASE_SSL_CA trusts only the built-in CAs', async () => {
    const result = await connect('localhost', '?sslmode=verify-full');
    expect(result.seen).toEqual([]);
    expect(result.message).toMatch(/certificate/);
  });
});

// A small keep-alive SCIM client for seeding and the initial-sync workload (autocannon drives the fixed-rate workloads).
import { Agent, request } from 'node:http';

export class ScimClient {
  /** @param {{ port: number, basePath: string, token: string, mediaType?: string }} options */
  constructor({ port, basePath, token, mediaType = 'application/scim+json' }) {
    this.port = port;
    this.basePath = basePath;
    this.token = token;
    this.mediaType = mediaType;
    this.agent = new Agent({ keepAlive: true, maxSockets: 64 });
    this.requests = 0;
  }

  /** Sends one request; resolves with status and parsed JSON body (null when empty). Never rejects on HTTP status. */
  send(method, path, body) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = { authorization: `Bearer ${this.token}`, accept: this.mediaType };
    if (payload !== undefined) {
      headers['content-type'] = this.mediaType;
      headers['content-length'] = Buffer.byteLength(payload);
    }
    this.requests++;
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          path: this.basePath + path,
          method,
          headers,
          agent: this.agent,
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            let json = null;
            try {
              json = text === '' ? null : JSON.parse(text);
            } catch {
              json = { unparsable: text.slice(0, 200) };
            }
            resolve({ status: res.statusCode, json });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Like send, but throws a readable error unless the status is one of `expected`. */
  async expect(expected, method, path, body) {
    const res = await this.send(method, path, body);
    if (!expected.includes(res.status)) {
      throw new Error(
        `${method} ${path} → ${res.status} (expected ${expected.join('/')}): ${JSON.stringify(res.json)}`,
      );
    }
    return res.json;
  }

  close() {
    this.agent.destroy();
  }
}

/** Runs `task(item, index)` for every item with at most `concurrency` in flight; resolves with the results in order. */
export async function inPool(items, concurrency, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** The query string of a `filter` (RFC 7644 §3.4.2.2), percent-encoded. */
export function filterQuery(filter, extra = '') {
  return `?filter=${encodeURIComponent(filter)}${extra}`;
}

/** The requests of one IdP spread round-robin over several instances (a load balancer in front of them). */
export class SpreadClient {
  /** @param {ScimClient[]} clients */
  constructor(clients) {
    this.clients = clients;
    this.next = 0;
  }

  get requests() {
    return this.clients.reduce((total, c) => total + c.requests, 0);
  }

  #pick() {
    const client = this.clients[this.next % this.clients.length];
    this.next++;
    return client;
  }

  send(method, path, body) {
    return this.#pick().send(method, path, body);
  }

  expect(expected, method, path, body) {
    return this.#pick().expect(expected, method, path, body);
  }

  close() {
    for (const client of this.clients) client.close();
  }
}

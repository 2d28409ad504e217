// A real HTTP receiver on 127.0.0.1 for the webhook tests: records every request (headers and raw body) and answers
// 503 while it is "down", 200 once it is up. A refusing receiver is one whose port has nothing listening yet.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  readonly id: string;
  readonly timestamp: string;
  readonly signature: string;
  readonly body: string;
  /** The status this request was answered with. */
  readonly answered: number;
}

export interface WebhookReceiver {
  readonly url: string;
  /** Every request, in arrival order, whatever it was answered. */
  readonly requests: ReceivedWebhook[];
  /** Answers 503 to the next `count` requests. */
  failNext(count: number): void;
  /** Holds the next request unanswered until the returned release() is called; `arrived` resolves when it comes. */
  holdNext(): { readonly arrived: Promise<void>; release(): void };
  close(): Promise<void>;
}

function deferred(): { readonly promise: Promise<void>; readonly resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function header(request: IncomingMessage, name: string): string {
  const value = request.headers[name];
  return typeof value === 'string' ? value : '';
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** A port on 127.0.0.1 that nothing listens on (taken, then freed). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe, 0);
  await new Promise<void>((resolve) =>
    probe.close(() => {
      resolve();
    }),
  );
  return port;
}

/** Starts listening on `port` (0: any free port). */
export async function startWebhookReceiver(port = 0): Promise<WebhookReceiver> {
  const requests: ReceivedWebhook[] = [];
  let failures = 0;
  let hold: { arrived: () => void; released: Promise<void> } | undefined;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readBody(request);
    const answered = failures > 0 ? 503 : 200;
    if (failures > 0) failures -= 1;
    const held = hold;
    hold = undefined;
    if (held !== undefined) {
      held.arrived();
      await held.released;
    }
    requests.push({
      id: header(request, 'webhook-id'),
      timestamp: header(request, 'webhook-timestamp'),
      signature: header(request, 'webhook-signature'),
      body,
      answered,
    });
    response.writeHead(answered, { 'content-type': 'text/plain' });
    response.end(answered === 200 ? 'ok' : 'receiver is down');
  };

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  const bound = await listen(server, port);
  return {
    url: `http://127.0.0.1:${bound}/hooks`,
    requests,
    failNext(count) {
      failures = count;
    },
    holdNext() {
      const arrived = deferred();
      const released = deferred();
      hold = { arrived: arrived.resolve, released: released.promise };
      return { arrived: arrived.promise, release: released.resolve };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

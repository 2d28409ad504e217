// A TCP proxy on 127.0.0.1 between Muster and its database, for outage tests. cut() is the database going away:
// every open connection is reset and new ones are refused (nothing listens on the port). blackhole() is a network
// partition: connections are accepted and kept, but nothing passes in either direction. restore() brings the path
// back on the same port.
import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  readonly host: string;
  readonly port: number;
  /** Resets every open connection and stops listening: new connections are refused. */
  cut(): Promise<void>;
  /** Accepts connections but passes no bytes, and stops passing bytes on the open ones. */
  blackhole(): void;
  /** Forwards again (listening again after cut()); connections made during the outage are reset. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

interface Pair {
  readonly client: Socket;
  readonly upstream: Socket;
}

export async function startTcpProxy(target: {
  readonly host: string;
  readonly port: number;
}): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  /** Connections accepted while blackholed: held open, never forwarded. */
  const held = new Set<Socket>();
  let blackholed = false;
  let port = 0;

  const onConnection = (client: Socket): void => {
    if (blackholed) {
      held.add(client);
      client.on('error', () => undefined);
      client.on('close', () => held.delete(client));
      return;
    }
    const upstream = connect(target.port, target.host);
    const pair = { client, upstream };
    pairs.add(pair);
    const drop = (): void => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  };

  let server: Server | undefined;
  const listen = async (): Promise<void> => {
    const listening = createServer(onConnection);
    listening.listen(port, '127.0.0.1');
    await once(listening, 'listening');
    port = (listening.address() as AddressInfo).port;
    server = listening;
  };
  await listen();

  const resetAll = (): void => {
    for (const { client, upstream } of pairs) {
      client.resetAndDestroy();
      upstream.destroy();
    }
    pairs.clear();
    for (const socket of held) socket.resetAndDestroy();
    held.clear();
  };

  /** Stops accepting at once; resolves once the open connections are gone too (reset them meanwhile). */
  const stopListening = async (): Promise<void> => {
    const listening = server;
    server = undefined;
    if (listening === undefined) return;
    const closed = once(listening, 'close');
    listening.close();
    await closed;
  };

  return {
    host: '127.0.0.1',
    get port() {
      return port;
    },
    async cut() {
      blackholed = false;
      const stopped = stopListening();
      resetAll();
      await stopped;
    },
    blackhole() {
      blackholed = true;
      for (const { client, upstream } of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    async restore() {
      blackholed = false;
      // A partitioned connection never recovers its lost bytes: both ends see it reset when the path comes back.
      resetAll();
      if (server === undefined) await listen();
    },
    async close() {
      const stopped = stopListening();
      resetAll();
      await stopped;
    },
  };
}

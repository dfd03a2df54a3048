// A TCP relay between a bot process and PostgreSQL, standing for the network: cut() breaks every
// connection through it and refuses new ones (the database is unreachable from that replica,
// as when a link goes down), restore() lets connections through again. PostgreSQL itself stays
// up for everyone else (the test, the other replicas, the other test files).
import { createServer, connect, type Server, type Socket } from "node:net";

export interface TcpProxy {
  /** The port to connect to instead of the target's. */
  readonly port: number;
  /** Connections through the proxy now. */
  readonly open: number;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  let cutOff = false;
  const server: Server = createServer((client) => {
    if (cutOff) {
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const cut = () => {
    cutOff = true;
    // A reset, not a polite close: the replica sees its connections fail at once.
    for (const [client, upstream] of pairs) {
      client.resetAndDestroy();
      upstream.destroy();
    }
    pairs.clear();
  };
  return {
    port,
    get open() {
      return pairs.size;
    },
    cut,
    restore() {
      cutOff = false;
    },
    async close() {
      cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

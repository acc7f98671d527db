import { createServer, connect, type Socket } from 'node:net';

export interface CuttableProxy {
  port: number;
  /** Connections open through the proxy now. */
  readonly open: number;
  /**
   * The link goes down loudly: every open connection is reset (a TCP RST, as a restarted server or a dropped route
   * gives) and new ones are reset as soon as they arrive, until `restore`.
   */
  cut(): void;
  /**
   * The link goes silent: nothing is answered, nothing refused (a partition that drops packets). Bytes are held,
   * and delivered on `restore`, as TCP's retransmissions would deliver them once the route is back.
   */
  stall(): void;
  restore(): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy on a free port of 127.0.0.1 to `target`, which a test can cut, stall and restore: what lies between the
 * instances and their PostgreSQL, so that the database becomes unreachable for them while it keeps running.
 */
export function startCuttableProxy(target: { host: string; port: number }): Promise<CuttableProxy> {
  let state: 'up' | 'cut' | 'stalled' = 'up';
  const sockets = new Set<Socket>();
  const clients = new Set<Socket>();
  /** What a stalled link holds, to deliver on restore. */
  let held: (() => void)[] = [];
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const forward = (from: Socket, to: Socket) =>
    from.on('data', (chunk: Buffer) => {
      if (state === 'stalled') held.push(() => to.write(chunk));
      else to.write(chunk);
    });
  const link = (client: Socket) => {
    const upstream = connect(target.port, target.host);
    track(upstream);
    upstream.once('close', () => client.destroy());
    client.once('close', () => upstream.destroy());
    forward(client, upstream);
    forward(upstream, client);
  };
  const server = createServer((client) => {
    track(client);
    clients.add(client);
    client.once('close', () => clients.delete(client));
    if (state === 'cut') return void client.resetAndDestroy();
    // A connection made while the link is silent reaches the server only once it is back.
    if (state === 'stalled') {
      client.pause();
      held.push(() => {
        link(client);
        client.resume();
      });
      return;
    }
    link(client);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as { port: number }).port,
        get open() {
          return clients.size;
        },
        cut() {
          state = 'cut';
          held = [];
          for (const socket of sockets) socket.resetAndDestroy();
        },
        stall() {
          state = 'stalled';
        },
        restore() {
          state = 'up';
          for (const deliver of held.splice(0)) deliver();
        },
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      }),
    ),
  );
}

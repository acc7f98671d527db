import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createTcpServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));
export const CLUSTER_ADMIN = 'token-de-prueba-de-varias-instancias';

export interface Instance {
  process: ChildProcess;
  port: number;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

/**
 * Starts one server instance as its own process, exactly as `npm start` runs it (the bundle: build it first), on
 * port 0, with `env` (the database and Redis it shares with the others), and waits for its port.
 */
export function startInstance(env: Record<string, string>): Promise<Instance> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cocrea-instance-'));
  const child = spawn(process.execPath, ['dist/main.mjs'], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      COCREA_DATA_DIR: dataDir,
      COCREA_ADMIN_TOKEN: CLUSTER_ADMIN,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      rmSync(dataDir, { recursive: true, force: true });
      resolve(code);
    }),
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /localhost:(\d+)/.exec(out);
      if (match) resolve({ process: child, port: Number(match[1]), exited });
    });
    void exited.then((code) => reject(new Error(`server exited early with ${code}: ${out}`)));
  });
}

/** A free TCP port on 127.0.0.1, found by binding a socket to port 0 and closing it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createTcpServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface Balancer {
  port: number;
  close(): Promise<void>;
}

/**
 * One address in front of several instances, as nginx would be: each new connection goes to the next instance in
 * turn that accepts it (no sticky sessions), bytes piped both ways. A dead instance's connections break, and the
 * clients' reconnections land on the live ones.
 */
export function startBalancer(ports: () => number[]): Promise<Balancer> {
  let next = 0;
  const sockets = new Set<Socket>();
  const server: Server = createTcpServer((client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    const candidates = ports();
    const tryAt = (attempt: number): void => {
      if (attempt >= candidates.length) {
        client.destroy();
        return;
      }
      const port = candidates[next++ % candidates.length]!;
      const upstream = connect(port, '127.0.0.1');
      upstream.once('error', () => {
        if (upstream.bytesRead === 0 && !client.destroyed) tryAt(attempt + 1);
        else client.destroy();
      });
      upstream.once('connect', () => {
        sockets.add(upstream);
        upstream.once('close', () => {
          sockets.delete(upstream);
          client.destroy();
        });
        client.once('close', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
      });
    };
    client.on('error', () => client.destroy());
    tryAt(0);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as { port: number }).port,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      }),
    ),
  );
}

export interface OwnRedis {
  url: string;
  /** Stops this Redis (SIGTERM to the process this test started) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty, as after a restart without persistence. */
  start(): Promise<void>;
}

/**
 * A Redis of this test's own on a free port, which it may stop and start (the machine's shared Redis is never
 * touched). Fails, saying how to install it, when `redis-server` is not there.
 */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const started = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      child = started;
      let out = '';
      started.once('error', (error) =>
        reject(
          new Error(
            `No se pudo iniciar redis-server: instálelo con \`apt-get install redis-server\`. / Could not start ` +
              `redis-server: install it with \`apt-get install redis-server\`. (${error.message})`,
          ),
        ),
      );
      started.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Ready to accept connections')) resolve();
      });
      started.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out}`)));
    });
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    stop: () =>
      new Promise<void>((resolve) => {
        const running = child;
        if (running === null || running.exitCode !== null) return resolve();
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      }),
  };
}

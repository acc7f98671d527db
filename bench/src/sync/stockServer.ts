import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { spawnNode, stopChild } from '../childProcesses';
import { readyLine } from '../readyLine';
import type { SyncServer } from './SyncServer';

/** The package's bin; its `exports` map does not expose it, so it is found next to the package.json. */
const serverScript = join(
  dirname(createRequire(import.meta.url).resolve('@y/websocket-server/package.json')),
  'src/server.js',
);

/**
 * Starts the stock @y/websocket-server as its own process, as its README runs it: in memory, no auth, Yjs GC on.
 * Its `src/server.js` and `src/utils.js` read HOST, PORT, GC, YPERSISTENCE (any string, even empty, turns on
 * LevelDB) and CALLBACK_URL; the last two are kept out. It logs the port it was given, not the one it bound, so
 * the port is picked here. A second one under another `name` measures the harness against itself (the A/A band).
 */
export async function startStockServer(name = 'y-websocket-server'): Promise<SyncServer> {
  const port = await freePort();
  const { YPERSISTENCE: _persistence, CALLBACK_URL: _callback, GC: _gc, ...env } = process.env;
  const child = spawnNode([serverScript], {
    env: { ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await readyLine(child, /running at/);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  let opened = 0;
  return {
    name,
    pids: [child.pid],
    async openRooms(count) {
      // It keeps every document in memory for good, so each scenario gets rooms no earlier one touched.
      return Array.from({ length: count }, () => ({
        serverUrl: `ws://127.0.0.1:${port}`,
        room: `bench-${++opened}`,
        params: {},
      }));
    },
    stop: () => stopChild(child),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

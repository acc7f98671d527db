import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnNode, stopChild, TSX } from '../childProcesses';
import { readyLine } from '../readyLine';
import type { SyncServer } from './SyncServer';

const processModule = fileURLToPath(new URL('./hocuspocusProcess.ts', import.meta.url));

/** Starts the Hocuspocus peer (`hocuspocusProcess.ts`) over a fresh SQLite file that `stop()` removes. */
export async function startHocuspocusServer(): Promise<SyncServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hocuspocus-bench-'));
  const child = spawnNode([...TSX, processModule], {
    env: { ...process.env, HOCUSPOCUS_DATABASE: join(dataDir, 'hocuspocus.sqlite') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let port: number;
  try {
    port = Number((await readyLine(child, /hocuspocus listening on (\d+)/))[1]);
  } catch (error) {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  let opened = 0;
  return {
    name: 'hocuspocus',
    pids: [child.pid],
    async openRooms(count) {
      // Documents are made on first use and kept (stored in its SQLite file): each scenario gets new names.
      return Array.from({ length: count }, () => ({
        serverUrl: `ws://127.0.0.1:${port}`,
        room: `bench-${++opened}`,
        params: {},
        protocol: 'hocuspocus' as const,
      }));
    },
    async stop() {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

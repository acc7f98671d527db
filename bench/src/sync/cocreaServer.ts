import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTs, stopChild } from '../childProcesses';
import { readyLine } from './readyLine';
import type { RoomAddress, SyncServer } from './SyncServer';

const serverDir = fileURLToPath(new URL('../../../server/', import.meta.url));

export interface CocreaServer extends SyncServer {
  /** The SQLite file the server writes. */
  databaseFile: string;
  /** Creates a mesa through the REST API, as the STL would, and returns a participant's address. */
  createMesa(title: string): Promise<RoomAddress>;
}

interface CreatedMesa {
  mesa: { id: string };
  tokens: { participant: string };
}

/** Starts `server/src/main.ts` as its own process, exactly as `npm start` runs it, over a fresh data folder. */
export async function startCocreaServer(): Promise<CocreaServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cocrea-bench-'));
  const adminToken = randomBytes(24).toString('base64url');
  const child = spawnTs('src/main.ts', {
    cwd: serverDir,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      COCREA_DATA_DIR: dataDir,
      COCREA_ADMIN_TOKEN: adminToken,
      // The default: the benchmark measures what ships, whatever the caller's environment says.
      COCREA_SQLITE_SYNC: 'NORMAL',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let port: number;
  try {
    port = Number((await readyLine(child, /escuchando en http:\/\/localhost:(\d+)/))[1]);
  } catch (error) {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  let created = 0;

  async function createMesa(title: string): Promise<RoomAddress> {
    const res = await fetch(`${baseUrl}/api/mesas`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ title, theme: 'movilidad', date: '2026-11-21' }),
    });
    if (res.status !== 201) throw new Error(`POST /api/mesas: ${res.status} ${await res.text()}`);
    const { mesa, tokens } = (await res.json()) as CreatedMesa;
    return { serverUrl: `ws://127.0.0.1:${port}/sync`, room: mesa.id, params: { token: tokens.participant } };
  }

  return {
    name: 'cocrea',
    pid: child.pid,
    databaseFile: join(dataDir, 'cocrea.sqlite'),
    createMesa,
    async openRooms(count) {
      const rooms: RoomAddress[] = [];
      // One at a time: the API is rate-limited per address, and a hundred requests take a fraction of a second.
      for (let i = 0; i < count; i++) rooms.push(await createMesa(`Mesa de carga ${++created}`));
      return rooms;
    },
    async stop() {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

import { startCocreaProcess, type CocreaProcess, type CocreaProcessOptions } from '../cocreaProcess';
import type { RoomAddress, SyncServer } from './SyncServer';

export interface CocreaServer extends SyncServer {
  /** The SQLite file the server writes (none on PostgreSQL). */
  databaseFile: string;
  /** Creates a mesa through the REST API, as the STL would, and returns a participant's address. */
  createMesa(title: string): Promise<RoomAddress>;
}

/** Cocrea as the sync benchmark sees it: rooms are mesas, reached with a participant's capability. */
export async function startCocreaServer(
  name = 'cocrea',
  options: CocreaProcessOptions = {},
): Promise<CocreaServer & { process: CocreaProcess }> {
  const server = await startCocreaProcess(options);
  let created = 0;

  async function createMesa(title: string): Promise<RoomAddress> {
    const { mesa, tokens } = await server.createMesa(title);
    return { serverUrl: syncUrl(server), room: mesa.id, params: { token: tokens.participant } };
  }

  return {
    name,
    pids: [server.pid],
    process: server,
    databaseFile: server.databaseFile,
    createMesa,
    async openRooms(count) {
      const rooms: RoomAddress[] = [];
      // One at a time: the API is rate-limited per address, and a hundred requests take a fraction of a second.
      for (let i = 0; i < count; i++) rooms.push(await createMesa(`Mesa de carga ${++created}`));
      return rooms;
    },
    stop: () => server.stop(),
  };
}

/** The y-websocket endpoint of a Cocrea process. */
export function syncUrl(server: CocreaProcess): string {
  return `ws://127.0.0.1:${server.port}/sync`;
}

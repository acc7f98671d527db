/** The wire protocols the load clients speak: y-websocket's, and Hocuspocus's (every message names its document). */
export type Protocol = 'y-websocket' | 'hocuspocus';

/** Where a client finds one room: for y-websocket, `new WebsocketProvider(serverUrl, room, doc, { params })`. */
export interface RoomAddress {
  serverUrl: string;
  room: string;
  params: Record<string, string>;
  /** y-websocket's unless said. */
  protocol?: Protocol;
  /**
   * Several instances serving the room together: client c of the room connects to `serverUrls[c % length]`
   * instead of `serverUrl` (see the scale benchmark).
   */
  serverUrls?: string[];
}

export type ServerName = string;

/** A sync server (or a group of instances serving rooms together) running in processes of its own. */
export interface SyncServer {
  name: ServerName;
  /** The server's processes, to read their CPU time. */
  pids: (number | undefined)[];
  /**
   * The PostgreSQL backends (processes named `postgres`) serving this server's connections, for a server that
   * stores there: their CPU is part of what an edit costs.
   */
  databasePids?(): Promise<number[]>;
  /** Makes `count` new, empty rooms and says how to reach them. */
  openRooms(count: number): Promise<RoomAddress[]>;
  stop(): Promise<void>;
}

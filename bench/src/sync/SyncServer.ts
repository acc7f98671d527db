/** Where a y-websocket client finds one room: `new WebsocketProvider(serverUrl, room, doc, { params })`. */
export interface RoomAddress {
  serverUrl: string;
  room: string;
  params: Record<string, string>;
}

export type ServerName = 'cocrea' | 'y-websocket-server';

/** A sync server running as its own process for the benchmark. */
export interface SyncServer {
  name: ServerName;
  /** The server's process, to read its CPU time. */
  pid: number | undefined;
  /** Makes `count` new, empty rooms and says how to reach them. */
  openRooms(count: number): Promise<RoomAddress[]>;
  stop(): Promise<void>;
}

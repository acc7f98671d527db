import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import {
  MessageType,
  SyncType,
  agendaSnapshotSchema,
  mesaNoticeSchema,
  type AgendaSnapshot,
  type MesaNotice,
} from '@cocrea/shared';

export interface StockClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The latest `stored` count the server acknowledged to this client (Cocrea's custom message). */
  stored(): number;
  /** Update-bearing sync frames this client has sent on its current socket. */
  sent(): number;
  /** How many of them the server refused for touching a locked tool (Cocrea's message 102), and the last tool. */
  refused(): { count: number; tool: string | null };
  /** The latest agenda the server published to this client (Cocrea's message 101), or null before the first. */
  agenda(): AgendaSnapshot | null;
  /** Every notice the server sent this client (Cocrea's message 103), oldest first, as read from the frames. */
  notices(): MesaNotice[];
  /** Every frame the server sent this client, as received, oldest first (kept only with `keepFrames`). */
  frames(): Uint8Array[];
  destroy(): void;
}

/**
 * The stock y-websocket 3 client, unchanged, over Node's `ws`. It counts the update frames it sends and reads
 * the server's `stored` acknowledgements, as Cocrea's browser client does. With a `seat` (from a join) the server
 * knows the person, as it knows a browser's.
 */
export function connectStockClient(
  wsUrl: string,
  room: string,
  token: string,
  doc = new Y.Doc(),
  { seat, keepFrames = false }: { seat?: string; keepFrames?: boolean } = {},
): StockClient {
  const frames: Uint8Array[] = [];
  let stored = 0;
  let sent = 0;
  let refused = { count: 0, tool: null as string | null };
  let agenda: AgendaSnapshot | null = null;
  const notices: MesaNotice[] = [];
  class CountingWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      sent = 0;
      stored = 0;
      refused = { count: 0, tool: null };
      if (keepFrames) this.on('message', (data: Buffer | ArrayBuffer) => frames.push(new Uint8Array(data)));
    }
    override send(data: never, ...rest: never[]): void {
      if (isUpdateFrame(data as Uint8Array)) sent++;
      (super.send as (...args: unknown[]) => void)(data, ...rest);
    }
  }
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
    params: seat === undefined ? { token } : { token, seat },
    disableBc: true,
  });
  provider.messageHandlers[MessageType.stored] = (_encoder, decoder) => {
    stored = decoding.readVarUint(decoder);
  };
  provider.messageHandlers[MessageType.refused] = (_encoder, decoder) => {
    refused = { count: decoding.readVarUint(decoder), tool: decoding.readVarString(decoder) };
  };
  provider.messageHandlers[MessageType.agenda] = (_encoder, decoder) => {
    agenda = agendaSnapshotSchema.parse(JSON.parse(decoding.readVarString(decoder)));
  };
  provider.messageHandlers[MessageType.notice] = (_encoder, decoder) => {
    notices.push(mesaNoticeSchema.parse(JSON.parse(decoding.readVarString(decoder))));
  };
  return {
    doc,
    provider,
    stored: () => stored,
    sent: () => sent,
    refused: () => refused,
    agenda: () => agenda,
    notices: () => notices,
    frames: () => frames,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

function isUpdateFrame(data: Uint8Array): boolean {
  if (!(data instanceof Uint8Array) || data.length < 2) return false;
  const d = decoding.createDecoder(data);
  if (decoding.readVarUint(d) !== MessageType.sync) return false;
  const t = decoding.readVarUint(d);
  return t === SyncType.step2 || t === SyncType.update;
}

/** Resolves once the client has exchanged its first sync with the server. */
export function whenSynced(client: StockClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (synced: boolean) => {
      if (!synced) return;
      client.provider.off('sync', onSync);
      resolve();
    };
    client.provider.on('sync', onSync);
  });
}

/** Opens a raw socket and resolves with it once open, or rejects with the HTTP status of a refused upgrade. */
export function openRawSocket(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.binaryType = 'nodebuffer';
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new RefusedUpgrade(res.statusCode ?? 0)));
    ws.once('error', reject);
  });
}

export class RefusedUpgrade extends Error {
  constructor(readonly status: number) {
    super(`upgrade refused with ${status}`);
  }
}

/** Resolves with the close code and reason when `ws` closes. */
export function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

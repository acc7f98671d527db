import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType, SyncType } from '@cocrea/shared';
import { now } from '../clock';
import type { Edit } from './loadProtocol';
import type { Protocol, RoomAddress } from './SyncServer';

/**
 * A cheap load client: a Yjs sync protocol as the stock clients speak it on the wire (sync steps, updates, presence
 * renewed every 15 s), with a document that holds only its own edits. What others send is neither applied nor
 * decoded: each edit carries a marker (see `encodeEdit`) that is found in the raw frame. Applying every update to
 * a full replica, and later decoding each one, made the load workers the slowest part of the measurement (their
 * garbage collector and their CPU set the tail, whichever server they talked to); a scan for a few bytes leaves
 * the two cores to the servers.
 */
export interface WireClient {
  /** Writes this client's entry of the shared `edits` map: one update, sent to the server. */
  edit(value: Edit): void;
  /** Sends its presence with a cursor somewhere else, as the web client does while the mouse moves. */
  moveCursor(): void;
  /** Resolves once the server's sync step 2 has arrived; rejects if the socket fails or closes before. */
  synced: Promise<void>;
  destroy(): void;
}

/**
 * The loopback address a room's clients connect from: a mesa's people share their venue's address, as they would
 * behind its NAT, and different rooms come from different places. All of 127.0.0.0/8 is this host on Linux. From
 * one address, the 1 000 clients of the 100-room scenario would be more upgrades than the server lets one address
 * make in a minute (`UPGRADE_LIMIT`).
 */
function venueAddress(room: string): string {
  let hash = 0;
  for (let i = 0; i < room.length; i++) hash = (hash * 31 + room.charCodeAt(i)) >>> 0;
  return `127.1.${(hash >>> 8) & 255}.${1 + (hash % 254)}`;
}

/** The stock clients renew their presence when half of the 30 s after which others drop them have passed. */
const AWARENESS_RENEW_MS = 15_000;

/** Hocuspocus's message types where they differ from y-websocket's (its `MessageType` enum). */
const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_SYNC_REPLY = 4;

/**
 * An edit as the map entry's value: a string, which Yjs writes into the update as its UTF-8 bytes, so that a
 * reader finds it with `indexOf` on the frame. `~` closes it and appears in none of its fields.
 */
const MARK = Buffer.from('~cb:');
const END = '~'.charCodeAt(0);
function encodeEdit(edit: Edit): string {
  return `~cb:${edit.client},${edit.instance},${edit.t},${edit.measured ? 1 : 0}~`;
}

/** Every edit marked in a frame; anything that only looks like a marker is skipped. */
export function markedEdits(frame: Buffer): Edit[] {
  const edits: Edit[] = [];
  for (let at = frame.indexOf(MARK); at >= 0; at = frame.indexOf(MARK, at + 1)) {
    const end = frame.indexOf(END, at + MARK.length);
    if (end < 0) break;
    const [client, instance, t, measured] = frame
      .toString('latin1', at + MARK.length, end)
      .split(',')
      .map(Number);
    if (client === undefined || instance === undefined || t === undefined || Number.isNaN(t)) continue;
    edits.push({ client, instance, t, measured: measured === 1 });
  }
  return edits;
}

export interface WireClientSpec {
  address: RoomAddress;
  /** The server URL this client connects to (one of `address.serverUrls` when the room spans instances). */
  serverUrl: string;
  /** This client's id: the server's echo of its own edits is no delivery. */
  client: number;
}

export interface WireClientEvents {
  /** Another client's edit arrived, at `receivedAt` on the shared clock. */
  onRemoteEdit(edit: Edit, receivedAt: number): void;
  /** A presence (awareness) frame of `bytes` arrived. */
  onPresence(bytes: number): void;
}

export function connectWireClient(
  { address, serverUrl, client }: WireClientSpec,
  { onRemoteEdit, onPresence }: WireClientEvents,
): WireClient {
  const protocol: Protocol = address.protocol ?? 'y-websocket';
  const doc = new Y.Doc();
  const edits = doc.getMap<string>('edits');
  const key = String(client);
  const query = new URLSearchParams(address.params).toString();
  // Hocuspocus names the document in every message, not in the URL.
  const url = protocol === 'hocuspocus' ? serverUrl : `${serverUrl}/${address.room}`;
  const ws = new WebSocket(`${url}${query === '' ? '' : `?${query}`}`, { localAddress: venueAddress(address.room) });
  ws.binaryType = 'nodebuffer';
  let awarenessClock = 0;
  let renewTimer: NodeJS.Timeout | undefined;
  let resolveSynced: () => void = () => {};
  let rejectSynced: (error: Error) => void = () => {};
  const synced = new Promise<void>((resolve, reject) => {
    resolveSynced = resolve;
    rejectSynced = reject;
  });

  const send = (type: number, write: (encoder: encoding.Encoder) => void) => {
    if (ws.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    if (protocol === 'hocuspocus') encoding.writeVarString(encoder, address.room);
    encoding.writeVarUint(encoder, type);
    write(encoder);
    ws.send(encoding.toUint8Array(encoder));
  };
  const sendSync = (write: (encoder: encoding.Encoder) => void) => send(MessageType.sync, write);
  // Presence written by hand rather than through y-protocols' Awareness, which would run a timer per client. A
  // person's state as the web client shares it: who they are and, once they move the mouse, where.
  const user = { id: `p${client}`, role: 'participant', name: `Persona ${client}`, color: '#1f77b4' };
  let state = JSON.stringify({ user });
  const sendPresence = () =>
    send(MessageType.awareness, (encoder) => {
      const update = encoding.createEncoder();
      encoding.writeVarUint(update, 1);
      encoding.writeVarUint(update, doc.clientID);
      encoding.writeVarUint(update, ++awarenessClock);
      encoding.writeVarString(update, state);
      encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
    });

  doc.on('update', (update: Uint8Array) => sendSync((encoder) => syncProtocol.writeUpdate(encoder, update)));
  // No reconnection: a socket lost before its first sync fails the run; one lost later shows as missing deliveries.
  ws.on('error', (error) => rejectSynced(new Error(`${address.room}: ${error.message}`)));
  ws.on('close', (code, reason) => rejectSynced(new Error(`${address.room}: closed ${code} ${reason.toString()}`)));
  ws.on('open', () => {
    // Hocuspocus holds every other message of a document until the client has sent its token (none needed here).
    if (protocol === 'hocuspocus') send(HOCUSPOCUS_AUTH, (encoder) => writeToken(encoder, ''));
    sendSync((encoder) => syncProtocol.writeSyncStep1(encoder, doc));
    sendPresence();
    renewTimer = setInterval(sendPresence, AWARENESS_RENEW_MS);
  });
  // A server that fell behind goes on sending until the close handshake ends: none of that belongs to the next round.
  let destroyed = false;
  ws.on('message', (data: Buffer) => {
    if (destroyed) return;
    const decoder = decoding.createDecoder(data);
    if (protocol === 'hocuspocus') decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.awareness) onPresence(data.length);
    if (type !== MessageType.sync && !(protocol === 'hocuspocus' && type === HOCUSPOCUS_SYNC_REPLY)) return;
    const syncType = decoding.readVarUint(decoder);
    if (syncType === SyncType.step1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      sendSync((encoder) => syncProtocol.writeSyncStep2(encoder, doc, stateVector));
      return;
    }
    // Every edit in one frame arrived together, so one reading of the clock serves them all.
    const receivedAt = now();
    for (const edit of markedEdits(data)) if (edit.client !== client) onRemoteEdit(edit, receivedAt);
    if (syncType === SyncType.step2) resolveSynced();
  });

  return {
    edit: (value) => edits.set(key, encodeEdit(value)),
    moveCursor() {
      state = JSON.stringify({
        user,
        cursor: { x: Math.round(Math.random() * 1200), y: Math.round(Math.random() * 800) },
      });
      sendPresence();
    },
    synced,
    destroy() {
      destroyed = true;
      clearInterval(renewTimer);
      ws.close();
      doc.destroy();
    },
  };
}

/** Hocuspocus's token message (`writeAuthentication` in `@hocuspocus/common`): its sub-type 0, then the token. */
function writeToken(encoder: encoding.Encoder, token: string): void {
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, token);
}

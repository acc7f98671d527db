import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType, SyncType } from '@cocrea/shared';
import { now } from '../clock';
import type { Edit } from './loadProtocol';
import type { RoomAddress } from './SyncServer';

/**
 * A load client: the y-websocket protocol as the stock client speaks it on the wire (sync steps, updates, its
 * presence renewed every 15 s), with a document that holds only its own edits. Others' edits are decoded, to read
 * when they were made, but not applied: the stock client, applying each one to a full replica, made the load
 * workers the slowest part of the measurement (a 5–8 ms scavenge ten times a second in each worker at 100 × 10,
 * so that the tail measured the workers' garbage collector, whichever server they were talking to).
 */
export interface WireClient {
  /** Writes this client's entry of the shared `edits` map: one update, sent to the server. */
  edit(key: string, value: Edit): void;
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

/** The stock client renews its presence when half of the 30 s after which others drop it have passed. */
const AWARENESS_RENEW_MS = 15_000;

export function connectWireClient(
  address: RoomAddress,
  onRemoteEdit: (edit: Edit, receivedAt: number) => void,
): WireClient {
  const doc = new Y.Doc();
  const edits = doc.getMap<Edit>('edits');
  const query = new URLSearchParams(address.params).toString();
  const ws = new WebSocket(`${address.serverUrl}/${address.room}${query === '' ? '' : `?${query}`}`, {
    localAddress: venueAddress(address.room),
  });
  ws.binaryType = 'nodebuffer';
  let awarenessClock = 0;
  let renewTimer: NodeJS.Timeout | undefined;
  let resolveSynced: () => void = () => {};
  let rejectSynced: (error: Error) => void = () => {};
  const synced = new Promise<void>((resolve, reject) => {
    resolveSynced = resolve;
    rejectSynced = reject;
  });

  const send = (write: (encoder: encoding.Encoder) => void) => {
    if (ws.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    write(encoder);
    ws.send(encoding.toUint8Array(encoder));
  };
  /** A sync message, framed by y-protocols as the stock client frames it. */
  const sendSync = (write: (encoder: encoding.Encoder) => void) =>
    send((encoder) => {
      encoding.writeVarUint(encoder, MessageType.sync);
      write(encoder);
    });
  // Presence written by hand rather than through y-protocols' Awareness, which would run a timer per client.
  const sendPresence = () =>
    send((encoder) => {
      const update = encoding.createEncoder();
      encoding.writeVarUint(update, 1);
      encoding.writeVarUint(update, doc.clientID);
      encoding.writeVarUint(update, ++awarenessClock);
      encoding.writeVarString(update, '{}');
      encoding.writeVarUint(encoder, MessageType.awareness);
      encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
    });

  doc.on('update', (update: Uint8Array) => sendSync((encoder) => syncProtocol.writeUpdate(encoder, update)));
  // No reconnection: a socket lost before its first sync fails the run; one lost later shows as missing deliveries.
  ws.on('error', (error) => rejectSynced(new Error(`${address.room}: ${error.message}`)));
  ws.on('close', (code, reason) => rejectSynced(new Error(`${address.room}: closed ${code} ${reason.toString()}`)));
  ws.on('open', () => {
    sendSync((encoder) => syncProtocol.writeSyncStep1(encoder, doc));
    sendPresence();
    renewTimer = setInterval(sendPresence, AWARENESS_RENEW_MS);
  });
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== MessageType.sync) return;
    const syncType = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (syncType === SyncType.step1) {
      sendSync((encoder) => syncProtocol.writeSyncStep2(encoder, doc, payload));
      return;
    }
    // Every edit in one frame arrived together, so one reading of the clock serves them all.
    const receivedAt = now();
    for (const struct of Y.decodeUpdate(payload).structs) {
      // The stock server sends each update back to its sender too: that is no delivery.
      if (struct.id.client === doc.clientID) continue;
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue;
      for (const value of struct.content.arr) onRemoteEdit(value as Edit, receivedAt);
    }
    if (syncType === SyncType.step2) resolveSynced();
  });

  return {
    edit: (key, value) => edits.set(key, value),
    synced,
    destroy() {
      clearInterval(renewTimer);
      ws.close();
      doc.destroy();
    },
  };
}

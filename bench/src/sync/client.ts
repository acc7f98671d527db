import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType } from '@cocrea/shared';
import type { RoomAddress } from './SyncServer';

/** The stock y-websocket 3 client over Node's `ws`, as a browser tab runs it minus the BroadcastChannel. */
export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync with the server is done. */
  synced: Promise<void>;
  /** How many of this client's updates Cocrea has acknowledged as stored (always 0 on the stock server). */
  stored(): number;
  destroy(): void;
}

export function connectClient(address: RoomAddress): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(address.serverUrl, address.room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: address.params,
    disableBc: true,
  });
  // Cocrea's own server → client messages (the stored acknowledgements, the agenda, refusals) carry nothing this
  // benchmark reads but the first, and without a handler the stock client logs an error for every one of them.
  for (const type of Object.values(MessageType)) provider.messageHandlers[type] ??= () => {};
  let stored = 0;
  provider.messageHandlers[MessageType.stored] = (_encoder, decoder) => {
    stored = decoding.readVarUint(decoder);
  };
  const synced = new Promise<void>((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
  return {
    doc,
    provider,
    synced,
    stored: () => stored,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

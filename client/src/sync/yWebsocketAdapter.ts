/**
 * What Cocrea's client relies on in y-websocket (and in the Yjs and y-protocols objects it drives) beyond its
 * documented options, in one place. Each function names the private part it uses; `yWebsocketAdapter.test.ts` checks
 * that each still exists and behaves as used here, so an upgrade that changes one fails that test instead of the
 * save indicator or presence. The versions are pinned exactly in client/package.json for the same reason.
 */
import type * as decoding from 'lib0/decoding';
import { uint32 } from 'lib0/random';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';

/** The client ids an awareness 'update' event names. */
export interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Reads the frames of one message type with `handle`. y-websocket dispatches each incoming frame by its first varUint
 * to `provider.messageHandlers[type]` (its own copy of the stock array), passing the decoder past that varUint.
 */
export function onMessage(
  provider: WebsocketProvider,
  type: number,
  handle: (decoder: decoding.Decoder) => void,
): void {
  provider.messageHandlers[type] = (_encoder, decoder) => handle(decoder);
}

/**
 * Makes the provider send only the presence changes made here (a field set, this page's state removed), not those it
 * applies from the room: the stock provider sends every change, so each browser would send the room's presence back
 * to the server as often as it arrives (in a plenary, 250 states ten times a second). Relies on the provider sending
 * awareness through its private listener `_awarenessUpdateHandler`, and applying received states with itself as the
 * origin (Awareness's own expiry uses the origin 'timeout'). Returns a function that undoes it.
 */
export function sendOnlyOwnPresence(provider: WebsocketProvider): () => void {
  const send = provider._awarenessUpdateHandler;
  const sendOwn = (changes: AwarenessChanges, origin: unknown): void => {
    if (origin === provider || origin === 'timeout') return;
    send(changes, origin);
  };
  provider.awareness.off('update', send);
  provider.awareness.on('update', sendOwn);
  return () => provider.awareness.off('update', sendOwn);
}

/** What a socket made by {@link observedWebSocket} reports. */
export interface SocketObserver {
  /** The provider opened a new socket (a connection attempt): counts of the previous one no longer apply. */
  opened(): void;
  /** The provider is about to send this frame on the socket. */
  sending(data: unknown): void;
  /** It has handed the frame to the socket. */
  sent(): void;
}

/**
 * A WebSocket class to pass as the provider's `WebSocketPolyfill`, reporting every socket the provider opens and every
 * frame it sends. Relies on the provider making one new socket per connection attempt, as `new WS(url, protocols)`,
 * and sending each frame with that socket's `send`: counting there sees exactly the frames the server will answer.
 */
export function observedWebSocket(base: typeof WebSocket, observer: SocketObserver): typeof WebSocket {
  return class ObservedWebSocket extends base {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      observer.opened();
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      observer.sending(data);
      super.send(data);
      observer.sent();
    }
  };
}

/**
 * Moves the provider's document and presence to a fresh Yjs client id, as Yjs itself does when two replicas clash on
 * one, and returns the new id. Relies on Yjs reading `doc.clientID` afresh for every item it creates (it reassigns the
 * field itself on a clash), on the Awareness keeping its own state under its `clientID` field, and on y-websocket
 * announcing presence under `doc.clientID` (one id for both). The presence state moves along; the old id's is removed
 * with `origin`.
 */
export function moveToFreshClientId(provider: WebsocketProvider, origin: unknown): number {
  const { doc, awareness } = provider;
  const previous = doc.clientID;
  const state = awareness.getLocalState();
  doc.clientID = uint32();
  awareness.clientID = doc.clientID;
  awarenessProtocol.removeAwarenessStates(awareness, [previous], origin);
  if (state !== null) {
    // Twice: the first state of an id has clock 0, and y-protocols applies a received state only above the clock it
    // knows of its id, 0 for an id it has never seen. Sent once, the state would reach nobody until its next change.
    awareness.setLocalState(state);
    awareness.setLocalState(state);
  }
  return doc.clientID;
}

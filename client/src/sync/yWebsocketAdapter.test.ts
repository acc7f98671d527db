/**
 * The private parts of y-websocket (and of the Yjs and y-protocols objects it drives) that the client relies on
 * (`yWebsocketAdapter.ts`), checked against the installed versions: an upgrade that changes one fails here, by name,
 * instead of in the save indicator or presence.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode, MessageType } from '@cocrea/shared';
import { FakeSocket, frame } from './testing/FakeSocket';
import { moveToFreshClientId, observedWebSocket, onMessage, sendOnlyOwnPresence } from './yWebsocketAdapter';

const providers: WebsocketProvider[] = [];

function provider(options: { WebSocketPolyfill?: typeof WebSocket } = {}): WebsocketProvider {
  const created = new WebsocketProvider('ws://cocrea.test/sync', 'mesa', new Y.Doc(), {
    WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
    disableBc: true,
    params: { token: 't', v: '1' },
    ...options,
  });
  providers.push(created);
  return created;
}

function typesOf(frames: Uint8Array[]): number[] {
  return frames.map((sent) => decoding.readVarUint(decoding.createDecoder(sent)));
}

/** The awareness frame a server relays: the states of `awareness` for `clients`. */
function awarenessFrame(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  return frame(MessageType.awareness, (encoder) =>
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients)),
  );
}

beforeEach(() => FakeSocket.reset());
afterEach(() => {
  vi.useRealTimers();
  for (const created of providers.splice(0)) created.destroy();
});

describe('the provider, as the client drives it', () => {
  it('opens its socket with the given params in the URL, on connect', () => {
    provider();
    expect(FakeSocket.last.url).toBe('ws://cocrea.test/sync/mesa?token=t&v=1');
  });

  it("dispatches a frame by its first varUint to messageHandlers, each provider's own", () => {
    const one = provider();
    const other = provider();
    const read: number[] = [];
    onMessage(one, MessageType.stored, (decoder) => read.push(decoding.readVarUint(decoder)));
    expect(other.messageHandlers[MessageType.stored]).toBeUndefined();
    const socket = FakeSocket.instances[0]!;
    socket.open();
    socket.receive(frame(MessageType.stored, (encoder) => encoding.writeVarUint(encoder, 7)));
    expect(read).toEqual([7]);
  });

  it('sends awareness through _awarenessUpdateHandler, which sendOnlyOwnPresence takes over', () => {
    const created = provider();
    expect(created._awarenessUpdateHandler).toBeTypeOf('function');
    const socket = FakeSocket.last;
    socket.open();
    // The stock handler sends states applied from the room back to the server.
    const someoneElse = new awarenessProtocol.Awareness(new Y.Doc());
    someoneElse.setLocalState({ user: 'otra' });
    const sentBefore = socket.sent.length;
    socket.receive(awarenessFrame(someoneElse, [someoneElse.clientID]));
    expect(typesOf(socket.sent.slice(sentBefore))).toEqual([MessageType.awareness]);

    const restore = sendOnlyOwnPresence(created);
    const sentAfter = socket.sent.length;
    someoneElse.setLocalState({ user: 'otra', cursor: { x: 1, y: 2 } });
    socket.receive(awarenessFrame(someoneElse, [someoneElse.clientID]));
    expect(socket.sent.length).toBe(sentAfter);
    created.awareness.setLocalStateField('cursor', { x: 3, y: 4 });
    expect(typesOf(socket.sent.slice(sentAfter))).toEqual([MessageType.awareness]);
    restore();
    created.awareness.setLocalStateField('cursor', { x: 5, y: 6 });
    expect(socket.sent.length).toBe(sentAfter + 1);
    someoneElse.destroy();
  });

  it('makes one socket per connection attempt, as new WS(url, protocols), and sends every frame with its send', () => {
    const observer = { opened: vi.fn(), sending: vi.fn(), sent: vi.fn() };
    const created = provider({
      WebSocketPolyfill: observedWebSocket(FakeSocket as unknown as typeof WebSocket, observer),
    });
    expect(observer.opened).toHaveBeenCalledTimes(1);
    FakeSocket.last.open();
    // On open it sends its sync step 1 and its presence (an Awareness starts with an empty state).
    expect(typesOf(FakeSocket.last.sent)).toEqual([MessageType.sync, MessageType.awareness]);
    expect(observer.sending).toHaveBeenCalledTimes(2);
    expect(observer.sent).toHaveBeenCalledTimes(2);
    created.doc.getText('t').insert(0, 'a');
    expect(observer.sending).toHaveBeenCalledTimes(3);
    expect(observer.sending.mock.calls[2]![0]).toBeInstanceOf(Uint8Array);
    created.disconnect();
    created.connect();
    expect(observer.opened).toHaveBeenCalledTimes(2);
    expect(FakeSocket.instances).toHaveLength(2);
  });

  it('takes a sync step 2 from the server as the end of its first sync', () => {
    const created = provider();
    FakeSocket.last.open();
    expect(created.synced).toBe(false);
    const server = new Y.Doc();
    FakeSocket.last.receive(frame(MessageType.sync, (encoder) => syncProtocol.writeSyncStep2(encoder, server)));
    expect(created.synced).toBe(true);
    expect(created.wsconnected).toBe(true);
  });

  it('stops reconnecting on a 44xx close and says so with "closed"; reconnects on any other', () => {
    vi.useFakeTimers();
    const created = provider();
    FakeSocket.last.open();
    FakeSocket.last.serverClose(1011);
    vi.advanceTimersByTime(5000);
    expect(FakeSocket.instances).toHaveLength(2);
    FakeSocket.last.open();
    const closed = vi.fn();
    created.on('closed', closed);
    FakeSocket.last.serverClose(CloseCode.outdatedClient, 'recargue');
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.instances).toHaveLength(2);
    expect(created.shouldConnect).toBe(false);
    expect(closed).toHaveBeenCalledWith({ code: CloseCode.outdatedClient, reason: 'recargue' }, created);
  });
});

describe('moveToFreshClientId', () => {
  it('moves the document, its new items and the presence to a new id', () => {
    const created = provider();
    const { doc, awareness } = created;
    doc.getText('t').insert(0, 'a');
    awareness.setLocalState({ user: 'yo' });
    const previous = doc.clientID;
    const removed: number[] = [];
    awareness.on('update', ({ removed: gone }: { removed: number[] }) => removed.push(...gone));

    const next = moveToFreshClientId(created, 'test');
    expect(next).not.toBe(previous);
    expect(doc.clientID).toBe(next);
    expect(awareness.clientID).toBe(next);
    expect(removed).toEqual([previous]);
    expect(awareness.getStates().get(next)).toEqual({ user: 'yo' });
    expect(awareness.getStates().has(previous)).toBe(false);
    doc.getText('t').insert(1, 'b');
    expect(Y.decodeStateVector(Y.encodeStateVector(doc)).get(next)).toBe(1);
  });

  it('the room sees the presence under the new id, at once and when the provider connects again', () => {
    const created = provider();
    FakeSocket.last.open();
    created.awareness.setLocalState({ user: 'yo' });
    const room = new awarenessProtocol.Awareness(new Y.Doc());
    const relay = (sent: Uint8Array) => {
      const decoder = decoding.createDecoder(sent);
      if (decoding.readVarUint(decoder) !== MessageType.awareness) return;
      awarenessProtocol.applyAwarenessUpdate(room, decoding.readVarUint8Array(decoder), 'server');
    };
    const sentBefore = FakeSocket.last.sent.length;
    const next = moveToFreshClientId(created, 'test');
    for (const sent of FakeSocket.last.sent.slice(sentBefore)) relay(sent);
    expect(room.getStates().get(next)).toEqual({ user: 'yo' });
    room.destroy();
    created.disconnect();
    created.connect();
    FakeSocket.last.open();
    const announcement = FakeSocket.last.sent.find((sent) => typesOf([sent])[0] === MessageType.awareness)!;
    const decoder = decoding.createDecoder(announcement);
    decoding.readVarUint(decoder);
    const update = decoding.readVarUint8Array(decoder);
    const reader = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(reader, update, 'test');
    expect([...reader.getStates().keys()]).toContain(next);
    reader.destroy();
  });
});

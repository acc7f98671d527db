/**
 * The mesa's connection against a socket the test answers as the server would: what the save indicator says at each
 * step, the move to a fresh client id when the server refuses an update, and the reload banner when the server no
 * longer speaks this client's protocol. IndexedDB is fake-indexeddb's, in memory.
 */
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  CloseCode,
  MessageType,
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  TREE_ROOT_ID,
  addCause,
  migrateDoc,
  readTree,
  schemaVersionOf,
} from '@cocrea/shared';
import { unversionedMesaUpdate } from '@cocrea/shared/fixtures/unversionedMesa';
import { OutdatedClientBanner } from '../features/mesa/OutdatedClientBanner';
import { Notices } from '../features/notices/Notices';
import { SaveIndicator } from '../features/mesa/SaveIndicator';
import { MesaConnection } from './MesaConnection';
import { FakeSocket, frame } from './testing/FakeSocket';

let mesas = 0;
const connections: MesaConnection[] = [];

beforeEach(() => {
  FakeSocket.reset();
  vi.stubGlobal('WebSocket', FakeSocket);
});
afterEach(() => {
  vi.useRealTimers();
  cleanup();
  for (const connection of connections.splice(0)) connection.destroy();
  vi.unstubAllGlobals();
});

/** A connection whose socket the server has opened; it connects once its IndexedDB copy is loaded. */
async function openConnection(mesaId = `mesa-${++mesas}`): Promise<{ connection: MesaConnection; socket: FakeSocket }> {
  const connection = new MesaConnection(mesaId, { token: 'token', seat: null });
  connections.push(connection);
  await vi.waitFor(() => expect(FakeSocket.instances).toHaveLength(1), { timeout: 10_000 });
  const socket = FakeSocket.last;
  act(() => socket.open());
  return { connection, socket };
}

/** The server's side of the first sync: its state vector, the client's answer, then its own step 2. */
function firstSync(socket: FakeSocket, server = new Y.Doc()): void {
  act(() => {
    socket.receive(frame(MessageType.sync, (encoder) => syncProtocol.writeSyncStep1(encoder, server)));
    socket.receive(frame(MessageType.sync, (encoder) => syncProtocol.writeSyncStep2(encoder, server)));
  });
}

function stored(socket: FakeSocket, count: number): void {
  act(() => socket.receive(frame(MessageType.stored, (encoder) => encoding.writeVarUint(encoder, count))));
}

function refused(socket: FakeSocket, count: number, tool: string): void {
  act(() =>
    socket.receive(
      frame(MessageType.refused, (encoder) => {
        encoding.writeVarUint(encoder, count);
        encoding.writeVarString(encoder, tool);
      }),
    ),
  );
}

function indicator(): HTMLElement {
  return screen.getByRole('status');
}

describe('the save indicator', () => {
  it('says "saved" only once the server has acknowledged every update frame sent', async () => {
    const { connection, socket } = await openConnection();
    render(<SaveIndicator connection={connection} />);
    expect(indicator().dataset.state).toBe('connecting');
    expect(socket.url).toContain(`v=${PROTOCOL_VERSION}`);

    firstSync(socket);
    // The client's sync step 2 is one update frame, not yet acknowledged.
    expect(indicator().dataset.state).toBe('saving');
    expect(indicator().textContent).toBe('Guardando…');
    stored(socket, 1);
    expect(indicator().dataset.state).toBe('saved');
    expect(indicator().textContent).toBe('Todos los cambios guardados');

    act(() => connection.doc.getText('t').insert(0, 'hola'));
    expect(indicator().dataset.state).toBe('saving');
    stored(socket, 2);
    expect(indicator().dataset.state).toBe('saved');
  });

  it('says "offline" when the socket drops after a connection, with a hint', async () => {
    const { connection, socket } = await openConnection();
    render(<SaveIndicator connection={connection} />);
    firstSync(socket);
    stored(socket, 1);
    act(() => socket.serverClose(1006));
    expect(indicator().dataset.state).toBe('offline');
    expect(indicator().title).toBe('Sus cambios se guardan en este navegador y se enviarán al reconectar.');
  });

  it('says "refused" when a locked tool refused a frame, until every frame is settled', async () => {
    const { connection, socket } = await openConnection();
    render(<SaveIndicator connection={connection} />);
    firstSync(socket);
    stored(socket, 1);
    act(() => connection.doc.getText('treeProblemText').insert(0, 'x'));
    refused(socket, 1, 'tree');
    expect(indicator().dataset.state).toBe('refused');
    expect(indicator().textContent).toBe('Cambios sin guardar');
  });
});

describe('notices the server pushes (message 103)', () => {
  it('show at once in a polite live region, and one this client cannot read is dropped', async () => {
    const { connection, socket } = await openConnection();
    render(<Notices source={connection.onNotice} />);
    firstSync(socket);
    const push = (json: string) =>
      act(() => socket.receive(frame(MessageType.notice, (encoder) => encoding.writeVarString(encoder, json))));
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    push(JSON.stringify({ kind: 'reviewStatus', number: 9, from: 'en_revision', to: 'listo', observations: 1 }));
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
    push(
      JSON.stringify({
        kind: 'reviewStatus',
        number: 2,
        from: 'en_revision',
        to: 'con_observaciones',
        observations: 3,
      }),
    );
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(
      within(region)
        .getAllByRole('listitem')
        .map((item) => item.firstChild?.textContent),
    ).toEqual(['El STL devolvió la versión 2 con 3 observaciones.']);
    act(() => screen.getByRole('button', { name: 'Cerrar aviso' }).click());
    expect(within(region).queryAllByRole('listitem')).toEqual([]);
  });
});

describe('the client id after a refusal', () => {
  it('moves to a fresh id, presence included, when the refused frame was sent under the current one', async () => {
    const { connection, socket } = await openConnection();
    firstSync(socket);
    stored(socket, 1);
    act(() => connection.awareness.setLocalStateField('user', { id: 'p1', role: 'participant', name: 'Ana' }));
    const before = connection.doc.clientID;
    act(() => connection.doc.getText('treeProblemText').insert(0, 'x'));
    refused(socket, 1, 'tree');
    const after = connection.doc.clientID;
    expect(after).not.toBe(before);
    expect(connection.awareness.clientID).toBe(after);
    expect(connection.awareness.getStates().has(before)).toBe(false);
    expect(connection.getPresence().map((state) => [state.clientId, state.isLocal])).toEqual([[after, true]]);
    // Later edits go out under the new id.
    act(() => connection.doc.getText('commitmentNotes').insert(0, 'y'));
    expect(Y.decodeStateVector(Y.encodeStateVector(connection.doc)).get(after)).toBe(1);
  });

  it('keeps its id when the refused frame was sent under an id it already left', async () => {
    const { connection, socket } = await openConnection();
    firstSync(socket);
    stored(socket, 1);
    act(() => connection.doc.getText('treeProblemText').insert(0, 'a'));
    act(() => connection.doc.getText('treeProblemText').insert(1, 'b'));
    refused(socket, 1, 'tree');
    const renewed = connection.doc.clientID;
    // The second frame was sent under the old id too: refusing it changes nothing more.
    refused(socket, 2, 'tree');
    expect(connection.doc.clientID).toBe(renewed);
  });
});

describe('a client of a protocol version the server no longer speaks', () => {
  it('shows the reload banner and stops connecting', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { connection, socket } = await openConnection();
    render(
      <>
        <OutdatedClientBanner connection={connection} />
        <SaveIndicator connection={connection} />
      </>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    vi.useFakeTimers();
    act(() => socket.serverClose(CloseCode.outdatedClient, 'Hay una versión nueva de Cocrea: recargue la página.'));
    const banner = screen.getByRole('alert');
    expect(banner.textContent).toContain('Hay una versión nueva de Cocrea: recargue la página.');
    expect(screen.getByRole('button', { name: 'Recargar la página' })).toBeTruthy();
    expect(connection.isOutdated()).toBe(true);
    expect(indicator().dataset.state).toBe('offline');
    // Neither the provider's back-off nor the browser coming back online opens another socket.
    act(() => window.dispatchEvent(new Event('online')));
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
  });
});

describe('a browser whose IndexedDB copy is of an older schema', () => {
  it('loads it, sends its offline edits to the migrated room, and ends with the same document', async () => {
    // What this browser stored before the deploy: the unversioned document, plus a cause typed offline.
    const mesaId = `mesa-${++mesas}`;
    const stored = new Y.Doc();
    Y.applyUpdate(stored, unversionedMesaUpdate());
    const offlineCause = addCause(stored, TREE_ROOT_ID, 'Escrita sin conexión');
    const persistence = new IndexeddbPersistence(`cocrea:${mesaId}`, stored);
    await persistence.whenSynced;
    await persistence.destroy();

    // The server's copy: the same old document, migrated when the room loaded.
    const server = new Y.Doc();
    Y.applyUpdate(server, unversionedMesaUpdate());
    migrateDoc(server);

    const { connection, socket } = await openConnection(mesaId);
    expect(readTree(connection.doc).nodes.get(offlineCause)?.text).toBe('Escrita sin conexión');
    expect(schemaVersionOf(connection.doc)).toBe(0);
    firstSync(socket, server);
    // Whatever the client sent as sync step 2 or update reaches the server's copy.
    for (const sent of socket.sent) {
      const decoder = decoding.createDecoder(sent);
      if (decoding.readVarUint(decoder) !== MessageType.sync) continue;
      syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), server, 'client');
    }
    expect(schemaVersionOf(connection.doc)).toBe(SCHEMA_VERSION);
    expect(readTree(server).nodes.get(offlineCause)?.text).toBe('Escrita sin conexión');
    expect(Y.encodeStateAsUpdate(connection.doc, Y.encodeStateVector(server))).toEqual(
      Y.encodeStateAsUpdate(new Y.Doc()),
    );
    expect(Y.encodeStateVector(connection.doc)).toEqual(Y.encodeStateVector(server));
  });
});

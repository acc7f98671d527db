import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCause, MessageType, readTree, TREE_ROOT_ID } from '@cocrea/shared';
import { agendaApi, type Role } from './support/agendaApi';
import { closed, connectStockClient, openRawSocket, whenSynced, type StockClient } from './support/clients';
import { startTestServer, type CreatedMesa, type TestServer } from './support/testServer';
import { waitFor } from './support/waitFor';

let t: TestServer;
let mesa: CreatedMesa;
let api: ReturnType<typeof agendaApi>;
const clients: StockClient[] = [];

beforeEach(async () => {
  t = await startTestServer();
  mesa = await t.createMesa();
  api = agendaApi(t, mesa);
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await t.close();
});

function connect(role: Role = 'participant'): StockClient {
  const client = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens[role]);
  clients.push(client);
  return client;
}

/** Resolves once the server has settled (stored or refused) every update frame `client` sent. */
async function settled(client: StockClient): Promise<void> {
  await waitFor(() => expect(client.stored() + client.refused().count).toBe(client.sent()));
}

/** What a newcomer loads from the server: only what was stored. */
async function causesStored(): Promise<string[]> {
  const reader = connect('observer');
  await whenSynced(reader);
  const texts = [...readTree(reader.doc).nodes.values()].filter((n) => n.kind === 'causa').map((n) => n.text);
  reader.destroy();
  return texts;
}

describe('the agenda on the sync socket (message 101)', () => {
  it('greets every socket with the agenda and tells every socket of each change', async () => {
    const people = [connect('facilitator'), connect('participant'), connect('observer')];
    await Promise.all(people.map(whenSynced));
    await waitFor(() => people.forEach((p) => expect(p.agenda()?.state.status).toBe('not_started')));
    await api.command('facilitator', { type: 'start' });
    await waitFor(() =>
      people.forEach((p) => expect(p.agenda()?.state).toMatchObject({ status: 'running', revision: 1 })),
    );
    const { state } = await api.snapshot();
    for (const p of people) expect(p.agenda()?.state).toEqual(state);
  });

  it('closes a socket that tries to speak for the server, and the agenda stays as it was', async () => {
    const ws = await openRawSocket(`${t.wsUrl}/${mesa.mesa.id}?token=${mesa.tokens.facilitator}`);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.agenda);
    encoding.writeVarString(e, JSON.stringify({ state: { status: 'finished' } }));
    const whenClosed = closed(ws);
    ws.send(encoding.toUint8Array(e));
    expect((await whenClosed).code).toBe(1007);
    expect((await api.snapshot()).state.status).toBe('not_started');
  });

  it('greets a socket after a restart with the same running stage and end time', async () => {
    await api.command('facilitator', { type: 'start' });
    const before = await api.snapshot();
    await t.server.close();
    t = await startTestServer(t.dataDir);
    const after = connect();
    await waitFor(() => expect(after.agenda()).not.toBeNull());
    expect(after.agenda()!.state).toEqual(before.state);
  });
});

describe('a locked tool is locked by the server', () => {
  it('opens every tool before the start, so groups can prepare', async () => {
    const writer = connect();
    await whenSynced(writer);
    addCause(writer.doc, TREE_ROOT_ID, 'Antes de empezar');
    await settled(writer);
    expect(writer.refused().count).toBe(0);
    expect(await causesStored()).toEqual(['Antes de empezar']);
  });

  it('neither stores nor relays a tree edit while the tree is locked, from any role, and says why', async () => {
    await api.command('facilitator', { type: 'start' }); // Etapa 0 opens no tool
    const participant = connect('participant');
    const facilitator = connect('facilitator');
    await Promise.all([whenSynced(participant), whenSynced(facilitator)]);
    await waitFor(() => expect(participant.agenda()?.locks.tree.locked).toBe(true));

    addCause(participant.doc, TREE_ROOT_ID, 'Del participante');
    addCause(facilitator.doc, TREE_ROOT_ID, 'De la facilitación');
    await Promise.all([settled(participant), settled(facilitator)]);

    expect(participant.refused()).toEqual({ count: 1, tool: 'tree' });
    expect(facilitator.refused()).toEqual({ count: 1, tool: 'tree' });
    expect(readTree(facilitator.doc).nodes.size).toBe(2); // the problem and its own refused cause, nobody else’s
    expect(await causesStored()).toEqual([]);
  });

  it('lets a refused client carry on with what no tool owns once it takes a new client id', async () => {
    await api.command('facilitator', { type: 'start' });
    const writer = connect();
    const reader = connect();
    await Promise.all([whenSynced(writer), whenSynced(reader)]);
    await waitFor(() => expect(writer.agenda()?.locks.tree.locked).toBe(true));
    addCause(writer.doc, TREE_ROOT_ID, 'Rechazada');
    // Yjs applies a client's edits in order: this one waits for the refused one, so it is refused too…
    writer.doc.getMap('notas').set('k', 'en espera');
    await settled(writer);
    expect(writer.refused().count).toBe(2);
    // …until the client moves to a fresh client id (its presence too), as Cocrea's client does on a refusal.
    // Edits that build on refused ones (overwriting the refused 'k') would still wait; new ones go through.
    writer.doc.clientID = 0x5eed;
    writer.provider.awareness.clientID = 0x5eed;
    writer.provider.awareness.setLocalState({});
    writer.doc.getMap('notas').set('otra', 'sí');
    await settled(writer);
    expect(writer.refused().count).toBe(2);
    await waitFor(() => expect(reader.doc.getMap('notas').get('otra')).toBe('sí'));
    expect(reader.doc.getMap('notas').has('k')).toBe(false);
  });

  it('checks each update against the ones ahead of it, even while they wait for a store that answers later', async () => {
    await t.close();
    t = await startTestServer(undefined, { appends: 'later' });
    mesa = await t.createMesa();
    api = agendaApi(t, mesa);
    await api.command('facilitator', { type: 'start' }); // the tree is locked
    const writer = connect();
    const reader = connect();
    await Promise.all([whenSynced(writer), whenSynced(reader)]);
    await waitFor(() => expect(writer.agenda()?.locks.tree.locked).toBe(true));
    // Typing where no tool is locked: each letter builds on the one before, and all are sent before the first
    // is stored. Checked against a document that lacked the letters ahead, they would look like they could be
    // anywhere, the tree included.
    const notes = writer.doc.getText('notas');
    for (const letter of 'hola') notes.insert(notes.length, letter);
    await settled(writer);
    expect(writer.refused().count).toBe(0);
    await waitFor(() => expect(reader.doc.getText('notas').toString()).toBe('hola'));
  });

  it('takes the refused edit when its author resyncs after the tool opens', async () => {
    await api.command('facilitator', { type: 'start' });
    const writer = connect();
    await whenSynced(writer);
    await waitFor(() => expect(writer.agenda()?.locks.tree.locked).toBe(true));
    addCause(writer.doc, TREE_ROOT_ID, 'Escrita con el árbol cerrado');
    await settled(writer);
    expect(writer.refused().count).toBe(1);

    await api.lock('facilitator', { tool: 'tree', mode: 'open' });
    await waitFor(() => expect(writer.agenda()?.locks.tree.locked).toBe(false));
    // What Cocrea's client does when a tool it was refused opens: reconnect, so its sync step 2 resends the edit.
    writer.provider.disconnect();
    writer.provider.connect();
    await whenSynced(writer);
    await settled(writer);
    expect(writer.refused().count).toBe(0);
    expect(await causesStored()).toEqual(['Escrita con el árbol cerrado']);
  });

  it('locks a room loaded after the lock was set, before its first update', async () => {
    await api.command('facilitator', { type: 'start' });
    await api.command('facilitator', { type: 'goto', stage: 4 }); // Etapa 4 opens the tree…
    await api.lock('facilitator', { tool: 'tree', mode: 'locked' }); // …but the facilitator closed it
    expect(t.server.rooms.residentCount).toBe(0);
    const writer = connect();
    await whenSynced(writer);
    addCause(writer.doc, TREE_ROOT_ID, 'Primera edición');
    await settled(writer);
    expect(writer.refused()).toEqual({ count: 1, tool: 'tree' });
    expect(await causesStored()).toEqual([]);
  });

  it('applies a lock to updates already on their way, from the moment it is set', async () => {
    await api.command('facilitator', { type: 'start' });
    await api.command('facilitator', { type: 'goto', stage: 4 });
    const writer = connect();
    await whenSynced(writer);
    addCause(writer.doc, TREE_ROOT_ID, 'Antes del cierre');
    await settled(writer);
    await api.lock('facilitator', { tool: 'tree', mode: 'locked' });
    addCause(writer.doc, TREE_ROOT_ID, 'Después del cierre');
    await settled(writer);
    expect(writer.refused().count).toBe(1);
    expect(await causesStored()).toEqual(['Antes del cierre']);
  });
});

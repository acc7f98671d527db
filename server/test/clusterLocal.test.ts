import * as awarenessProtocol from 'y-protocols/awareness';
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode, TREE_ROOT_ID, addCause, type AgendaSnapshot } from '@cocrea/shared';
import type { Bus, BusListener } from '../src/cluster/Bus';
import { HEAD_INTERVAL_MS } from '../src/cluster/RoomBridge';
import { REMOTE_OWNER } from '../src/sync/awarenessFilter';
import { connectStockClient, whenSynced, type StockClient } from './support/clients';
import { startLocalCluster, type LocalCluster } from './support/localCluster';
import { ADMIN_TOKEN, type CreatedMesa } from './support/testServer';
import { waitFor } from './support/waitFor';

let cluster: LocalCluster;
const clients: StockClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await cluster.close();
});

function connect(at: number, mesa: CreatedMesa, role: 'facilitator' | 'participant' | 'observer' = 'participant') {
  const client = connectStockClient(cluster.instances[at]!.wsUrl, mesa.mesa.id, mesa.tokens[role]);
  clients.push(client);
  return client;
}

/** Sends `command` to the agenda through instance `at`, as the facilitator's browser does. */
async function command(
  at: number,
  mesa: CreatedMesa,
  body: unknown,
): Promise<{ status: number; body: AgendaSnapshot }> {
  const res = await fetch(`${cluster.instances[at]!.baseUrl}/api/mesas/${mesa.mesa.id}/agenda/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens.facilitator}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as AgendaSnapshot };
}

describe('instances in one process, joined by a local bus', () => {
  it('clients on different instances converge, and each is acknowledged by its own', async () => {
    cluster = await startLocalCluster(3);
    const mesa = await cluster.createMesa();
    const people = [0, 1, 2].map((i) => connect(i, mesa));
    await Promise.all(people.map(whenSynced));
    people.forEach((p, i) => {
      for (let k = 0; k < 20; k++) p.doc.getArray<string>('edits').push([`${i}-${k}`]);
    });
    await waitFor(() => {
      for (const p of people) expect(p.doc.getArray('edits').length).toBe(60);
    });
    for (const p of people) expect(p.stored()).toBe(p.sent());
    const [first, ...rest] = people.map((p) => p.doc.getArray('edits').toJSON());
    for (const other of rest) expect(other).toEqual(first);
  });

  it('presence crosses: a client sees who is on another instance, and sees them leave', async () => {
    cluster = await startLocalCluster(2);
    const mesa = await cluster.createMesa();
    const here = connect(0, mesa);
    const there = connect(1, mesa);
    await Promise.all([whenSynced(here), whenSynced(there)]);
    there.provider.awareness.setLocalStateField('cursor', { x: 7 });
    const thereId = there.doc.clientID;
    await waitFor(() => expect(here.provider.awareness.getStates().get(thereId)?.cursor).toEqual({ x: 7 }));
    there.destroy();
    await waitFor(() => expect(here.provider.awareness.getStates().has(thereId)).toBe(false));
  });

  it('moving cursors cross to other instances gathered over the presence window, not one message per move', async () => {
    const moves = { received: 0, published: 0 };
    cluster = await startLocalCluster(2, (bus, index) =>
      index === 0
        ? {
            instanceId: bus.instanceId,
            subscribe: (mesaId, listener) => bus.subscribe(mesaId, listener),
            onReconnect: (listener) => bus.onReconnect(listener),
            close: () => bus.close(),
            publish(mesaId, message) {
              if (message.kind === 'awareness') moves.published++;
              bus.publish(mesaId, message);
            },
          }
        : bus,
    );
    const mesa = await cluster.createMesa();
    const watcher = connect(1, mesa, 'observer');
    const movers = Array.from({ length: 25 }, () => connect(0, mesa));
    await Promise.all([watcher, ...movers].map(whenSynced));
    const before = moves.published;
    // 25 cursors, 20 moves each, as fast as the clients send them.
    for (let step = 1; step <= 20; step++) {
      for (const mover of movers) mover.provider.awareness.setLocalStateField('cursor', { x: step });
      moves.received += movers.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Every cursor reaches the other instance where it ended.
    await waitFor(() => {
      for (const mover of movers) {
        expect(watcher.provider.awareness.getStates().get(mover.doc.clientID)?.cursor).toEqual({ x: 20 });
      }
    });
    // One message per window (2 ms a socket: 50 ms for this room) at most, far fewer than the 500 moves.
    const published = moves.published - before;
    expect(published).toBeLessThan(moves.received / 10);
  });

  it('an agenda command on one instance reaches the sockets on another, and its locks hold there', async () => {
    cluster = await startLocalCluster(2);
    const mesa = await cluster.createMesa();
    const watcher = connect(1, mesa);
    await whenSynced(watcher);
    await waitFor(() => expect(watcher.agenda()?.state.status).toBe('not_started'));
    const lock = await fetch(`${cluster.instances[0]!.baseUrl}/api/mesas/${mesa.mesa.id}/agenda/locks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens.facilitator}` },
      body: JSON.stringify({ tool: 'tree', mode: 'locked' }),
    });
    expect(lock.status).toBe(200);
    await waitFor(() => expect(watcher.agenda()?.locks.tree.locked).toBe(true));
    // The tree's edits are refused by the other instance too (message 102), not stored.
    addCause(watcher.doc, TREE_ROOT_ID, 'Fuera de tiempo');
    await waitFor(() => expect(watcher.refused()).toEqual({ count: 1, tool: 'tree' }));
  });

  it('racing commands on different instances are each applied once, in one order', async () => {
    cluster = await startLocalCluster(2);
    const mesa = await cluster.createMesa();
    expect((await command(0, mesa, { type: 'start' })).status).toBe(200);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, k) => command(k % 2, mesa, { type: 'addTime', minutes: 1 })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    // Revisions 2..11, each given once: no command was applied over another's record.
    expect(answers.map((a) => a.body.state.revision).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 10 }, (_, k) => k + 2),
    );
    const stale = await command(1, mesa, { type: 'pause', expectedRevision: 5 });
    expect(stale.status).toBe(409);
  });

  it('a replaced link closes its sockets on every instance', async () => {
    cluster = await startLocalCluster(2);
    const mesa = await cluster.createMesa();
    const people = [connect(0, mesa), connect(1, mesa)];
    await Promise.all(people.map(whenSynced));
    const codes = people.map(
      (p) =>
        new Promise<number>((resolve) => p.provider.once('connection-close', (e: { code: number }) => resolve(e.code))),
    );
    const res = await fetch(`${cluster.instances[1]!.baseUrl}/api/mesas/${mesa.mesa.id}/links/participant`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(await Promise.all(codes)).toEqual([CloseCode.linkRevoked, CloseCode.linkRevoked]);
  });

  it('an instance that hears no update converges from the database', async () => {
    // Instance 1 loses every update message: only the heads (and the log) can bring it the other's edits.
    const deaf = (bus: Bus, index: number): Bus =>
      index === 0
        ? bus
        : {
            instanceId: bus.instanceId,
            publish: (m, message) => bus.publish(m, message),
            onReconnect: (l) => bus.onReconnect(l),
            close: () => bus.close(),
            subscribe: (mesaId, listener: BusListener) =>
              bus.subscribe(mesaId, (message) => {
                if (message.kind !== 'update') listener(message);
              }),
          };
    cluster = await startLocalCluster(2, deaf);
    const mesa = await cluster.createMesa();
    const writer = connect(0, mesa);
    const reader = connect(1, mesa);
    await Promise.all([whenSynced(writer), whenSynced(reader)]);
    writer.doc.getText('t').insert(0, 'llega por la base de datos');
    await waitFor(() => expect(writer.stored()).toBe(writer.sent()));
    await waitFor(() => expect(reader.doc.getText('t').toString()).toBe('llega por la base de datos'), {
      timeout: HEAD_INTERVAL_MS * 3,
    });
  });

  it('a socket may take over presence that another instance spoke for, but not by echoing it', async () => {
    cluster = await startLocalCluster(2);
    const mesa = await cluster.createMesa();
    const here = connect(0, mesa);
    const there = connect(1, mesa);
    await Promise.all([whenSynced(here), whenSynced(there)]);
    there.provider.awareness.setLocalStateField('cursor', { x: 1 });
    const room = () => cluster.instances[0]!.server.rooms.get(mesa.mesa.id)!;
    await waitFor(() => expect(room().awareness.getStates().get(there.doc.clientID)?.cursor).toEqual({ x: 1 }));
    // `here` echoes what it was sent (a stock client does): the state stays `there`'s, owned by instance 1.
    here.provider.ws!.send(
      new Uint8Array([
        1,
        ...lengthPrefixed(awarenessProtocol.encodeAwarenessUpdate(here.provider.awareness, [there.doc.clientID])),
      ]),
    );
    // A socket's frames are handled in order: once `here`'s next change is in the room, so is the echo before it.
    here.provider.awareness.setLocalStateField('cursor', { x: 2 });
    await waitFor(() => expect(room().awareness.getStates().get(here.doc.clientID)?.cursor).toEqual({ x: 2 }));
    expect(room().awareness.getStates().get(there.doc.clientID)?.user).toMatchObject({ role: 'participant' });
    expect(room().owners.get(there.doc.clientID)).toBe(REMOTE_OWNER);
  });
});

function lengthPrefixed(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let n = bytes.length;
  while (n > 127) {
    out.push((n & 127) | 128);
    n >>>= 7;
  }
  out.push(n);
  return [...out, ...bytes];
}

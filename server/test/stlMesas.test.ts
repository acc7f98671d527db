import * as decoding from 'lib0/decoding';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CloseCode,
  MessageType,
  type CreatedMesa,
  type Mesa,
  type MesaSummary,
  type RotatedLink,
} from '@cocrea/shared';
import { seed004Commitment } from '@cocrea/shared/fixtures/seed004';
import type { Connection } from '../src/sync/Connection';
import { updateMessage } from '../src/sync/messages';
import { closed, connectStockClient, openRawSocket, whenSynced, type StockClient } from './support/clients';
import { StlBrowser, bootstrapMember, type ErrorBody } from './support/stlBrowser';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/testServer';
import { waitFor } from './support/waitFor';

let t: TestServer;
let stl: StlBrowser;
const clients: StockClient[] = [];
beforeEach(async () => {
  t = await startTestServer();
  await bootstrapMember(t);
  stl = new StlBrowser(t);
  await stl.login();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await t.close();
});

async function createMesa(title = 'Movilidad en Toluca'): Promise<CreatedMesa> {
  const answer = await stl.call<CreatedMesa>('POST', '/api/mesas', { title, theme: 'Movilidad', date: '2026-11-21' });
  expect(answer.status).toBe(201);
  return answer.body;
}

async function join(mesa: CreatedMesa, role: 'facilitator' | 'participant' | 'observer', sector: string) {
  const res = await fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens[role]}` },
    body: JSON.stringify({ name: 'Persona', sector, organization: 'Organización', acceptsChathamHouse: true }),
  });
  expect(res.status).toBe(201);
}

async function list(): Promise<MesaSummary[]> {
  const answer = await stl.call<{ mesas: MesaSummary[] }>('GET', '/api/mesas');
  expect(answer.status).toBe(200);
  return answer.body.mesas;
}

function close(mesa: CreatedMesa) {
  return stl.call<{ mesa: Mesa } & ErrorBody>('POST', `/api/mesas/${mesa.mesa.id}/close`);
}

/** The `stored` counts (message 100) a raw socket receives, in order. */
function storedCounts(ws: WebSocket): number[] {
  const counts: number[] = [];
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) === MessageType.stored) counts.push(decoding.readVarUint(d));
  });
  return counts;
}

describe('mesas for a logged-in member', () => {
  it('are created with three links, answered once, and listed without them', async () => {
    const created = await createMesa();
    expect(created.mesa).toMatchObject({ title: 'Movilidad en Toluca', theme: 'movilidad', closedAt: null });
    expect(Object.keys(created.links).sort()).toEqual(['facilitator', 'observer', 'participant']);
    const [listed] = await list();
    expect(listed).toMatchObject({ id: created.mesa.id, closedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.tokens.participant);
  });

  it('are listed with who joined, by sector and by role, observers included', async () => {
    const mesa = await createMesa();
    await createMesa('Otra mesa');
    await join(mesa, 'participant', 'academia');
    await join(mesa, 'participant', 'academia');
    await join(mesa, 'facilitator', 'servidor-publico');
    await join(mesa, 'observer', 'sociedad-civil');
    const mesas = await list();
    const attendance = mesas.find((m) => m.id === mesa.mesa.id)!.attendance;
    expect(attendance.total).toBe(4);
    expect(attendance.bySector).toMatchObject({ academia: 2, 'servidor-publico': 1, 'sociedad-civil': 1, otro: 0 });
    expect(attendance.byRole).toEqual({ facilitator: 1, participant: 2, observer: 1 });
    expect(mesas.find((m) => m.id !== mesa.mesa.id)!.attendance.total).toBe(0);
  });

  it('are listed and created for the admin token too, and for nobody else', async () => {
    const admin = await fetch(`${t.baseUrl}/api/mesas`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(admin.status).toBe(200);
    const stranger = new StlBrowser(t);
    expect((await stranger.call('GET', '/api/mesas')).status).toBe(401);
    const mesa = await createMesa();
    const withLink = await fetch(`${t.baseUrl}/api/mesas`, {
      headers: { authorization: `Bearer ${mesa.tokens.facilitator}` },
    });
    expect(withLink.status).toBe(401);
  });
});

describe('closing a mesa', () => {
  it('is for the STL only, records when, and a second close keeps the first time', async () => {
    const mesa = await createMesa();
    const byFacilitator = await fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/close`, {
      method: 'POST',
      headers: { authorization: `Bearer ${mesa.tokens.facilitator}` },
    });
    expect(byFacilitator.status).toBe(401);
    expect((await stl.call('POST', `/api/mesas/${mesa.mesa.id}/close`, undefined, { csrf: false })).status).toBe(403);
    const first = await close(mesa);
    expect(first.status).toBe(200);
    expect(Date.parse(first.body.mesa.closedAt!)).not.toBeNaN();
    expect((await close(mesa)).body.mesa.closedAt).toBe(first.body.mesa.closedAt);
    expect((await list())[0]!.closedAt).toBe(first.body.mesa.closedAt);
    expect((await stl.call('POST', '/api/mesas/AAAAAAAAAAAAAAAA/close')).status).toBe(404);
  });

  it('refuses agenda changes and commitment saves with 409; reading, the session and joining still work', async () => {
    const mesa = await createMesa();
    await close(mesa);
    const facilitator = { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens.facilitator}` };
    const base = `${t.baseUrl}/api/mesas/${mesa.mesa.id}`;
    for (const [path, body] of [
      ['/agenda/commands', { type: 'start' }],
      ['/agenda/locks', { tool: 'tree', mode: 'open' }],
      ['/commitment/versions', { commitment: { ...seed004Commitment, mesaId: mesa.mesa.id } }],
    ] as const) {
      const res = await fetch(`${base}${path}`, { method: 'POST', headers: facilitator, body: JSON.stringify(body) });
      expect(res.status, path).toBe(409);
      expect(((await res.json()) as ErrorBody).error).toEqual({
        code: 'mesa_closed',
        message: 'La mesa está cerrada.',
      });
    }
    expect((await fetch(`${base}/agenda`, { headers: facilitator })).status).toBe(200);
    expect((await fetch(`${base}/commitment/versions`, { headers: facilitator })).status).toBe(200);
    const session = (await (await fetch(`${base}/session`, { headers: facilitator })).json()) as { mesa: Mesa };
    expect(session.mesa.closedAt).not.toBeNull();
    await join(mesa, 'participant', 'academia');
  });

  it('drops a facilitator’s update from then on: the document stays as the mesa left it', async () => {
    const mesa = await createMesa();
    const before = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.facilitator);
    clients.push(before);
    await whenSynced(before);
    before.doc.getText('t').insert(0, 'antes del cierre');
    await waitFor(() => expect(before.stored()).toBe(before.sent()));
    await close(mesa);

    const ws = await openRawSocket(`${t.wsUrl}/${mesa.mesa.id}?token=${mesa.tokens.facilitator}`);
    const stored = storedCounts(ws);
    const edit = new Y.Doc();
    edit.getText('t').insert(0, 'después del cierre');
    ws.send(updateMessage(Y.encodeStateAsUpdate(edit)));
    // An empty update is acknowledged even for a reader, after whatever the socket sent before it: had the edit been
    // kept, its acknowledgement (1) would come first, and it would be in the room's document by then.
    ws.send(updateMessage(Y.encodeStateAsUpdate(new Y.Doc())));
    await waitFor(() => expect(stored.length).toBeGreaterThan(0));
    expect(stored[0]).toBe(1);
    expect(t.server.rooms.get(mesa.mesa.id)!.doc.getText('t').toString()).toBe('antes del cierre');
    ws.close();
  });

  it('closes the open sockets with 4000; they come back as readers', async () => {
    const mesa = await createMesa();
    const facilitator = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.facilitator);
    clients.push(facilitator);
    await whenSynced(facilitator);
    const codes: number[] = [];
    facilitator.provider.on('connection-close', (event) => codes.push(event?.code ?? 0));
    await close(mesa);
    await waitFor(() => expect(codes).toEqual([CloseCode.mesaClosed]));
    // Back in the room with a reader's rights, while presence still says the link's role.
    await waitFor(() => {
      const peers = [...(t.server.rooms.get(mesa.mesa.id)?.peers ?? [])] as Connection[];
      expect(peers.map((p) => [p.context.role, p.context.user.role])).toEqual([['observer', 'facilitator']]);
    });
  });
  it('closes with 4000 a socket let in just before the mesa closed, before it can write', async () => {
    const mesa = await createMesa();
    // The STL closes the mesa right after the upgrade's check read it open, while the socket is on its way in.
    const read = t.storage.getMesa.bind(t.storage);
    let reads = 0;
    t.storage.getMesa = async (id) => {
      const found = await read(id);
      if (++reads === 1) await t.storage.closeMesa(id, new Date().toISOString());
      return found;
    };
    const facilitator = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.facilitator);
    clients.push(facilitator);
    const codes: number[] = [];
    facilitator.provider.on('connection-close', (event) => codes.push(event?.code ?? 0));
    await waitFor(() => expect(codes[0]).toBe(CloseCode.mesaClosed));
    await waitFor(() => {
      const peers = [...(t.server.rooms.get(mesa.mesa.id)?.peers ?? [])] as Connection[];
      expect(peers.map((p) => p.context.role)).toEqual(['observer']);
    });
  });
});

describe('a new link for a role', () => {
  it('replaces the old one, which opens nothing and whose sockets close with 4403; other roles carry on', async () => {
    const mesa = await createMesa();
    const url = (token: string) => `${t.wsUrl}/${mesa.mesa.id}?token=${token}`;
    const participant = await openRawSocket(url(mesa.tokens.participant));
    const facilitator = await openRawSocket(url(mesa.tokens.facilitator));
    const participantClosed = closed(participant);
    const answer = await stl.call<RotatedLink>('POST', `/api/mesas/${mesa.mesa.id}/links/participant`);
    expect(answer.status).toBe(200);
    expect(answer.body.role).toBe('participant');
    expect(answer.body.link).toBe(`${t.baseUrl}/mesa/${mesa.mesa.id}#k=${answer.body.token}`);
    expect((await participantClosed).code).toBe(CloseCode.linkRevoked);
    expect(facilitator.readyState).toBe(facilitator.OPEN);
    const session = (token: string) =>
      fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/session`, { headers: { authorization: `Bearer ${token}` } });
    expect((await session(mesa.tokens.participant)).status).toBe(401);
    expect((await session(answer.body.token)).status).toBe(200);
    expect((await session(mesa.tokens.facilitator)).status).toBe(200);
    expect((await stl.call('POST', `/api/mesas/${mesa.mesa.id}/links/admin`)).status).toBe(404);
    facilitator.close();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Board, CommitmentVersion, Mesa, MesaNotice, PlanDetail } from '@cocrea/shared';
import { connectStockClient, whenSynced, type StockClient } from './support/clients';
import { startLocalCluster, type LocalCluster } from './support/localCluster';
import { asAdmin, moveThrough, saveVersion } from './support/review';
import { ADMIN_TOKEN, startTestServer, type CreatedMesa, type TestServer } from './support/testServer';
import { waitFor } from './support/waitFor';

let t: TestServer;
let planId: string;
const clients: StockClient[] = [];
beforeEach(async () => {
  t = await startTestServer();
  const plan = await asAdmin<{ plan: { id: string } }>(t, 'POST', '/api/plans', {
    title: 'Primer Plan de Acción Local',
    period: '2026–2028',
    entity: 'Estado de México',
  });
  planId = plan.body.plan.id;
});
let cluster: LocalCluster | undefined;
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await t.close();
  await cluster?.close();
  cluster = undefined;
});

/** Seed 000: the Infoem proposes a compromiso proactivo in the axis «Cultura de gobierno abierto». */
const proactive = () =>
  t.createMesa({
    title: 'Compromiso Proactivo del Infoem',
    theme: 'cultura-de-gobierno-abierto',
    date: '2026-12-07',
    planId,
    kind: 'proactivo',
  });

async function move(mesa: CreatedMesa, from: unknown, to: unknown, token = mesa.tokens.facilitator) {
  const res = await fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/phase`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ from, to }),
  });
  return { status: res.status, body: (await res.json()) as { mesa: Mesa; error: { code: string; message: string } } };
}

describe('a compromiso proactivo', () => {
  it('starts at phase 1 inside a plan, which lists it with its kind; never outside a plan', async () => {
    const created = await proactive();
    expect(created.mesa).toMatchObject({ kind: 'proactivo', phase: 1 });
    const detail = await asAdmin<PlanDetail>(t, 'GET', `/api/plans/${planId}`);
    expect(detail.body.mesas).toEqual([expect.objectContaining({ id: created.mesa.id, kind: 'proactivo', phase: 1 })]);

    const outside = await asAdmin<{ error: { fields: Record<string, string> } }>(t, 'POST', '/api/mesas', {
      title: 'Sin plan',
      theme: 'movilidad',
      date: '2026-12-07',
      kind: 'proactivo',
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields).toEqual({ planId: 'Un compromiso proactivo se propone dentro de un plan.' });
    const mesa = await t.createMesa();
    expect((await t.storage.getMesa(mesa.mesa.id))?.kind).toBe('mesa');
    expect((await t.storage.getMesa(mesa.mesa.id))?.phase).toBeNull();
  });

  it('moves one phase at a time, by its facilitation link only, and tells every open page', async () => {
    const mesa = await proactive();
    const page = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.participant);
    clients.push(page);
    await whenSynced(page);

    expect((await move(mesa, 1, 2, mesa.tokens.participant)).status).toBe(403);
    expect((await move(mesa, 1, 3)).body.error.code).toBe('invalid_body');
    expect((await move(mesa, 1, 6)).status).toBe(400);
    for (const [from, to] of [
      [1, 2],
      [2, 3],
      [3, 2],
      [2, 3],
    ]) {
      const moved = await move(mesa, from, to);
      expect(moved.status).toBe(200);
      expect(moved.body.mesa).toMatchObject({ id: mesa.mesa.id, kind: 'proactivo', phase: to });
    }
    // A move pressed against a phase that has passed changes nothing.
    const stale = await move(mesa, 1, 2);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_phase');
    expect((await t.storage.getMesa(mesa.mesa.id))?.phase).toBe(3);

    const expected: MesaNotice[] = [2, 3, 2, 3].map((phase) => ({ kind: 'phase', phase }) as MesaNotice);
    await waitFor(() => expect(page.notices()).toEqual(expected));

    const session = await fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/session`, {
      headers: { authorization: `Bearer ${mesa.tokens.observer}` },
    });
    expect(((await session.json()) as { mesa: Mesa }).mesa).toMatchObject({ kind: 'proactivo', phase: 3 });
  });

  it('refuses phases for a mesa de cocreación and for a closed compromiso', async () => {
    const mesa = await t.createMesa();
    const refused = await move(mesa, 1, 2);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('not_proactive');

    const closed = await proactive();
    expect((await asAdmin(t, 'POST', `/api/mesas/${closed.mesa.id}/close`)).status).toBe(200);
    expect((await move(closed, 1, 2)).status).toBe(409);
    expect((await t.storage.getMesa(closed.mesa.id))?.phase).toBe(1);
  });

  it('saves its draft as a proactive commitment only, at its phase, and reaches the board as one', async () => {
    const mesa = await proactive();
    await expect(saveVersion(t, mesa)).rejects.toThrow(/«proactivo»/);
    for (const [from, to] of [
      [1, 2],
      [2, 3],
      [3, 4],
    ])
      expect((await move(mesa, from, to)).status).toBe(200);
    const version: CommitmentVersion = await saveVersion(t, mesa, { type: 'proactivo' });
    expect(version.stage).toEqual({ status: 'phase', number: 4, name: 'Hoja de ruta' });
    expect((await move(mesa, 4, 5)).status).toBe(200);

    await moveThrough(t, mesa.mesa.id, 1, ['en_revision', 'aprobado', 'publicado']);
    const board = (await (await fetch(`${t.baseUrl}/api/tablero`)).json()) as Board;
    expect(board.commitments).toEqual([
      expect.objectContaining({ mesaId: mesa.mesa.id, type: 'proactivo', title: 'Compromiso Proactivo del Infoem' }),
    ]);
    const inbox = await asAdmin<{ versions: { mesaId: string; stage: unknown }[] }>(t, 'GET', '/api/review/versions');
    expect(inbox.body.versions[0]).toMatchObject({ mesaId: mesa.mesa.id, stage: version.stage });
  });

  it('moves for the pages on every instance: the phase crosses the bus', async () => {
    cluster = await startLocalCluster(2);
    const [here, there] = cluster.instances;
    const admin = (path: string, body: unknown) =>
      fetch(`${here!.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify(body),
      }).then(async (res) => (await res.json()) as Record<string, { id: string }>);
    const { plan } = await admin('/api/plans', { title: 'Plan repartido', period: '2026–2028', entity: 'Edomex' });
    const mesa = (await admin('/api/mesas', {
      title: 'Compromiso Proactivo del IEEM',
      theme: 'fortalecimiento-de-la-democracia',
      date: '2026-12-07',
      planId: plan!.id,
      kind: 'proactivo',
    })) as unknown as CreatedMesa;
    const page = connectStockClient(there!.wsUrl, mesa.mesa.id, mesa.tokens.observer);
    clients.push(page);
    await whenSynced(page);
    const res = await fetch(`${here!.baseUrl}/api/mesas/${mesa.mesa.id}/phase`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens.facilitator}` },
      body: JSON.stringify({ from: 1, to: 2 }),
    });
    expect(res.status).toBe(200);
    await waitFor(() => expect(page.notices()).toEqual([{ kind: 'phase', phase: 2 }]));
  });
});

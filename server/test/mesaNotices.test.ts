import { afterEach, describe, expect, it } from 'vitest';
import { mesaNoticeSchema, type MesaNotice } from '@cocrea/shared';
import { connectStockClient, whenSynced, type StockClient } from './support/clients';
import { startLocalCluster, type LocalCluster } from './support/localCluster';
import { asAdmin, commitmentOf, saveVersion } from './support/review';
import { ADMIN_TOKEN, startTestServer, type CreatedMesa, type TestServer } from './support/testServer';
import { waitFor } from './support/waitFor';

let t: TestServer | undefined;
let cluster: LocalCluster | undefined;
const clients: StockClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await t?.close();
  await cluster?.close();
  t = cluster = undefined;
});

function connect(wsUrl: string, mesa: CreatedMesa, role: 'facilitator' | 'participant' | 'observer'): StockClient {
  const client = connectStockClient(wsUrl, mesa.mesa.id, mesa.tokens[role]);
  clients.push(client);
  return client;
}

/** The STL's review page listening to a mesa's events, with the admin token: the notices, as they arrive. */
async function listenAsStl(baseUrl: string, mesa: CreatedMesa): Promise<{ notices: MesaNotice[]; close(): void }> {
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}/api/review/mesas/${mesa.mesa.id}/events`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    signal: abort.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const notices: MesaNotice[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let markOpened = () => {};
  const opened = new Promise<void>((resolve) => (markOpened = resolve));
  void (async () => {
    let buffer = '';
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) return;
      buffer += chunk.value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (event.startsWith(': conectado')) markOpened();
        if (event.startsWith('data: ')) notices.push(mesaNoticeSchema.parse(JSON.parse(event.slice(6))));
      }
    }
  })();
  await opened;
  return { notices, close: () => abort.abort() };
}

const review = (mesa: CreatedMesa, number: number) => `/api/review/mesas/${mesa.mesa.id}/versions/${number}`;

describe('notices about the versions (message 103)', () => {
  it('reach every socket of the mesa, in the order they happened, and no socket of another mesa', async () => {
    t = await startTestServer();
    const mesa = await t.createMesa();
    const other = await t.createMesa({ title: 'Otra mesa' });
    const pages = (['facilitator', 'participant', 'observer'] as const).map((role) => connect(t!.wsUrl, mesa, role));
    const elsewhere = connect(t.wsUrl, other, 'participant');
    await Promise.all([...pages, elsewhere].map(whenSynced));

    await saveVersion(t, mesa);
    await saveVersion(t, mesa);
    expect(
      (await asAdmin(t, 'POST', `${review(mesa, 2)}/status`, { status: 'en_revision', from: 'borrador' })).status,
    ).toBe(200);
    for (const text of ['Precise el problema.', 'Falta la fecha.', 'Revise la meta.']) {
      expect((await asAdmin(t, 'POST', `${review(mesa, 2)}/observations`, { path: '', text })).status).toBe(201);
    }
    const back = await asAdmin(t, 'POST', `${review(mesa, 2)}/status`, {
      status: 'con_observaciones',
      from: 'en_revision',
    });
    expect(back.status).toBe(200);

    const expected: MesaNotice[] = [
      { kind: 'versionSaved', number: 1 },
      { kind: 'versionSaved', number: 2 },
      { kind: 'reviewStatus', number: 2, from: 'borrador', to: 'en_revision', observations: 0 },
      { kind: 'observation', number: 2, observations: 1 },
      { kind: 'observation', number: 2, observations: 2 },
      { kind: 'observation', number: 2, observations: 3 },
      { kind: 'reviewStatus', number: 2, from: 'en_revision', to: 'con_observaciones', observations: 3 },
    ];
    await waitFor(() => pages.forEach((page) => expect(page.notices()).toEqual(expected)));

    // The other mesa's socket would have had them before a notice of its own, sent later on the same server.
    await saveVersion(t, other);
    await waitFor(() => expect(elsewhere.notices()).toEqual([{ kind: 'versionSaved', number: 1 }]));
  });

  it('tell the mesa when the facilitator answers an observation, which the STL then reads, without a name', async () => {
    t = await startTestServer();
    const mesa = await t.createMesa();
    const pages = (['participant', 'observer'] as const).map((role) => connect(t!.wsUrl, mesa, role));
    await Promise.all(pages.map(whenSynced));
    await saveVersion(t, mesa);
    await asAdmin(t, 'POST', `${review(mesa, 1)}/status`, { status: 'en_revision', from: 'borrador' });
    const observed = await asAdmin<{ id: string }>(t, 'POST', `${review(mesa, 1)}/observations`, {
      path: 'problem',
      text: 'Precise el problema.',
    });
    const respond = (token: string) =>
      fetch(`${t!.baseUrl}/api/mesas/${mesa.mesa.id}/commitment/observations/${observed.body.id}/response`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ text: 'Lo precisamos en la versión 2.', attended: true }),
      });
    expect((await respond(mesa.tokens.participant)).status).toBe(403);
    const answered = await respond(mesa.tokens.facilitator);
    expect(answered.status).toBe(200);
    const { response } = (await answered.json()) as { response: Record<string, unknown> };
    expect(response).toMatchObject({ text: 'Lo precisamos en la versión 2.', attended: true });
    expect(Object.keys(response).sort()).toEqual(['at', 'attended', 'text']);

    const notice = { kind: 'observationAnswer', number: 1, observationId: observed.body.id, attended: true };
    await waitFor(() => pages.forEach((page) => expect(page.notices().at(-1)).toEqual(notice)));
    const seen = await asAdmin<{ observations: { response: unknown }[] }>(t, 'GET', review(mesa, 1));
    expect(seen.body.observations.map((o) => o.response)).toEqual([response]);
  });

  it('reach the STL’s review page of the mesa as server-sent events, on every instance, and not another mesa’s', async () => {
    cluster = await startLocalCluster(2);
    const mesa = await cluster.createMesa();
    const other = await cluster.createMesa();
    const [here, there] = cluster.instances;
    const stlHere = await listenAsStl(here!.baseUrl, mesa);
    const stlThere = await listenAsStl(there!.baseUrl, mesa);
    const stlElsewhere = await listenAsStl(here!.baseUrl, other);
    try {
      const save = (at: string, m: CreatedMesa) =>
        fetch(`${at}/api/mesas/${m.mesa.id}/commitment/versions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${m.tokens.facilitator}` },
          body: JSON.stringify({ commitment: commitmentOf(m) }),
        });
      expect((await save(there!.baseUrl, mesa)).status).toBe(201);
      const saved = [{ kind: 'versionSaved', number: 1 }];
      await waitFor(() => [stlHere, stlThere].forEach((stl) => expect(stl.notices).toEqual(saved)));
      expect((await save(here!.baseUrl, other)).status).toBe(201);
      await waitFor(() => expect(stlElsewhere.notices).toEqual(saved));
      expect(stlHere.notices).toEqual(saved);
    } finally {
      for (const stl of [stlHere, stlThere, stlElsewhere]) stl.close();
    }
  });

  it('say which earlier version a publication withdrew', async () => {
    t = await startTestServer();
    const mesa = await t.createMesa();
    const page = connect(t.wsUrl, mesa, 'participant');
    await whenSynced(page);
    for (const number of [1, 2]) {
      await saveVersion(t, mesa);
      let from = 'borrador';
      for (const status of ['en_revision', 'aprobado', 'publicado']) {
        expect((await asAdmin(t, 'POST', `${review(mesa, number)}/status`, { status, from })).status).toBe(200);
        from = status;
      }
    }
    await waitFor(() =>
      expect(page.notices().slice(-2)).toEqual([
        { kind: 'reviewStatus', number: 2, from: 'aprobado', to: 'publicado', observations: 0 },
        { kind: 'reviewStatus', number: 1, from: 'publicado', to: 'aprobado', observations: 0 },
      ]),
    );
  });

  it('cross instances: a page on another instance hears a save made through this one, once', async () => {
    cluster = await startLocalCluster(2);
    const mesa = await cluster.createMesa();
    const [here, there] = cluster.instances;
    const near = connect(here!.wsUrl, mesa, 'facilitator');
    const far = connect(there!.wsUrl, mesa, 'participant');
    await Promise.all([near, far].map(whenSynced));

    const res = await fetch(`${here!.baseUrl}/api/mesas/${mesa.mesa.id}/commitment/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens.facilitator}` },
      body: JSON.stringify({ commitment: commitmentOf(mesa) }),
    });
    expect(res.status).toBe(201);
    await waitFor(() => {
      expect(near.notices()).toEqual([{ kind: 'versionSaved', number: 1 }]);
      expect(far.notices()).toEqual([{ kind: 'versionSaved', number: 1 }]);
    });
    // A second notice: had the first been delivered twice, it would show before this one.
    const second = await fetch(`${there!.baseUrl}/api/mesas/${mesa.mesa.id}/commitment/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens.facilitator}` },
      body: JSON.stringify({ commitment: commitmentOf(mesa) }),
    });
    expect(second.status).toBe(201);
    const both = [
      { kind: 'versionSaved', number: 1 },
      { kind: 'versionSaved', number: 2 },
    ];
    await waitFor(() => [near, far].forEach((page) => expect(page.notices()).toEqual(both)));
  });
});

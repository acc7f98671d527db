import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addComment,
  fieldTarget,
  joinedSchema,
  nodeTarget,
  readComments,
  replyToThread,
  setCommentHidden,
  setThreadResolved,
  visibleCommentCount,
} from '@cocrea/shared';
import { connectStockClient, whenSynced, type StockClient } from './support/clients';
import { startTestServer, type CreatedMesa, type TestServer } from './support/testServer';
import { waitFor } from './support/waitFor';

let t: TestServer;
let mesa: CreatedMesa;
const clients: StockClient[] = [];
beforeEach(async () => {
  t = await startTestServer();
  mesa = await t.createMesa();
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await t.close();
});

async function connect(role: 'facilitator' | 'participant' | 'observer'): Promise<StockClient> {
  const client = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens[role]!);
  clients.push(client);
  await whenSynced(client);
  return client;
}

const problem = fieldTarget('problem');

// These sockets have no seat, as a script's: the server takes their comments as authored by nobody (authorId null).
describe('comments in the mesa’s document', () => {
  it('reach everyone live, replies and the resolved mark included, and are stored', async () => {
    const ana = await connect('participant');
    const beto = await connect('participant');
    const thread = addComment(ana.doc, problem, { text: '¿Quién mide los traslados?', authorId: null, now: 1 });
    await waitFor(() => expect(readComments(beto.doc).get(problem)).toHaveLength(1));
    replyToThread(beto.doc, thread, { text: 'La Secretaría de Movilidad.', authorId: null, now: 2 });
    setThreadResolved(beto.doc, thread, true);
    await waitFor(() => expect(readComments(ana.doc).get(problem)?.[0]).toMatchObject({ resolved: true }));
    expect(
      readComments(ana.doc)
        .get(problem)![0]!
        .replies.map((r) => r.text),
    ).toEqual(['La Secretaría de Movilidad.']);
    await waitFor(() => expect(beto.stored()).toBe(beto.sent()));

    // Someone who arrives later reads them from the server.
    const later = await connect('observer');
    expect(visibleCommentCount(readComments(later.doc).get(problem))).toBe(2);
  });

  it('are hidden by the facilitator only: anyone else’s hidden mark is refused, unstored and unrelayed', async () => {
    const facilitator = await connect('facilitator');
    const participant = await connect('participant');
    const thread = addComment(participant.doc, nodeTarget('root'), { text: 'Comentario', authorId: null, now: 1 });
    await waitFor(() => expect(readComments(facilitator.doc).size).toBe(1));

    setCommentHidden(participant.doc, thread, true);
    await waitFor(() => expect(participant.refused()).toEqual({ count: 1, tool: 'moderation' }));
    expect(readComments(facilitator.doc).get(nodeTarget('root'))![0]!.root.hidden).toBe(false);

    setCommentHidden(facilitator.doc, thread, true);
    await waitFor(() => expect(facilitator.stored()).toBe(facilitator.sent()));
    expect(facilitator.refused().count).toBe(0);
    const fresh = await connect('participant');
    expect(readComments(fresh.doc).get(nodeTarget('root'))![0]!.root.hidden).toBe(true);
    expect(visibleCommentCount(readComments(fresh.doc).get(nodeTarget('root')))).toBe(0);
  });

  it('go on while the agenda locks the tools: deliberation is not an edit of the tree or the draft', async () => {
    const facilitator = await connect('facilitator');
    const participant = await connect('participant');
    for (const tool of ['tree', 'commitment'] as const) {
      const res = await fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/agenda/locks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens.facilitator}` },
        body: JSON.stringify({ tool, mode: 'locked', expectedRevision: facilitator.agenda()?.state.revision ?? 0 }),
      });
      expect(res.status).toBe(200);
      await waitFor(() => expect(participant.agenda()?.locks[tool].locked).toBe(true));
    }
    const thread = addComment(participant.doc, problem, { text: 'Con todo cerrado', authorId: null, now: 1 });
    setThreadResolved(participant.doc, thread, true);
    await waitFor(() => expect(readComments(facilitator.doc).get(problem)?.[0]?.resolved).toBe(true));
    expect(participant.refused().count).toBe(0);
  });

  it('name their sender as author: a seated participant’s comment in another’s name is refused', async () => {
    const res = await fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens.participant}` },
      body: JSON.stringify({
        name: 'Ana López',
        sector: 'academia',
        organization: 'UAEMéx',
        acceptsChathamHouse: true,
      }),
    });
    const { participant, seat } = joinedSchema.parse(await res.json());
    const ana = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens.participant!, undefined, { seat });
    clients.push(ana);
    await whenSynced(ana);
    const observer = await connect('observer');
    addComment(ana.doc, problem, { text: 'Mío', authorId: participant.id, now: 1 });
    await waitFor(() => expect(visibleCommentCount(readComments(observer.doc).get(problem))).toBe(1));
    addComment(ana.doc, problem, { text: 'Como si fuera de otra persona', authorId: 'otra-persona', now: 2 });
    await waitFor(() => expect(ana.refused()).toEqual({ count: 1, tool: 'comments' }));
    expect(
      readComments(observer.doc)
        .get(problem)!
        .map((thread) => thread.root.text),
    ).toEqual(['Mío']);
  });
});

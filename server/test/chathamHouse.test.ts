/**
 * Chatham House: what people say may be used, never who said it. Named people join a mesa, write in its draft and
 * its tree and deliberate in comments live; then every output that leaves the mesa (the saved version, its review,
 * the tree export, the public board as JSON and CSV, the observations page) is searched for their names and ids.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addCause,
  addComment,
  commitmentFields,
  commitmentRows,
  exportTreeJson,
  fieldTarget,
  joinedSchema,
  nodeTarget,
  readCommitmentDraft,
  readComments,
  replyToThread,
  setCommitmentText,
  setThreadResolved,
  TREE_ROOT_ID,
  type Participant,
} from '@cocrea/shared';
import { connectStockClient, whenSynced, type StockClient } from './support/clients';
import { asAdmin, commitmentOf, moveThrough } from './support/review';
import { StlBrowser, bootstrapMember } from './support/stlBrowser';
import { startTestServer, type CreatedMesa, type TestServer } from './support/testServer';
import { waitFor } from './support/waitFor';

let t: TestServer;
let mesa: CreatedMesa;
const clients: StockClient[] = [];
beforeEach(async () => {
  t = await startTestServer();
  mesa = await t.createMesa({ title: 'Mesa de movilidad', theme: 'movilidad' });
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await t.close();
});

/** Names nobody else would write, so that finding one anywhere can only mean it leaked. */
const PEOPLE = [
  { role: 'participant', name: 'Zoraida Quintanilla Brizuela', organization: 'Colectivo Ruedas Libres' },
  { role: 'facilitator', name: 'Evaristo Ulloa Campuzano', organization: 'Infoem Facilitación' },
] as const;

async function joinAndConnect(person: (typeof PEOPLE)[number]): Promise<{ who: Participant; client: StockClient }> {
  const res = await fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens[person.role]}` },
    body: JSON.stringify({
      name: person.name,
      sector: 'sociedad-civil',
      organization: person.organization,
      acceptsChathamHouse: true,
    }),
  });
  expect(res.status).toBe(201);
  const joined = joinedSchema.parse(await res.json());
  const client = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens[person.role]!, undefined, { seat: joined.seat });
  clients.push(client);
  await whenSynced(client);
  return { who: joined.participant, client };
}

async function text(path: string, token?: string): Promise<string> {
  const res = await fetch(`${t.baseUrl}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  expect(res.status, path).toBe(200);
  return res.text();
}

describe('Chatham House', () => {
  it('nothing that names a person appears in any export, version, open data or board', async () => {
    const [zoraida, evaristo] = [await joinAndConnect(PEOPLE[0]), await joinAndConnect(PEOPLE[1])];
    // Their presence carries their names live: that is where names belong.
    await waitFor(() =>
      expect([...zoraida.client.provider.awareness.getStates().values()].map((s) => s.user?.name)).toContain(
        PEOPLE[1].name,
      ),
    );

    const doc = zoraida.client.doc;
    setCommitmentText(doc, 'problem', 'Los traslados en Toluca tardan más de una hora.');
    const cause = addCause(doc, TREE_ROOT_ID, 'Rutas de transporte mal coordinadas');
    const thread = addComment(doc, fieldTarget('problem'), {
      text: '¿De dónde sale la hora?',
      authorId: zoraida.who.id,
      now: Date.now(),
    });
    addComment(doc, nodeTarget(cause), { text: 'Causa clave', authorId: zoraida.who.id, now: Date.now() });
    await waitFor(() => expect(readComments(evaristo.client.doc).get(fieldTarget('problem'))).toHaveLength(1));
    replyToThread(evaristo.client.doc, thread, {
      text: 'De la encuesta origen-destino.',
      authorId: evaristo.who.id,
      now: Date.now(),
    });
    setThreadResolved(evaristo.client.doc, thread, true);
    await waitFor(() => expect(readComments(doc).get(fieldTarget('problem'))?.[0]?.resolved).toBe(true));

    // What leaves a browser: the draft a version is saved from, and the tree's export.
    const draft = readCommitmentDraft(doc);
    const saved = commitmentOf(mesa, { problem: draft.problem });
    const res = await fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/commitment/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens.facilitator}` },
      body: JSON.stringify({ commitment: saved }),
    });
    expect(res.status).toBe(201);
    await moveThrough(t, mesa.mesa.id, 1, ['en_revision', 'aprobado', 'publicado']);
    await bootstrapMember(t);
    const stl = new StlBrowser(t);
    await stl.login();

    const outputs: Record<string, string> = {
      draft: JSON.stringify(draft),
      treeExport: JSON.stringify(exportTreeJson(doc)),
      versionFields: JSON.stringify(commitmentFields(saved)),
      versionRows: JSON.stringify(commitmentRows(saved)),
      versionSaved: await res.text(),
      versions: await text(`/api/mesas/${mesa.mesa.id}/commitment/versions`, mesa.tokens.participant),
      observations: await text(`/api/mesas/${mesa.mesa.id}/commitment/observations`, mesa.tokens.participant),
      review: JSON.stringify((await stl.call('GET', `/api/review/mesas/${mesa.mesa.id}/versions/1`)).body),
      reviewAsAdmin: JSON.stringify((await asAdmin(t, 'GET', `/api/review/mesas/${mesa.mesa.id}/versions/1`)).body),
      board: await text('/api/tablero'),
      boardCsv: await text('/api/tablero.csv'),
    };
    // The outputs are real: the draft's text and the tree's cause are in them, so a name would be too if it leaked.
    expect(outputs.board).toContain('Los traslados en Toluca tardan más de una hora.');
    expect(outputs.treeExport).toContain('Rutas de transporte mal coordinadas');
    for (const [output, content] of Object.entries(outputs)) {
      for (const { who } of [zoraida, evaristo]) {
        for (const trace of [who.name, who.name.split(' ')[0]!, who.organization, who.id]) {
          expect(content, `${output} names ${trace}`).not.toContain(trace);
        }
      }
      // Nor what was said in the deliberation, which is the mesa's own and never published with the commitment.
      expect(content, output).not.toContain('encuesta origen-destino');
    }
  });
});

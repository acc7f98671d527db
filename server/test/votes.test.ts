import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CloseCode,
  MessageType,
  addCause,
  commitmentVersionSchema,
  ownBallotSchema,
  voteMessageSchema,
  TREE_ROOT_ID,
  type Ballot,
  type OwnBallot,
  type VoteMessage,
} from '@cocrea/shared';
import { seed004Commitment } from '@cocrea/shared/fixtures/seed004';
import { agendaApi, type Role } from './support/agendaApi';
import { closed, connectStockClient, openRawSocket, whenSynced, type StockClient } from './support/clients';
import { ADMIN_TOKEN, startTestServer, type CreatedMesa, type TestServer } from './support/testServer';
import { waitFor } from './support/waitFor';

let t: TestServer;
let mesa: CreatedMesa;
const clients: StockClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await t.close();
});

interface Person {
  id: string;
  name: string;
  seat: string;
}

async function join(role: Role, name: string): Promise<Person> {
  const res = await fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens[role]}` },
    body: JSON.stringify({ name, sector: 'academia', organization: 'Colectivo Norte', acceptsChathamHouse: true }),
  });
  expect(res.status).toBe(201);
  const { participant, seat } = (await res.json()) as { participant: { id: string }; seat: string };
  return { id: participant.id, name, seat };
}

function connect(role: Role, seat?: string): StockClient {
  const options = seat === undefined ? { keepFrames: true } : { seat, keepFrames: true };
  const client = connectStockClient(t.wsUrl, mesa.mesa.id, mesa.tokens[role], undefined, options);
  clients.push(client);
  return client;
}

async function votesCall(role: Role, method: string, path = '', body?: unknown) {
  const res = await fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/votes${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens[role]}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as VoteMessage & { error?: { code: string } } };
}

/** The frames of one Cocrea message type a client received, as their JSON text. */
function texts(client: StockClient, type: number): string[] {
  return client.frames().flatMap((frame) => {
    const d = decoding.createDecoder(frame);
    return decoding.readVarUint(d) === type ? [decoding.readVarString(d)] : [];
  });
}
const votesOf = (c: StockClient) => texts(c, MessageType.vote).map((j) => voteMessageSchema.parse(JSON.parse(j)));
const ballotsOf = (c: StockClient): OwnBallot[] =>
  texts(c, MessageType.ownBallot).map((j) => ownBallotSchema.parse(JSON.parse(j)));
const lastVote = (c: StockClient) => votesOf(c).at(-1)?.vote ?? null;

function ballotFrame(ballot: Ballot | string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.ballot);
  encoding.writeVarString(e, typeof ballot === 'string' ? ballot : JSON.stringify(ballot));
  return encoding.toUint8Array(e);
}

/** Sends a ballot on the client's own socket, as Cocrea's client does. */
function cast(client: StockClient, ballot: Ballot): void {
  client.provider.ws!.send(ballotFrame(ballot));
}

/** A facilitator's client that wrote three causes into the tree: their ids. */
async function treeWithCauses(facilitator: StockClient): Promise<string[]> {
  await whenSynced(facilitator);
  const ids = ['Rutas sin horario', 'Tarifas altas', 'Unidades viejas'].map((text) =>
    addCause(facilitator.doc, TREE_ROOT_ID, text),
  );
  await waitFor(() => expect(facilitator.stored()).toBe(facilitator.sent()));
  return ids;
}

for (const backend of ['sqlite', 'postgres'] as const) describeVoting(backend);

function describeVoting(backend: 'sqlite' | 'postgres'): void {
  describe(`dot voting on the sync socket (${backend})`, () => {
    beforeEach(async () => {
      t = await startTestServer(undefined, { backend });
      mesa = await t.createMesa();
    });

    it('counts exactly the ballots of 25 people sent in the same moment, refusing each one beyond their count', async () => {
      const facilitatorPerson = await join('facilitator', 'Fabiola Facilitadora');
      const facilitator = connect('facilitator', facilitatorPerson.seat);
      const causes = await treeWithCauses(facilitator);
      const people = await Promise.all(
        Array.from({ length: 25 }, (_, i) => join('participant', `Persona Votante ${i}`)),
      );
      const voters = people.map((p) => connect('participant', p.seat));
      const observer = connect('observer');
      await Promise.all([...voters, observer].map(whenSynced));

      const opened = await votesCall('facilitator', 'POST', '', {
        target: 'causa',
        votesPerPerson: 2,
        allowSeveral: false,
      });
      expect(opened.status).toBe(201);
      const vote = opened.body.vote!;
      expect(vote).toMatchObject({ status: 'open', voters: 0, dots: 0, results: null });
      await waitFor(() => voters.forEach((c) => expect(lastVote(c)?.id).toBe(vote.id)));

      // Everyone at once: a dot, the same dot again (one per cause here), a second cause, a third (over the count).
      voters.forEach((c, i) => {
        const [a, b, extra] = [causes[i % 3]!, causes[(i + 1) % 3]!, causes[(i + 2) % 3]!];
        for (const itemId of [a, a, b, extra]) cast(c, { voteId: vote.id, itemId, change: 1 });
      });
      await waitFor(() => expect(lastVote(facilitator)).toMatchObject({ voters: 25, dots: 50 }), { timeout: 60_000 });
      await waitFor(() =>
        voters.forEach((c) => {
          const ballots = ballotsOf(c);
          expect(ballots.filter((b) => b.refusal !== null)).toHaveLength(2);
          expect(ballots.at(-1)?.used).toBe(2);
        }),
      );
      voters.forEach((c, i) => {
        const refusals = ballotsOf(c).flatMap((b) => (b.refusal ? [b.refusal] : []));
        expect(refusals.sort()).toEqual([
          'En esta votación cada persona da a lo sumo un voto a cada elemento.',
          'Ya usó sus 2 votos: quite uno de un elemento para darlo a otro.',
        ]);
        // Each seat hears of its own dots only.
        for (const ballot of ballotsOf(c)) {
          expect(Object.keys(ballot.items).every((id) => [causes[i % 3], causes[(i + 1) % 3]].includes(id))).toBe(true);
        }
      });
      expect(ballotsOf(observer)).toEqual([]);

      // Nobody hears the counts while the vote is open, not even the facilitator.
      for (const c of [facilitator, observer, ...voters]) {
        for (const { vote: v } of votesOf(c)) if (v !== null) expect(v.results).toBeNull();
      }
      expect((await votesCall('facilitator', 'GET')).body.vote).toMatchObject({ results: null, voters: 25, dots: 50 });

      const closedVote = await votesCall('facilitator', 'POST', `/${vote.id}/close`);
      expect(closedVote.status).toBe(200);
      // Each cause got the dots of the 2/3 of the people who had it among their first two: 17, 17, 16.
      const expected = causes.map((id, c) => ({
        id,
        count: people.filter((_, i) => i % 3 === c || (i + 1) % 3 === c).length,
      }));
      expect(expected.map((e) => e.count).reduce((a, b) => a + b)).toBe(50);
      const results = closedVote.body.vote!.results!;
      expect(new Map(results.map((r) => [r.itemId, r.count]))).toEqual(new Map(expected.map((e) => [e.id, e.count])));
      expect(results.map((r) => r.label).sort()).toEqual(['Rutas sin horario', 'Tarifas altas', 'Unidades viejas']);
      await waitFor(() => [observer, ...voters].forEach((c) => expect(lastVote(c)?.results).toEqual(results)));

      // No frame any socket received names a person, or says whose a dot is: no participant's id, name or seat.
      const secrets = [facilitatorPerson, ...people].flatMap((p) => [p.id, p.name, p.seat]);
      for (const c of [facilitator, observer, ...voters]) {
        const votingFrames = c.frames().filter((f) => {
          const type = decoding.readVarUint(decoding.createDecoder(f));
          return type === MessageType.vote || type === MessageType.ownBallot;
        });
        const text = votingFrames.map((f) => Buffer.from(f).toString('utf8')).join('\n');
        for (const secret of secrets) expect(text).not.toContain(secret);
      }
      // After the close, ballots are refused, and the store has forgotten who voted what.
      cast(voters[0]!, { voteId: vote.id, itemId: causes[0]!, change: -1 });
      await waitFor(() => expect(ballotsOf(voters[0]!).at(-1)?.refusal).toBe('Esa votación ya está cerrada.'));
      expect(await t.storage.seatBallot(vote.id, people[0]!.id)).toEqual({});
    });

    it('refuses the ballots of an observer, of a socket without a seat, on a locked tool and on an unknown item', async () => {
      const facilitator = connect('facilitator');
      const [cause] = await treeWithCauses(facilitator);
      const ana = await join('participant', 'Ana Votante');
      const anaClient = connect('participant', ana.seat);
      const anonymous = connect('participant');
      const observer = connect('observer');
      await Promise.all([anaClient, anonymous, observer].map(whenSynced));
      const { body } = await votesCall('facilitator', 'POST', '', {
        target: 'causa',
        votesPerPerson: 1,
        allowSeveral: false,
      });
      const voteId = body.vote!.id;

      cast(observer, { voteId, itemId: cause!, change: 1 });
      cast(anonymous, { voteId, itemId: cause!, change: 1 });
      cast(anaClient, { voteId, itemId: 'no-existe', change: 1 });
      await waitFor(() => {
        expect(ballotsOf(observer).at(-1)?.refusal).toBe('Quienes observan la mesa no votan.');
        expect(ballotsOf(anonymous).at(-1)?.refusal).toBe('Para votar, únase a la mesa con su nombre.');
        expect(ballotsOf(anaClient).at(-1)?.refusal).toBe('Ese elemento ya no existe o no se vota en esta votación.');
      });
      const agenda = agendaApi(t, mesa);
      expect((await agenda.lock('facilitator', { tool: 'tree', mode: 'locked' })).status).toBe(200);
      cast(anaClient, { voteId, itemId: cause!, change: 1 });
      await waitFor(() =>
        expect(ballotsOf(anaClient).at(-1)?.refusal).toBe(
          'La herramienta de esta votación está bloqueada en esta etapa de la agenda.',
        ),
      );
      expect((await agenda.lock('facilitator', { tool: 'tree', mode: 'agenda' })).status).toBe(200);
      cast(anaClient, { voteId, itemId: cause!, change: 1 });
      await waitFor(() => expect(ballotsOf(anaClient).at(-1)).toMatchObject({ used: 1, refusal: null }));
      expect(lastVote(facilitator)).toMatchObject({ voters: 1, dots: 1 });
    });

    it('greets a returning voter with its own dots, and closes a socket that sends a malformed ballot', async () => {
      const facilitator = connect('facilitator');
      const [cause] = await treeWithCauses(facilitator);
      const ana = await join('participant', 'Ana Votante');
      const first = connect('participant', ana.seat);
      await whenSynced(first);
      const { body } = await votesCall('facilitator', 'POST', '', {
        target: 'causa',
        votesPerPerson: 3,
        allowSeveral: true,
      });
      const voteId = body.vote!.id;
      cast(first, { voteId, itemId: cause!, change: 1 });
      cast(first, { voteId, itemId: cause!, change: 1 });
      await waitFor(() => expect(ballotsOf(first).at(-1)).toMatchObject({ used: 2, items: { [cause!]: 2 } }));
      const again = connect('participant', ana.seat);
      await waitFor(() => expect(ballotsOf(again).at(-1)).toMatchObject({ voteId, used: 2, items: { [cause!]: 2 } }));

      const ws = await openRawSocket(`${t.wsUrl}/${mesa.mesa.id}?token=${mesa.tokens.participant}&seat=${ana.seat}`);
      const gone = closed(ws);
      ws.send(ballotFrame('{"voteId": "x", "itemId": "y", "change": 5}'));
      expect((await gone).code).toBe(CloseCode.invalidPayload);
    });

    it('closing the mesa closes its open vote, so no ballot outlives it', async () => {
      const ana = await join('participant', 'Ana Votante');
      const facilitator = connect('facilitator');
      const [cause] = await treeWithCauses(facilitator);
      const anaClient = connect('participant', ana.seat);
      await whenSynced(anaClient);
      const { body } = await votesCall('facilitator', 'POST', '', {
        target: 'causa',
        votesPerPerson: 1,
        allowSeveral: false,
      });
      cast(anaClient, { voteId: body.vote!.id, itemId: cause!, change: 1 });
      await waitFor(() => expect(ballotsOf(anaClient).at(-1)?.used).toBe(1));
      const res = await fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/close`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      expect(res.status).toBe(200);
      expect((await votesCall('observer', 'GET')).body.vote).toMatchObject({ status: 'closed', voters: 1 });
      expect(await t.storage.seatBallot(body.vote!.id, ana.id)).toEqual({});
    });

    it('the next saved version records the counts, and never who voted', async () => {
      const facilitator = connect('facilitator');
      const [cause] = await treeWithCauses(facilitator);
      const ana = await join('participant', 'Ana Votante');
      const anaClient = connect('participant', ana.seat);
      await whenSynced(anaClient);
      const { body } = await votesCall('facilitator', 'POST', '', {
        target: 'causa',
        votesPerPerson: 1,
        allowSeveral: false,
      });
      cast(anaClient, { voteId: body.vote!.id, itemId: cause!, change: 1 });
      await waitFor(() => expect(ballotsOf(anaClient).at(-1)?.used).toBe(1));
      await votesCall('facilitator', 'POST', `/${body.vote!.id}/close`);
      const res = await fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/commitment/versions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens.facilitator}` },
        body: JSON.stringify({ commitment: { ...seed004Commitment, mesaId: mesa.mesa.id } }),
      });
      expect(res.status).toBe(201);
      const text = await res.text();
      const version = commitmentVersionSchema.parse(JSON.parse(text));
      expect(version.votes).toEqual([
        expect.objectContaining({
          target: 'causa',
          voters: 1,
          results: expect.arrayContaining([
            expect.objectContaining({ itemId: cause, label: 'Rutas sin horario', count: 1, rank: 1 }),
          ]),
        }),
      ]);
      for (const secret of [ana.id, ana.name, ana.seat]) expect(text).not.toContain(secret);
    });

    it('lets only the facilitator open and close, one vote at a time', async () => {
      const request = { target: 'linea', votesPerPerson: 3, allowSeveral: true };
      expect((await votesCall('participant', 'POST', '', request)).status).toBe(403);
      const opened = await votesCall('facilitator', 'POST', '', request);
      expect(opened.status).toBe(201);
      expect((await votesCall('facilitator', 'POST', '', request)).body.error?.code).toBe('vote_open');
      expect((await votesCall('participant', 'POST', `/${opened.body.vote!.id}/close`)).status).toBe(403);
      expect((await votesCall('facilitator', 'POST', '/AAAAAAAAAAAAAAAA/close')).status).toBe(404);
      const closedVote = await votesCall('facilitator', 'POST', `/${opened.body.vote!.id}/close`);
      expect(closedVote.body.vote).toMatchObject({ status: 'closed', results: [], voters: 0 });
      expect((await votesCall('facilitator', 'POST', '', request)).status).toBe(201);
      expect((await votesCall('facilitator', 'POST', '', { ...request, votesPerPerson: 0 })).status).toBe(400);
    });
  });
}

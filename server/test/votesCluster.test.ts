import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MessageType,
  TREE_ROOT_ID,
  addCause,
  ownBallotSchema,
  voteMessageSchema,
  type OwnBallot,
  type VoteMessage,
  type VoteState,
} from '@cocrea/shared';
import type { Bus, BusListener } from '../src/cluster/Bus';
import { HEAD_INTERVAL_MS } from '../src/cluster/RoomBridge';
import { connectStockClient, whenSynced, type StockClient } from './support/clients';
import { startLocalCluster, type LocalCluster } from './support/localCluster';
import type { CreatedMesa } from './support/testServer';
import { waitFor } from './support/waitFor';

let cluster: LocalCluster;
const clients: StockClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await cluster.close();
});

function connect(at: number, mesa: CreatedMesa, role: 'facilitator' | 'participant', seat?: string): StockClient {
  const options = seat === undefined ? { keepFrames: true } : { seat, keepFrames: true };
  const client = connectStockClient(cluster.instances[at]!.wsUrl, mesa.mesa.id, mesa.tokens[role], undefined, options);
  clients.push(client);
  return client;
}

async function call(at: number, mesa: CreatedMesa, path: string, body?: unknown): Promise<VoteMessage> {
  const res = await fetch(`${cluster.instances[at]!.baseUrl}/api/mesas/${mesa.mesa.id}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens.facilitator}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as VoteMessage;
}

async function join(mesa: CreatedMesa, name: string): Promise<string> {
  const res = await fetch(`${cluster.instances[0]!.baseUrl}/api/mesas/${mesa.mesa.id}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens.participant}` },
    body: JSON.stringify({ name, sector: 'otro', organization: 'Vecinos', acceptsChathamHouse: true }),
  });
  return ((await res.json()) as { seat: string }).seat;
}

function frames(client: StockClient, type: number): string[] {
  return client.frames().flatMap((frame) => {
    const d = decoding.createDecoder(frame);
    return decoding.readVarUint(d) === type ? [decoding.readVarString(d)] : [];
  });
}
const lastVote = (c: StockClient): VoteState | null =>
  frames(c, MessageType.vote)
    .map((j) => voteMessageSchema.parse(JSON.parse(j)).vote)
    .at(-1) ?? null;
const lastBallot = (c: StockClient): OwnBallot | undefined =>
  frames(c, MessageType.ownBallot)
    .map((j) => ownBallotSchema.parse(JSON.parse(j)))
    .at(-1);

function cast(client: StockClient, voteId: string, itemId: string): void {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.ballot);
  encoding.writeVarString(e, JSON.stringify({ voteId, itemId, change: 1 }));
  client.provider.ws!.send(encoding.toUint8Array(e));
}

describe('dot voting across instances', () => {
  it('ballots on three instances at once are all counted, every socket hears the tally, each seat its own dots', async () => {
    cluster = await startLocalCluster(3);
    const mesa = await cluster.createMesa();
    const facilitator = connect(0, mesa, 'facilitator');
    await whenSynced(facilitator);
    const causes = ['Rutas sin horario', 'Tarifas altas'].map((text) => addCause(facilitator.doc, TREE_ROOT_ID, text));
    await waitFor(() => expect(facilitator.stored()).toBe(facilitator.sent()));
    const seats = await Promise.all(Array.from({ length: 9 }, (_, i) => join(mesa, `Vecina ${i}`)));
    const voters = seats.map((seat, i) => connect(i % 3, mesa, 'participant', seat));
    // The first person has a second tab, on another instance than the one it votes from.
    const secondTab = connect(1, mesa, 'participant', seats[0]);
    await Promise.all([...voters, secondTab].map(whenSynced));
    // Every socket has the tree's causes before anyone votes (each instance checks ballots against its own replica).
    await waitFor(() => voters.forEach((v) => expect(v.doc.getMap('treeNodes').size).toBe(2)));

    const { vote } = await call(0, mesa, '/votes', { target: 'causa', votesPerPerson: 2, allowSeveral: true });
    await waitFor(() => [...voters, secondTab].forEach((c) => expect(lastVote(c)?.id).toBe(vote!.id)));
    voters.forEach((v, i) => {
      cast(v, vote!.id, causes[0]!);
      cast(v, vote!.id, causes[i % 2]!);
      cast(v, vote!.id, causes[1]!);
    });
    await waitFor(() =>
      [facilitator, ...voters].forEach((c) => expect(lastVote(c)).toMatchObject({ voters: 9, dots: 18 })),
    );
    await waitFor(() => expect(lastBallot(secondTab)?.used).toBe(2));
    expect(lastBallot(secondTab)?.items).toEqual({ [causes[0]!]: 2 });

    const { vote: closed } = await call(2, mesa, `/votes/${vote!.id}/close`);
    // People 0, 2, 4, 6, 8 gave both dots to the first cause; 1, 3, 5, 7 one to each.
    expect(closed?.results?.map((r) => [r.itemId, r.count])).toEqual([
      [causes[0], 14],
      [causes[1], 4],
    ]);
    await waitFor(() => voters.forEach((c) => expect(lastVote(c)?.results).toEqual(closed?.results)));
  });

  it('an instance that never hears a vote’s states catches up from the database at the next head', async () => {
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
                if (message.kind !== 'vote') listener(message);
              }),
          };
    cluster = await startLocalCluster(2, deaf);
    const mesa = await cluster.createMesa();
    // The facilitator's socket is on the instance that hears, the reader's on the one that does not.
    const facilitator = connect(0, mesa, 'facilitator');
    const reader = connect(1, mesa, 'participant');
    await Promise.all([whenSynced(facilitator), whenSynced(reader)]);
    const { vote } = await call(0, mesa, '/votes', { target: 'linea', votesPerPerson: 1, allowSeveral: false });
    const { vote: closed } = await call(0, mesa, `/votes/${vote!.id}/close`);
    await waitFor(() => expect(lastVote(reader)).toEqual(closed), { timeout: HEAD_INTERVAL_MS * 3 });
  });
});

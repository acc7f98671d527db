import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { MessageType, agendaSnapshotSchema, type AgendaSnapshot } from '@cocrea/shared';
import { connectStockClient, whenSynced, type StockClient } from './support/clients';
import { startCuttableProxy, type CuttableProxy } from './support/cuttableProxy';
import { CLUSTER_ADMIN, startBalancer, startInstance, type Balancer, type Instance } from './support/instances';
import { createTestSchema, type TestSchema } from './support/postgres';
import { reachRedis, type TestRedis } from './support/redis';
import type { CreatedMesa } from './support/testServer';
import { waitFor } from './support/waitFor';

/**
 * Faults of a deployment of several instances on PostgreSQL and Redis, each started as `npm start` runs the server:
 * the database out of reach for a while, and every instance restarted in turn.
 */

const serverDir = fileURLToPath(new URL('..', import.meta.url));
let schema: TestSchema;
let redis: TestRedis;
const started: Instance[] = [];
const clients: StockClient[] = [];
const proxies: CuttableProxy[] = [];
const balancers: Balancer[] = [];

beforeAll(async () => {
  // Unreachable services fail here, saying how to start them.
  redis = await reachRedis();
  schema = await createTestSchema();
  execFileSync(process.execPath, ['build.mjs'], { cwd: serverDir, stdio: 'inherit' });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const i of started.splice(0)) i.process.kill('SIGKILL');
  for (const p of proxies.splice(0)) await p.close();
  for (const b of balancers.splice(0)) await b.close();
});
afterAll(async () => {
  await schema?.drop();
});

/** Starts `count` instances on the test schema, reaching PostgreSQL at `databaseUrl`. */
async function startInstances(count: number, databaseUrl = schema.url): Promise<Instance[]> {
  const instances: Instance[] = [];
  for (let i = 0; i < count; i++) {
    const instance = await startInstance({
      COCREA_DATABASE_URL: databaseUrl,
      COCREA_REDIS_URL: redis.url,
      COCREA_REDIS_PREFIX: redis.prefix,
    });
    started.push(instance);
    instances.push(instance);
  }
  return instances;
}

async function createMesa(at: Instance): Promise<CreatedMesa> {
  const res = await fetch(`http://127.0.0.1:${at.port}/api/mesas`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${CLUSTER_ADMIN}` },
    body: JSON.stringify({ title: 'Mesa con fallas', theme: 'movilidad', date: '2026-11-21' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as CreatedMesa;
}

function connect(port: number, mesa: CreatedMesa, role: 'participant' | 'observer' = 'participant'): StockClient {
  const client = connectStockClient(`ws://127.0.0.1:${port}/sync`, mesa.mesa.id, mesa.tokens[role]);
  clients.push(client);
  return client;
}

/** Counts the `stored` acknowledgements `client` receives, over every socket it opens. */
function countAcknowledgements(client: StockClient): () => number {
  let count = 0;
  const handler = client.provider.messageHandlers[MessageType.stored]!;
  client.provider.messageHandlers[MessageType.stored] = (...args) => {
    count++;
    handler(...args);
  };
  return () => count;
}

/** Counts the closes of `client`'s sockets, whoever closed them and whether they had opened. */
function countCloses(client: StockClient): () => number {
  let count = 0;
  client.provider.on('connection-close', () => count++);
  return () => count;
}

describe('PostgreSQL out of reach for a while', () => {
  it('nothing is acknowledged or relayed meanwhile, and every edit is stored once when it returns', async () => {
    const database = new URL(schema.url);
    const proxy = await startCuttableProxy({ host: database.hostname, port: Number(database.port || 5432) });
    proxies.push(proxy);
    database.port = String(proxy.port);
    const [a, b] = await startInstances(2, database.toString());
    const mesa = await createMesa(a!);
    const left = connect(a!.port, mesa);
    const right = connect(b!.port, mesa);
    await Promise.all([whenSynced(left), whenSynced(right)]);
    const edits = (c: StockClient) => c.doc.getArray<string>('edits');
    edits(left).push(['antes']);
    await waitFor(() => expect(edits(right).toArray()).toEqual(['antes']));
    await waitFor(() => expect(left.stored()).toBe(left.sent()));
    const acknowledged = [left, right].map(countAcknowledgements);
    const closes = [left, right].map(countCloses);

    proxy.cut();
    for (let k = 0; k < 5; k++) {
      edits(left).push([`izquierda-${k}`]);
      edits(right).push([`derecha-${k}`]);
    }
    // Each instance tried to store its client's edits and could not: it closed the socket, and refused the
    // client's first reconnection (checking its link needs the database too).
    await waitFor(() => closes.forEach((count) => expect(count()).toBeGreaterThanOrEqual(2)));
    // Edits made with no socket at all, which the next sync carries.
    edits(left).push(['izquierda-sin-conexión']);
    await waitFor(() => closes.forEach((count) => expect(count()).toBeGreaterThanOrEqual(3)));
    // Meanwhile nothing was acknowledged, nothing crossed as if stored, and no client can count itself saved.
    expect(acknowledged.map((count) => count())).toEqual([0, 0]);
    expect(
      edits(left)
        .toArray()
        .filter((e) => e.startsWith('derecha')),
    ).toEqual([]);
    expect(
      edits(right)
        .toArray()
        .filter((e) => e.startsWith('izquierda')),
    ).toEqual([]);
    for (const c of [left, right]) expect(c.provider.wsconnected && c.stored() === c.sent()).toBe(false);

    proxy.restore();
    const expected = [
      'antes',
      ...Array.from({ length: 5 }, (_, k) => [`izquierda-${k}`, `derecha-${k}`]).flat(),
      'izquierda-sin-conexión',
    ].sort();
    await waitFor(() => [left, right].forEach((c) => expect(edits(c).toArray().sort()).toEqual(expected)), {
      timeout: 30_000,
    });
    await waitFor(() =>
      [left, right].forEach((c) => expect(c.provider.wsconnected && c.stored() === c.sent()).toBe(true)),
    );
    // Read back from the database by a newcomer: each edit once.
    const reader = connect(b!.port, mesa, 'observer');
    await whenSynced(reader);
    expect(edits(reader).toArray().sort()).toEqual(expected);
    // Neither instance died of it, and neither holds more connections than its pool may (10 each).
    expect([a!.process.exitCode, b!.process.exitCode]).toEqual([null, null]);
    expect(proxy.open).toBeLessThanOrEqual(20);
  });
});

/**
 * Pushes edits from `client` while its socket is open, a window of 20 unacknowledged at most (as a browser's would
 * be paced by a slow store), and keeps, for each socket, which edits that socket had acknowledged when it closed.
 */
function typeAlong(client: StockClient, name: string) {
  const list = client.doc.getArray<string>('edits');
  const made: string[] = [];
  const acknowledged: string[] = [];
  /** The edits pushed on the current socket, by the count of frames sent once each was pushed. */
  let onSocket: { edit: string; frame: number }[] = [];
  client.provider.on('connection-close', () => {
    const stored = client.stored();
    acknowledged.push(...onSocket.filter((e) => e.frame <= stored).map((e) => e.edit));
    onSocket = [];
  });
  const timer = setInterval(() => {
    if (!client.provider.wsconnected || !client.provider.synced) return;
    for (let k = 0; k < 3 && client.sent() - client.stored() < 20; k++) {
      const edit = `${name}-${made.length}`;
      list.push([edit]);
      made.push(edit);
      onSocket.push({ edit, frame: client.sent() });
    }
  }, 20);
  return { made, acknowledged, stop: () => clearInterval(timer) };
}

/** Keeps every agenda snapshot (message 101) `client` receives, over every socket it opens. */
function recordAgendas(client: StockClient): AgendaSnapshot[] {
  const seen: AgendaSnapshot[] = [];
  const handler = client.provider.messageHandlers[MessageType.agenda]!;
  client.provider.messageHandlers[MessageType.agenda] = (encoder, decoder, ...rest) => {
    const copy = decoding.clone(decoder);
    seen.push(agendaSnapshotSchema.parse(JSON.parse(decoding.readVarString(copy))));
    handler(encoder, decoder, ...rest);
  };
  return seen;
}

describe('a rolling restart during a running stage', () => {
  it('the mesa goes on, nothing acknowledged is lost, and the timer does not jump', async () => {
    let live = await startInstances(3);
    const balancer = await startBalancer(() => live.map((i) => i.port));
    balancers.push(balancer);
    const mesa = await createMesa(live[0]!);
    const people = [0, 1, 2].map(() => connect(balancer.port, mesa));
    const agendas = people.map(recordAgendas);
    await Promise.all(people.map(whenSynced));

    const startCommand = await fetch(`http://127.0.0.1:${live[1]!.port}/api/mesas/${mesa.mesa.id}/agenda/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens.facilitator}` },
      body: JSON.stringify({ type: 'start' }),
    });
    expect(startCommand.status).toBe(200);
    const { state } = (await startCommand.json()) as AgendaSnapshot;
    expect(state.status).toBe('running');
    await waitFor(() => agendas.forEach((seen) => expect(seen.at(-1)?.state).toEqual(state)));
    // From here on, each greeting of a new socket and each snapshot relayed must say the same.
    for (const seen of agendas) seen.splice(0);

    /**
     * What each live instance says the time is, against this machine's clock at the middle of the request: every
     * instance tells Redis's clock, which on this one machine is this machine's, so a countdown computed from its
     * answer (`endsAt − now`, as a browser does) is consistent with the wall clock within half the round trip and
     * the error of the instance's offset to Redis (half the shortest round trip it measured, under a millisecond
     * on a quiet host). 250 ms more covers a starved host's scheduling; the countdown shows whole seconds, and the
     * jumps this guards against (a stage restarted, a clock of another origin) are of seconds to minutes.
     */
    const checkClocks = async () => {
      for (const instance of live) {
        const sent = Date.now();
        const { now } = (await (await fetch(`http://127.0.0.1:${instance.port}/api/time`)).json()) as { now: number };
        const received = Date.now();
        expect(Math.abs(now - (sent + received) / 2)).toBeLessThanOrEqual((received - sent) / 2 + 250);
      }
    };
    await checkClocks();
    const typing = people.map((p, n) => typeAlong(p, `p${n}`));
    for (let turn = 0; turn < 3; turn++) {
      const old = live[0]!;
      const fresh = await startInstance({
        COCREA_DATABASE_URL: schema.url,
        COCREA_REDIS_URL: redis.url,
        COCREA_REDIS_PREFIX: redis.prefix,
      });
      started.push(fresh);
      live = [...live.slice(1), fresh];
      old.process.kill('SIGTERM');
      // Everything stored and compacted, the database closed: a clean exit.
      expect(await old.exited).toBe(0);
      // Each person is back, through the same address, and has had an edit acknowledged on the new socket.
      await waitFor(() => people.forEach((p) => expect(p.provider.wsconnected && p.stored() > 0).toBe(true)), {
        timeout: 30_000,
      });
      await checkClocks();
    }
    for (const t of typing) t.stop();
    await waitFor(() => people.forEach((p) => expect(p.stored()).toBe(p.sent())), { timeout: 30_000 });

    // The timer never moved: every snapshot any of them got says the same stage ends at the same time.
    for (const seen of agendas) {
      expect(seen.length).toBeGreaterThan(0);
      for (const snapshot of seen)
        expect(snapshot.state).toMatchObject({ status: 'running', stageIndex: state.stageIndex, endsAt: state.endsAt });
    }
    // Every edit anyone made, acknowledged before a restart or resent after it, is there once.
    const made = typing.flatMap((t) => t.made);
    expect(typing.every((t) => t.acknowledged.length > 0)).toBe(true);
    const reader = connect(live[0]!.port, mesa, 'observer');
    await whenSynced(reader);
    const kept = reader.doc.getArray<string>('edits').toArray();
    expect(new Set(kept).size).toBe(kept.length);
    expect(kept.sort()).toEqual(made.sort());
    await waitFor(() => people.forEach((p) => expect(p.doc.getArray<string>('edits').length).toBe(made.length)));
    // Six instances start in this test, one at a time; on a starved 2-core host each takes up to ~25 s.
  }, 240_000);
});

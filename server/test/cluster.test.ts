import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, TREE_ROOT_ID, addCause, type AgendaSnapshot } from '@cocrea/shared';
import { UPGRADE_LIMIT } from '../src/sync/UpgradeLimiter';
import { RefusedUpgrade, connectStockClient, openRawSocket, whenSynced, type StockClient } from './support/clients';
import {
  CLUSTER_ADMIN,
  startBalancer,
  startInstance,
  startOwnRedis,
  type Balancer,
  type Instance,
  type OwnRedis,
} from './support/instances';
import { createTestSchema, type TestSchema } from './support/postgres';
import { reachRedis, type TestRedis } from './support/redis';
import type { CreatedMesa } from './support/testServer';
import { waitFor } from './support/waitFor';

/**
 * Several server processes (the bundle `npm start` runs) on one PostgreSQL schema and one Redis prefix, as a
 * deployment behind one address runs them: what reaches one instance reaches the sockets of every other.
 */

const serverDir = fileURLToPath(new URL('..', import.meta.url));
let schema: TestSchema;
let redis: TestRedis;
const started: Instance[] = [];
const clients: StockClient[] = [];
const balancers: Balancer[] = [];
const redises: OwnRedis[] = [];

beforeAll(async () => {
  // Unreachable services fail here, saying how to start them.
  redis = await reachRedis();
  schema = await createTestSchema();
  execFileSync(process.execPath, ['build.mjs'], { cwd: serverDir, stdio: 'inherit' });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const b of balancers.splice(0)) await b.close();
});
afterAll(async () => {
  for (const i of started.splice(0)) i.process.kill('SIGKILL');
  for (const r of redises.splice(0)) await r.stop();
  await schema?.drop();
});

function environment(redisUrl = redis.url): Record<string, string> {
  return {
    COCREA_DATABASE_URL: schema.url,
    COCREA_REDIS_URL: redisUrl,
    COCREA_REDIS_PREFIX: redis.prefix,
    // This test is the proxy: its `X-Forwarded-For` names a client of its own, with budgets of its own.
    COCREA_TRUST_PROXY: 'loopback',
  };
}

/** Starts `count` instances, one after another (the first brings the schema up to date). */
async function startInstances(count: number, redisUrl?: string): Promise<Instance[]> {
  const instances: Instance[] = [];
  for (let i = 0; i < count; i++) {
    const instance = await startInstance(environment(redisUrl));
    started.push(instance);
    instances.push(instance);
  }
  return instances;
}

const base = (i: Instance) => `http://127.0.0.1:${i.port}`;
const ws = (port: number) => `ws://127.0.0.1:${port}/sync`;

async function createMesa(at: Instance): Promise<CreatedMesa> {
  const res = await fetch(`${base(at)}/api/mesas`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${CLUSTER_ADMIN}` },
    body: JSON.stringify({ title: 'Mesa en varias instancias', theme: 'movilidad', date: '2026-11-21' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as CreatedMesa;
}

function connect(port: number, mesa: CreatedMesa, role: 'facilitator' | 'participant' | 'observer' = 'participant') {
  const client = connectStockClient(ws(port), mesa.mesa.id, mesa.tokens[role]);
  clients.push(client);
  return client;
}

describe('three instances on one database and one Redis', () => {
  let trio: Instance[];
  beforeAll(async () => {
    trio = await startInstances(3);
  });

  it('stock clients on different instances converge, each acknowledged by its own instance', async () => {
    const mesa = await createMesa(trio[0]!);
    const people = trio.map((i) => connect(i.port, mesa));
    await Promise.all(people.map(whenSynced));
    people.forEach((p, n) => {
      for (let k = 0; k < 30; k++) p.doc.getArray<string>('edits').push([`${n}-${k}`]);
    });
    await waitFor(
      () => {
        for (const p of people) expect(p.doc.getArray('edits').length).toBe(90);
      },
      { timeout: 30_000 },
    );
    await waitFor(() => people.forEach((p) => expect(p.stored()).toBe(p.sent())), { timeout: 30_000 });
    const [first, ...rest] = people.map((p) => p.doc.getArray('edits').toJSON());
    for (const other of rest) expect(other).toEqual(first);
  });

  it('presence crosses instances, and leaves with its socket', async () => {
    const mesa = await createMesa(trio[0]!);
    const here = connect(trio[0]!.port, mesa);
    const there = connect(trio[2]!.port, mesa);
    await Promise.all([whenSynced(here), whenSynced(there)]);
    there.provider.awareness.setLocalStateField('cursor', { x: 3, y: 4 });
    const id = there.doc.clientID;
    await waitFor(() => expect(here.provider.awareness.getStates().get(id)?.cursor).toEqual({ x: 3, y: 4 }), {
      timeout: 15_000,
    });
    there.destroy();
    await waitFor(() => expect(here.provider.awareness.getStates().has(id)).toBe(false));
  });

  it('an agenda command on one instance reaches the sockets on the others, and their locks', async () => {
    const mesa = await createMesa(trio[0]!);
    const watchers = [connect(trio[1]!.port, mesa), connect(trio[2]!.port, mesa)];
    await Promise.all(watchers.map(whenSynced));
    await waitFor(() => watchers.forEach((w) => expect(w.agenda()?.state.status).toBe('not_started')));
    const res = await fetch(`${base(trio[0]!)}/api/mesas/${mesa.mesa.id}/agenda/locks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens.facilitator}` },
      body: JSON.stringify({ tool: 'tree', mode: 'locked' }),
    });
    expect(res.status).toBe(200);
    const { state } = (await res.json()) as AgendaSnapshot;
    await waitFor(() => watchers.forEach((w) => expect(w.agenda()?.state).toEqual(state)));
    addCause(watchers[1]!.doc, TREE_ROOT_ID, 'Con la herramienta cerrada');
    await waitFor(() => expect(watchers[1]!.refused()).toEqual({ count: 1, tool: 'tree' }));
  });

  it('racing agenda commands on different instances are each applied once, in one order', async () => {
    const mesa = await createMesa(trio[0]!);
    const command = (at: Instance, body: unknown) =>
      fetch(`${base(at)}/api/mesas/${mesa.mesa.id}/agenda/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens.facilitator}` },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as AgendaSnapshot }));
    expect((await command(trio[0]!, { type: 'start' })).status).toBe(200);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, k) => command(trio[k % 3]!, { type: 'addTime', minutes: 1 })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    // Revisions 2..13, each given once: no instance wrote over a record another had changed.
    expect(answers.map((a) => a.body.state.revision).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, k) => k + 2),
    );
  });

  it('a replaced link closes its sockets on every instance', async () => {
    const mesa = await createMesa(trio[0]!);
    const people = [connect(trio[0]!.port, mesa), connect(trio[1]!.port, mesa)];
    await Promise.all(people.map(whenSynced));
    const codes = people.map(
      (p) =>
        new Promise<number>((resolve) => p.provider.once('connection-close', (e: { code: number }) => resolve(e.code))),
    );
    const res = await fetch(`${base(trio[2]!)}/api/mesas/${mesa.mesa.id}/links/participant`, {
      method: 'POST',
      headers: { authorization: `Bearer ${CLUSTER_ADMIN}` },
    });
    expect(res.status).toBe(200);
    expect(await Promise.all(codes)).toEqual([CloseCode.linkRevoked, CloseCode.linkRevoked]);
  });

  it('an address’s WebSocket upgrades are counted across instances', async () => {
    /** The status of an upgrade to an unknown mesa (404 once counted) from `203.0.113.9`, through `at`. */
    const upgrade = async (at: Instance) => {
      try {
        const socket = await openRawSocket(`${ws(at.port)}/AAAAAAAAAAAAAAAA?token=mal`, {
          'x-forwarded-for': '203.0.113.9',
        });
        socket.close();
        return 101;
      } catch (error) {
        if (error instanceof RefusedUpgrade) return error.status;
        throw error;
      }
    };
    const since = performance.now();
    let passed = 0;
    for (; passed < 2 * UPGRADE_LIMIT.burst; passed++) {
      const status = await upgrade(trio[passed % 3]!);
      if (status === 429) break;
      expect(status).toBe(404);
    }
    const seconds = (performance.now() - since) / 1000;
    // The whole burst, spread over three instances, and what refilled meanwhile: one budget. Counted by each
    // instance on its own, the first refusal would come only after three times the burst.
    expect(passed).toBeGreaterThanOrEqual(UPGRADE_LIMIT.burst);
    expect(passed).toBeLessThanOrEqual(UPGRADE_LIMIT.burst + Math.ceil(seconds * UPGRADE_LIMIT.perSecond));
  });

  it('failed logins are counted across instances', async () => {
    const attempt = (at: Instance, n: number) =>
      fetch(`${base(at)}/api/stl/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `nadie${n}@ejemplo.mx`, password: 'no es la contraseña' }),
      }).then((r) => r.status);
    // 20 failures an address may make in 15 minutes, spread over two instances; the 21st, on a third, is refused.
    const statuses: number[] = [];
    for (let n = 0; n < 20; n++) statuses.push(await attempt(trio[n % 2]!, n));
    expect(statuses).toEqual(Array(20).fill(401));
    expect(await attempt(trio[2]!, 20)).toBe(429);
  });
});

describe('an instance dies while its clients type', () => {
  it('they reconnect through the same address to another instance, and every acknowledged edit is there', async () => {
    const [doomed, survivor] = await startInstances(2);
    let live = [doomed!.port];
    const balancer = await startBalancer(() => live);
    balancers.push(balancer);
    const mesa = await createMesa(survivor!);
    // The writer comes in through the one address; the watcher sits on the survivor all along.
    const writer = connect(balancer.port, mesa);
    const watcher = connect(survivor!.port, mesa);
    await Promise.all([whenSynced(writer), whenSynced(watcher)]);
    live = [doomed!.port, survivor!.port];

    const frameOf: number[] = [];
    const list = writer.doc.getArray<number>('edits');
    let i = 0;
    // Paced as a browser's unacknowledged edits would be by a slow store (see crash.test.ts).
    const stream = setInterval(() => {
      for (let k = 0; k < 5 && writer.sent() - writer.stored() < 20; k++) {
        list.push([i]);
        frameOf[i] = writer.sent();
        i++;
      }
    }, 5);
    const storedAtClose = new Promise<number>((resolve) => {
      writer.provider.once('connection-close', () => {
        clearInterval(stream);
        resolve(writer.stored());
      });
    });
    const acknowledgedOf = (stored: number) => frameOf.flatMap((frame, edit) => (frame <= stored ? [edit] : []));
    await waitFor(() => expect(acknowledgedOf(writer.stored()).length).toBeGreaterThan(100), { timeout: 30_000 });
    live = [survivor!.port];
    doomed!.process.kill('SIGKILL');
    await doomed!.exited;
    const acknowledged = acknowledgedOf(await storedAtClose);
    expect(acknowledged.length).toBeGreaterThan(100);

    // The writer is back, on the survivor, and everything it has is stored there and relayed to the watcher.
    await waitFor(() => expect(writer.provider.wsconnected).toBe(true), { timeout: 30_000 });
    await waitFor(() => expect(writer.stored()).toBe(writer.sent()), { timeout: 30_000 });
    await waitFor(() => expect(watcher.doc.getArray('edits').length).toBe(i), { timeout: 30_000 });

    const reader = connect(survivor!.port, mesa, 'observer');
    await whenSynced(reader);
    const kept = new Set(reader.doc.getArray<number>('edits').toArray());
    expect(acknowledged.filter((edit) => !kept.has(edit))).toEqual([]);
    expect(kept.size).toBe(i);
  });
});

describe('Redis restarts mid-session', () => {
  it('the instances resubscribe, and the replicas converge with nothing lost', async () => {
    const own = await startOwnRedis();
    redises.push(own);
    const [a, b] = await startInstances(2, own.url);
    const mesa = await createMesa(a!);
    const left = connect(a!.port, mesa);
    const right = connect(b!.port, mesa);
    await Promise.all([whenSynced(left), whenSynced(right)]);
    left.doc.getMap('m').set('antes', 1);
    await waitFor(() => expect(right.doc.getMap('m').get('antes')).toBe(1));

    await own.stop();
    // Stored while the instances cannot tell each other: each side acknowledged by its own instance.
    left.doc.getMap('m').set('izquierda', 2);
    right.doc.getMap('m').set('derecha', 3);
    await waitFor(() => [left, right].forEach((c) => expect(c.stored()).toBe(c.sent())));

    await own.start();
    const expected = { antes: 1, izquierda: 2, derecha: 3 };
    await waitFor(() => [left, right].forEach((c) => expect(c.doc.getMap('m').toJSON()).toEqual(expected)), {
      timeout: 30_000,
    });
    // And the bus carries edits again.
    right.doc.getMap('m').set('después', 4);
    await waitFor(() => expect(left.doc.getMap('m').get('después')).toBe(4));

    // The STL closes the mesa on one instance while Redis is away: the other closes its writers once it is back.
    await own.stop();
    const rightClosed = new Promise<number>((resolve) =>
      right.provider.once('connection-close', (e: { code: number }) => resolve(e.code)),
    );
    const res = await fetch(`${base(a!)}/api/mesas/${mesa.mesa.id}/close`, {
      method: 'POST',
      headers: { authorization: `Bearer ${CLUSTER_ADMIN}` },
    });
    expect(res.status).toBe(200);
    await own.start();
    expect(await rightClosed).toBe(CloseCode.mesaClosed);
  });
});

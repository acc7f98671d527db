import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MessageType } from '@cocrea/shared';
import { connectStockClient, whenSynced, type StockClient } from './support/clients';
import { startCuttableProxy, type CuttableProxy } from './support/cuttableProxy';
import { CLUSTER_ADMIN, startInstance, type Instance } from './support/instances';
import { createTestSchema, type TestSchema } from './support/postgres';
import { reachRedis, type TestRedis } from './support/redis';
import type { CreatedMesa } from './support/testServer';
import { waitFor } from './support/waitFor';

/**
 * Faults of a deployment of several instances on PostgreSQL and Redis, each started as `npm start` runs the server:
 * the database out of reach for a while.
 */

const serverDir = fileURLToPath(new URL('..', import.meta.url));
let schema: TestSchema;
let redis: TestRedis;
const started: Instance[] = [];
const clients: StockClient[] = [];
const proxies: CuttableProxy[] = [];

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

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bus } from '../../src/cluster/Bus';
import { LocalBus, LocalHub } from '../../src/cluster/LocalBus';
import { createCocreaServer, type CocreaServer } from '../../src/createServer';
import type { Storage } from '../../src/storage/Storage';
import { SqliteStorage } from '../../src/storage/sqlite/SqliteStorage';
import { ADMIN_TOKEN, type CreatedMesa } from './testServer';

export interface LocalInstance {
  server: CocreaServer;
  baseUrl: string;
  wsUrl: string;
}

export interface LocalCluster {
  instances: LocalInstance[];
  createMesa(): Promise<CreatedMesa>;
  close(): Promise<void>;
}

/**
 * Several server instances in this process over one SQLite file, joined by a `LocalHub`: the cluster code's
 * logic without Redis or PostgreSQL (the multi-process tests run it against both). `wrapBus` lets a test stand
 * between an instance and the others, to lose messages on purpose.
 */
export async function startLocalCluster(
  count: number,
  wrapBus: (bus: Bus, index: number) => Bus = (bus) => bus,
): Promise<LocalCluster> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cocrea-cluster-'));
  const storage = new SqliteStorage(join(dataDir, 'cocrea.sqlite'));
  // Every instance closes its storage when it closes; the shared one is closed once, at the end. Every answer
  // comes on a later turn, as from a database across a network: instances interleave between a read and a write.
  const shared = new Proxy(storage, {
    get(target, key) {
      if (key === 'close') return async () => {};
      const value: unknown = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.then((answer) => new Promise((resolve) => setImmediate(() => resolve(answer))));
      };
    },
  }) as Storage;
  const hub = new LocalHub();
  const instances: LocalInstance[] = [];
  for (let i = 0; i < count; i++) {
    const server = createCocreaServer({ storage: shared, adminToken: ADMIN_TOKEN, bus: wrapBus(new LocalBus(hub), i) });
    const port = await server.listen(0, '127.0.0.1');
    instances.push({ server, baseUrl: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/sync` });
  }
  return {
    instances,
    async createMesa() {
      const res = await fetch(`${instances[0]!.baseUrl}/api/mesas`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({ title: 'Mesa repartida', theme: 'movilidad', date: '2026-11-21' }),
      });
      if (res.status !== 201) throw new Error(`createMesa: ${res.status} ${await res.text()}`);
      return (await res.json()) as CreatedMesa;
    },
    async close() {
      await Promise.all(instances.map((i) => i.server.close()));
      await storage.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

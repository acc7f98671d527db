import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCocreaServer, type CocreaServer, type CocreaServerOptions } from '../../src/createServer';
import { PostgresStorage } from '../../src/storage/postgres/PostgresStorage';
import { SqliteStorage } from '../../src/storage/sqlite/SqliteStorage';
import type { Storage } from '../../src/storage/Storage';
import { answeringLater } from './answeringLater';
import { createTestSchema, type TestSchema } from './postgres';

export const ADMIN_TOKEN = 'test-admin-token-que-nadie-adivina';

export interface TestServer {
  server: CocreaServer;
  /** The server's own storage, for tests that set up state faster than through the API. */
  storage: Storage;
  baseUrl: string;
  wsUrl: string;
  dataDir: string;
  /** Creates a mesa through the REST API, as the STL would. */
  createMesa(input?: Partial<{ title: string; theme: string; date: string; planId: string }>): Promise<CreatedMesa>;
  close(): Promise<void>;
}

export interface CreatedMesa {
  mesa: { id: string; title: string };
  links: Record<'facilitator' | 'participant' | 'observer', string>;
  tokens: Record<'facilitator' | 'participant' | 'observer', string>;
}

export interface TestServerOptions {
  /**
   * `sqlite` (default): a SQLite file in the data folder. `postgres`: a fresh schema of the test database (see
   * `support/postgres.ts`), dropped on close.
   */
  backend?: 'sqlite' | 'postgres';
  /** `later`: the server sees its SQLite storage answer appends on a later turn, as PostgreSQL's does. */
  appends?: 'in-process' | 'later';
  /** Which proxies to believe (none by default, as in production). */
  trustProxy?: CocreaServerOptions['trustProxy'];
  /** Smaller send-queue limits, to reach them without sending megabytes. */
  sendQueue?: CocreaServerOptions['sendQueue'];
  /** Where upgrades are counted: a limiter on the test's own clock, say. */
  upgrades?: CocreaServerOptions['upgrades'];
}

/** A real server on an ephemeral port over real storage: a SQLite file in a fresh temporary folder, or PostgreSQL. */
export async function startTestServer(
  dataDir = mkdtempSync(join(tmpdir(), 'cocrea-test-')),
  { backend = 'sqlite', appends = 'in-process', trustProxy, sendQueue, upgrades }: TestServerOptions = {},
): Promise<TestServer> {
  let schema: TestSchema | undefined;
  let storage: Storage;
  if (backend === 'postgres') {
    schema = await createTestSchema();
    storage = await PostgresStorage.open(schema.url, { max: 4 });
  } else {
    storage = new SqliteStorage(join(dataDir, 'cocrea.sqlite'));
  }
  const server = createCocreaServer({
    storage: appends === 'later' ? answeringLater(storage) : storage,
    adminToken: ADMIN_TOKEN,
    trustProxy,
    sendQueue,
    upgrades,
  });
  const port = await server.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    server,
    storage,
    baseUrl,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    dataDir,
    async createMesa(input = {}) {
      const res = await fetch(`${baseUrl}/api/mesas`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({ title: 'Mesa de prueba', theme: 'movilidad', date: '2026-11-21', ...input }),
      });
      if (res.status !== 201) throw new Error(`createMesa: ${res.status} ${await res.text()}`);
      return (await res.json()) as CreatedMesa;
    },
    async close() {
      await server.close();
      await schema?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

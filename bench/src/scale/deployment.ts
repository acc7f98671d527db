import { randomBytes } from 'node:crypto';
import { startCocreaProcess, type CocreaProcess } from '../cocreaProcess';
import { syncUrl } from '../sync/cocreaServer';
import type { RoomAddress, SyncServer } from '../sync/SyncServer';
import { REDIS_URL, redisPrefix, type BenchSchema } from './services';

/** Cocrea instances of one deployment: one storage, one Redis prefix and one admin token between them. */
export interface Deployment {
  name: string;
  instances: CocreaProcess[];
  /** Its PostgreSQL backends, when it stores there. */
  databasePids?(): Promise<number[]>;
  stop(): Promise<void>;
}

/**
 * Starts `count` instances: on SQLite (one only) without `schema`; on PostgreSQL with it, joined through Redis
 * when `redis` is set. One at a time, so that the first runs the migrations alone.
 */
export async function startDeployment(
  name: string,
  options: { count?: number; schema?: BenchSchema; redis?: boolean },
): Promise<Deployment> {
  const adminToken = randomBytes(24).toString('base64url');
  const applicationName = `cocrea-bench-${name}`;
  const databaseUrl = options.schema?.urlFor(applicationName);
  const redis = options.redis ? { url: REDIS_URL, prefix: redisPrefix() } : undefined;
  const instances: CocreaProcess[] = [];
  try {
    for (let i = 0; i < (options.count ?? 1); i++) {
      instances.push(await startCocreaProcess({ adminToken, databaseUrl, redis }));
    }
  } catch (error) {
    await Promise.all(instances.map((instance) => instance.stop()));
    throw error;
  }
  const schema = options.schema;
  return {
    name,
    instances,
    ...(schema ? { databasePids: () => schema.backendPids(applicationName) } : {}),
    stop: async () => {
      await Promise.all(instances.map((instance) => instance.stop()));
    },
  };
}

/**
 * How a deployment's rooms meet its instances: `first`, every client on the first instance; `spread`, each room on
 * one instance, rooms dealt over them in turn; `split`, each room's clients dealt over every instance.
 */
export type Placement = 'first' | 'spread' | 'split';

/** The deployment as the latency harness sees a server: mesas made through the first instance's API. */
export function asSyncServer(deployment: Deployment, placement: Placement, name = deployment.name): SyncServer {
  const urls = deployment.instances.map(syncUrl);
  const api = deployment.instances[0]!;
  let created = 0;
  return {
    name,
    pids: deployment.instances.map((instance) => instance.pid),
    ...(deployment.databasePids ? { databasePids: deployment.databasePids } : {}),
    async openRooms(count) {
      const rooms: RoomAddress[] = [];
      for (let i = 0; i < count; i++) {
        const { mesa, tokens } = await api.createMesa(`Mesa de carga ${++created}`);
        const room = { serverUrl: urls[0]!, room: mesa.id, params: { token: tokens.participant } };
        if (placement === 'spread') room.serverUrl = urls[i % urls.length]!;
        rooms.push(placement === 'split' ? { ...room, serverUrls: urls } : room);
      }
      return rooms;
    },
    // The deployment outlives the views of it that the phases take; it is stopped once, by its owner.
    stop: async () => {},
  };
}

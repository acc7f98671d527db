import { resolveAdminToken } from './auth/adminToken';
import { RedisBus } from './cluster/RedisBus';
import { readConfig } from './config';
import { createCocreaServer } from './createServer';
import { openStorage } from './storage/openStorage';

const config = readConfig();
const { storage, where } = await openStorage(config);
const admin = resolveAdminToken(config.dataDir, config.adminToken);
const bus = config.redisUrl === undefined ? undefined : await connectRedis(config.redisUrl, config.redisPrefix);
const server = createCocreaServer({
  storage,
  bus,
  rateLimits: bus?.rateLimitStores(),
  upgrades: bus?.upgradeBudget(),
  now: bus?.now,
  adminToken: admin.token,
  clientDir: config.clientDir,
  publicUrl: config.publicUrl,
  allowedOrigins: config.allowedOrigins,
  trustProxy: config.trustProxy,
});

const port = await server.listen(config.port, config.host);
console.log(`Cocrea escuchando en http://localhost:${port} (datos en ${where})`);
if (admin.created) {
  console.log(`Token de administración del STL (se muestra una sola vez): ${admin.token}`);
}

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: guardando todo y cerrando…`);
  try {
    await server.close();
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

/** A server told to run beside others must reach them: refusing to start beats serving a mesa alone. */
async function connectRedis(url: string, prefix: string): Promise<RedisBus> {
  try {
    return await RedisBus.connect(url, prefix);
  } catch (error) {
    console.error(`No se pudo conectar a Redis en COCREA_REDIS_URL (${(error as Error).message}).`);
    process.exit(1);
  }
}

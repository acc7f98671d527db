import { describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL, withClient } from './support/postgres';
import { reachRedis } from './support/redis';

/** The services some tests need: reachable, or the run fails saying, in Spanish and English, how to start them. */
describe('test services', () => {
  it('PostgreSQL answers at COCREA_TEST_DATABASE_URL', async () => {
    const { rows } = await withClient(TEST_DATABASE_URL, (client) => client.query('SELECT 1 AS one'));
    expect(rows).toEqual([{ one: 1 }]);
  });

  it('an unreachable PostgreSQL fails with how to start it', async () => {
    await expect(withClient('postgres://postgres@127.0.0.1:1/test', async () => null)).rejects.toThrow(
      /No se pudo conectar a PostgreSQL en .*127\.0\.0\.1:1.*pg_ctlcluster.*Could not reach PostgreSQL/,
    );
  });

  it('Redis answers at COCREA_TEST_REDIS_URL, with a key prefix of the file’s own', async () => {
    const [a, b] = await Promise.all([reachRedis(), reachRedis()]);
    expect(a.prefix).toMatch(/^cocrea-test:[0-9a-f]{12}:$/);
    expect(a.prefix).not.toBe(b.prefix);
  });

  it('an unreachable Redis fails with how to start it', async () => {
    await expect(reachRedis('redis://127.0.0.1:1')).rejects.toThrow(
      /No se pudo conectar a Redis en .*127\.0\.0\.1:1.*redis-server.*Could not reach Redis/,
    );
  });
});

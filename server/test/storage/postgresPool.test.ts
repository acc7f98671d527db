import type { Pool } from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPool, transaction } from '../../src/storage/postgres/pool';
import { startCuttableProxy, type CuttableProxy } from '../support/cuttableProxy';
import { TEST_DATABASE_URL, withClient } from '../support/postgres';

/** The pool every PostgreSQL storage uses, between the process and a database that goes out of reach. */

let proxy: CuttableProxy;
let pool: Pool;

beforeAll(async () => {
  // An unreachable PostgreSQL fails here, saying how to start it.
  await withClient(TEST_DATABASE_URL, (client) => client.query('SELECT 1'));
});
afterEach(async () => {
  await pool?.end();
  await proxy?.close();
});

async function poolBehindProxy(queryTimeoutMs?: number): Promise<Pool> {
  const database = new URL(TEST_DATABASE_URL);
  proxy = await startCuttableProxy({ host: database.hostname, port: Number(database.port || 5432) });
  database.port = String(proxy.port);
  pool = createPool(database.toString(), { max: 2, ...(queryTimeoutMs === undefined ? {} : { queryTimeoutMs }) });
  return pool;
}

describe('PostgreSQL pool', () => {
  it('a connection lost in the middle of a transaction fails it, not the process, and the pool serves again', async () => {
    const pool = await poolBehindProxy();
    const outcome = transaction(pool, async (client) => {
      await client.query('SELECT 1');
      const ended = new Promise((resolve) => client.once('end', resolve));
      proxy.cut();
      // The connection breaks while the transaction holds it, between two statements: the moment a handed-out
      // connection has nobody listening for its errors.
      await ended;
      return client.query('SELECT 2');
    });
    await expect(outcome).rejects.toThrow();
    proxy.restore();
    expect((await pool.query<{ n: number }>('SELECT 3 AS n')).rows).toEqual([{ n: 3 }]);
    expect(pool.totalCount).toBe(1);
  });

  it('a database that stops answering fails a statement after the timeout; the pool serves again once it answers', async () => {
    const pool = await poolBehindProxy(500);
    // Two connections open, so that neither statement below waits to connect.
    await Promise.all([pool.query('SELECT pg_sleep(0.05)'), pool.query('SELECT pg_sleep(0.05)')]);
    expect(pool.idleCount).toBe(2);
    proxy.stall();
    await expect(pool.query('SELECT 2')).rejects.toThrow(/timeout/i);
    await expect(transaction(pool, (client) => client.query('SELECT 3'))).rejects.toThrow(/timeout/i);
    proxy.restore();
    // The connections that stopped answering were dropped, not handed out again with a late answer in them.
    expect((await pool.query<{ n: number }>('SELECT 4 AS n')).rows).toEqual([{ n: 4 }]);
    expect(pool.totalCount).toBe(1);
  });
});

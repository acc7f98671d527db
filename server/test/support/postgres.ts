import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL the tests use; each test file (or test) works in a schema of its own there. */
export const TEST_DATABASE_URL = process.env.COCREA_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** `url` without its password, for messages. */
export function shown(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** The failure a test run gives when PostgreSQL does not answer: it says how to start it, never skips. */
export function postgresUnreachable(url: string, cause: unknown): Error {
  const where = shown(url);
  const why = cause instanceof Error ? cause.message : String(cause);
  return new Error(
    `No se pudo conectar a PostgreSQL en ${where}: inícielo con \`pg_ctlcluster --skip-systemctl-redirect 15 main ` +
      `start\` (o corra \`bash .ci/run\`, que lo instala y lo arranca) o defina COCREA_TEST_DATABASE_URL. / ` +
      `Could not reach PostgreSQL at ${where}: start it with \`pg_ctlcluster --skip-systemctl-redirect 15 main ` +
      `start\` (or run \`bash .ci/run\`, which installs and starts it) or set COCREA_TEST_DATABASE_URL. (${why})`,
    { cause },
  );
}

/** Runs `work` on a connection of its own to `url`; an unreachable server fails with `postgresUnreachable`. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw postgresUnreachable(url, error);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestSchema {
  name: string;
  /** `TEST_DATABASE_URL` with the schema as the connections' `search_path`: what a storage under test opens. */
  url: string;
  /**
   * Deletes every row of every table but `schema_migrations`, so that the next test finds the schema as a fresh
   * migration leaves it: much faster than a new schema for each test (DDL waits on the disk).
   */
  empty(): Promise<void>;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

/** `url` whose connections work in `schema`: node-postgres passes `options` on to the server at connect. */
export function urlWithSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

/** A fresh, empty schema `t_<random>` in the test database. */
export async function createTestSchema(): Promise<TestSchema> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await withClient(TEST_DATABASE_URL, (client) => client.query(`CREATE SCHEMA ${name}`));
  const url = urlWithSchema(TEST_DATABASE_URL, name);
  return {
    name,
    url,
    empty: () =>
      withClient(url, async (client) => {
        const { rows } = await client.query<{ table: string }>(
          `SELECT tablename AS table FROM pg_tables WHERE schemaname = $1 AND tablename <> 'schema_migrations'`,
          [name],
        );
        // Rows referred to by another table's rows go once those are gone: a few rounds, no list to keep up to date.
        let left = rows.map((row) => row.table);
        await client.query('BEGIN');
        while (left.length > 0) {
          const blocked: string[] = [];
          for (const table of left) {
            await client.query('SAVEPOINT emptying');
            try {
              await client.query(`DELETE FROM ${table}`);
            } catch (error) {
              if ((error as { code?: string }).code !== '23503') throw error;
              await client.query('ROLLBACK TO SAVEPOINT emptying');
              blocked.push(table);
            }
          }
          if (blocked.length === left.length) throw new Error(`cannot empty ${blocked.join(', ')}`);
          left = blocked;
        }
        await client.query('COMMIT');
      }),
    drop: async () => {
      await withClient(TEST_DATABASE_URL, (client) => client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`));
    },
  };
}

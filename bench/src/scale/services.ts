import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL and Redis the scale benchmark uses: the test services' defaults (README, "Configuración"). */
export const DATABASE_URL = process.env.COCREA_BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.COCREA_BENCH_REDIS_URL || 'redis://127.0.0.1:6379';

/** A schema of its own in the benchmark's database, as the server's tests make one per file. */
export interface BenchSchema {
  /** What one server connects with: its connections work in the schema and name themselves `applicationName`. */
  urlFor(applicationName: string): string;
  /** The backends now serving connections named `applicationName`. */
  backendPids(applicationName: string): Promise<number[]>;
  drop(): Promise<void>;
}

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `No se pudo conectar a PostgreSQL en ${DATABASE_URL} (COCREA_BENCH_DATABASE_URL): ${String(error)}. ` +
        'BENCH_ONLY=sync,timer,ui corre lo demás sin él.',
      { cause: error },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createBenchSchema(): Promise<BenchSchema> {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  await withClient((client) => client.query(`CREATE SCHEMA ${name}`));
  return {
    urlFor(applicationName) {
      const url = new URL(DATABASE_URL);
      url.searchParams.set('options', `-c search_path=${name}`);
      url.searchParams.set('application_name', applicationName);
      return url.toString();
    },
    backendPids: (applicationName) =>
      withClient(async (client) => {
        const { rows } = await client.query<{ pid: number }>(
          'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
          [applicationName],
        );
        return rows.map((row) => row.pid);
      }),
    drop: () => withClient((client) => client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`)).then(() => {}),
  };
}

/** A Redis key prefix no other run uses: instances given the same one serve the same mesas together. */
export function redisPrefix(): string {
  return `cocrea-bench:${randomBytes(6).toString('hex')}:`;
}

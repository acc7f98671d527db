import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';

/** The Redis the tests use; each test file keeps to keys under a prefix of its own (see `reachRedis`). */
export const TEST_REDIS_URL = process.env.COCREA_TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** The failure a test run gives when Redis does not answer: it says how to start it, never skips. */
export function redisUnreachable(url: string, cause: unknown): Error {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  const where = parsed.toString();
  const why = cause instanceof Error ? cause.message : String(cause);
  const start = 'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no';
  return new Error(
    `No se pudo conectar a Redis en ${where}: inícielo con \`${start}\` (o corra \`bash .ci/run\`, que lo instala ` +
      `y lo arranca) o defina COCREA_TEST_REDIS_URL. / Could not reach Redis at ${where}: start it with ` +
      `\`${start}\` (or run \`bash .ci/run\`, which installs and starts it) or set COCREA_TEST_REDIS_URL. (${why})`,
    { cause },
  );
}

/** One RESP command. */
function command(...args: string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
}

export interface TestRedis {
  url: string;
  /** A key prefix no other test file uses: `cocrea-test:<random>:`. */
  prefix: string;
}

/**
 * Checks that Redis at `url` answers PING (after AUTH when the URL has a password), with no client library: the
 * layer under test brings its own. Fails with `redisUnreachable` if it does not answer within 5 s.
 */
export function reachRedis(url = TEST_REDIS_URL): Promise<TestRedis> {
  const parsed = new URL(url);
  const auth = parsed.password
    ? command(
        'AUTH',
        ...(parsed.username ? [decodeURIComponent(parsed.username)] : []),
        decodeURIComponent(parsed.password),
      )
    : '';
  return new Promise((resolve, reject) => {
    const socket = connect({ host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'), port: Number(parsed.port || 6379) });
    let answer = '';
    const fail = (cause: unknown) => {
      socket.destroy();
      reject(redisUnreachable(url, cause));
    };
    socket.setTimeout(5_000, () => fail(new Error('no answer within 5 s')));
    socket.once('error', fail);
    socket.once('connect', () => socket.write(auth + command('PING')));
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      if (answer.startsWith('-')) return fail(new Error(answer.trim()));
      if (!answer.includes('+PONG\r\n')) return;
      socket.end();
      resolve({ url, prefix: `cocrea-test:${randomBytes(6).toString('hex')}:` });
    });
  });
}

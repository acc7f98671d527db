import { distribution } from '../percentiles';
import type { BoardServer } from './boardServer';

const WARMUP = 20;
const SAMPLES = 300;

/** The page's data requests: the board's first page, a search with filters, and a commitment's own page. */
function paths({ board }: BoardServer): string[] {
  return [
    '/api/tablero/vista',
    '/api/tablero/vista?q=datos+abiertos&theme=movilidad&page=1',
    `/api/tablero/compromisos/${board.mesaIds[0]!}`,
  ];
}

/**
 * How long the server takes to answer the board page's data, seen from a client on the same machine (so an upper
 * bound: the loopback and HTTP parsing are in it): p95 over `SAMPLES` requests taking turns over the page's three
 * kinds of request, one at a time, each a full answer (no conditional request, no cache).
 */
export async function measureServerTime(ctx: BoardServer): Promise<{ serverP95Ms: number; serverP50Ms: number }> {
  const urls = paths(ctx).map((path) => `${ctx.server.baseUrl}${path}`);
  const get = async (url: string) => {
    const res = await fetch(url, { headers: { 'cache-control': 'no-cache' } });
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    await res.arrayBuffer();
  };
  for (let i = 0; i < WARMUP; i++) await get(urls[i % urls.length]!);
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await get(urls[i % urls.length]!);
    samples.push(performance.now() - started);
  }
  const { p50Ms, p95Ms } = distribution(samples);
  return { serverP95Ms: p95Ms, serverP50Ms: p50Ms };
}

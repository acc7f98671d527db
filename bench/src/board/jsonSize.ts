import { gzipSync } from 'node:zlib';
import type { BoardServer } from './boardServer';

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

async function gzippedKb(url: string): Promise<number> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return kb(gzipSync(Buffer.from(await res.arrayBuffer())).length);
}

/**
 * The JSON's size, gzipped (zlib's default level, as a compressing proxy would send it): the board page's data (its
 * summary and first page) and, beside it, the whole board as open data.
 */
export async function measureJsonSize({
  server,
}: BoardServer): Promise<{ jsonGzipKb: number; openDataGzipKb: number }> {
  return {
    jsonGzipKb: await gzippedKb(`${server.baseUrl}/api/tablero/vista`),
    openDataGzipKb: await gzippedKb(`${server.baseUrl}/api/tablero`),
  };
}

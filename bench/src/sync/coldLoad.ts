import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStorage } from '@cocrea/server';
// Not exported by @cocrea/server: loading a room is the server's business, timing it is ours.
import { Room } from '../../../server/src/sync/Room';
import { now } from '../clock';
import { median } from '../percentiles';
import { editingSession } from './documents';

export interface ColdLoad {
  updates: number;
  beforeCompactionMs: number;
  afterCompactionMs: number;
}

/** The figure: a room whose log holds ten thousand updates. */
const UPDATES = 10_000;
/**
 * Untimed loads first: a running server has loaded rooms before, so its code is compiled, while the first loads
 * in a fresh process time the JIT (the first load of a snapshot takes about ten times the steady figure).
 */
const WARMUP_LOADS = 3;
/** An odd count, so the median is one of the runs. */
const RUNS = 9;

/**
 * Time to bring a room from SQLite into memory (`Room.load`: read the snapshot and the log tail, apply them), with
 * a long log tail and again once the tail is compacted into a snapshot. The server's own compaction keeps tails
 * under two thousand updates, so the first figure is a worst case written straight into storage.
 */
export async function measureColdLoad(): Promise<ColdLoad> {
  const dir = mkdtempSync(join(tmpdir(), 'cocrea-cold-load-'));
  const storage = new SqliteStorage(join(dir, 'cocrea.sqlite'));
  try {
    const room = 'cold-load';
    for (const update of editingSession(UPDATES)) await storage.appendUpdate(room, update);
    const beforeCompactionMs = await medianLoadMs(storage, room);
    const loaded = await Room.load(room, storage);
    await loaded.flush();
    loaded.destroy();
    if ((await storage.loadDoc(room)).updates.length > 0) throw new Error('the log tail survived compaction');
    const afterCompactionMs = await medianLoadMs(storage, room);
    return { updates: UPDATES, beforeCompactionMs, afterCompactionMs };
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function medianLoadMs(storage: SqliteStorage, room: string): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < WARMUP_LOADS + RUNS; run++) {
    const start = now();
    const loaded = await Room.load(room, storage);
    const elapsed = now() - start;
    loaded.destroy();
    if (run >= WARMUP_LOADS) times.push(elapsed);
  }
  return median(times);
}

/**
 * Run by `measureHeapPerRoom` with `--expose-gc`: stores many mesas with a finished problem tree each, loads them
 * all as the server would, and sends the heap growth per room to the parent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { SqliteStorage } from '@cocrea/server';
// Not exported by @cocrea/server: see coldLoad.ts.
import { Room } from '../../../server/src/sync/Room';
import { problemTree } from './documents';

/** Enough rooms that per-room figures drown the noise of a single heap reading. */
const ROOMS = 200;
/** A well-filled mesa; protocol.ts sizes its frame limit for trees of up to 300 nodes. */
const TREE_NODES = 200;

const expose = globalThis.gc;
if (!expose) throw new Error('run with --expose-gc');
/** One collection can leave garbage that only the next one frees; a few in a row leave a steady heap. */
const collect = () => {
  for (let i = 0; i < 4; i++) expose();
};

const dir = mkdtempSync(join(tmpdir(), 'cocrea-heap-'));
const storage = new SqliteStorage(join(dir, 'cocrea.sqlite'));
let bytesPerRoom: number;
try {
  // Stored as the server leaves a room it has unloaded: one snapshot, no log tail. (Loading the same tree from
  // its log instead ends up at the same heap, within a few percent.)
  const tree = new Y.Doc();
  for (const update of problemTree(TREE_NODES)) Y.applyUpdate(tree, update);
  const snapshot = Y.encodeStateAsUpdate(tree);
  tree.destroy();
  for (let r = 0; r < ROOMS; r++) await storage.compact(`room-${r}`, snapshot, 0);

  collect();
  const before = process.memoryUsage().heapUsed;
  const rooms: Room[] = [];
  for (let r = 0; r < ROOMS; r++) rooms.push(await Room.load(`room-${r}`, storage));
  collect();
  const after = process.memoryUsage().heapUsed;

  bytesPerRoom = Math.round((after - before) / rooms.length);
  for (const room of rooms) room.destroy();
} finally {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
}
// Cleaned up first: the parent stops this process as soon as it has the figure.
process.send!(bytesPerRoom, () => process.disconnect());

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { measureBytesPerEdit, type BytesPerEdit } from './bytesPerEdit';
import { startCocreaServer } from './cocreaServer';
import { measureColdLoad, type ColdLoad } from './coldLoad';
import { measureHeapPerRoom } from './heapPerRoom';
import { measureScenario, ROUNDS, SCENARIOS, warmUp, type LatencyEntry } from './latency';
import { LoadWorkers } from './LoadWorkers';
import { startStockServer } from './stockServer';
import { formatSyncTable } from './syncTable';
import type { SyncServer } from './SyncServer';
import { checkTargets, type Targets } from './targets';

export interface SyncResults {
  generatedAt: string;
  /** `loadAverage`: the 1-minute load average when the run began and ended; other processes skew every figure. */
  machine: { cpus: number; node: string; loadAverage: { before: number; after: number } };
  latency: LatencyEntry[];
  coldLoad: ColdLoad;
  heapPerRoomBytes: number;
  bytesPerEdit: number;
  bytesPerEditAfterCompaction: number;
  targets: Targets;
}

const resultsDir = fileURLToPath(new URL('../../results/', import.meta.url));

/**
 * One worker per core, at least two so that a room's clients always span processes, and at most four: beyond
 * that the workers only take CPU from the server they are measuring.
 */
const WORKERS = Math.min(4, Math.max(2, cpus().length));

/**
 * The sync benchmark: latency under load for Cocrea and, in the same run and on the same clients, for the stock
 * y-websocket server; then Cocrea's storage figures. Writes results/sync.json and prints a table.
 */
export async function runSyncBench(): Promise<SyncResults> {
  const loadBefore = loadavg()[0]!;
  const latency: LatencyEntry[] = [];
  const servers: SyncServer[] = [];
  let workers: LoadWorkers | undefined;
  let bytes: BytesPerEdit;
  try {
    const cocrea = await startCocreaServer();
    servers.push(cocrea);
    servers.push(await startStockServer());
    workers = await LoadWorkers.start(WORKERS);
    console.log('sync: warming up both servers…');
    await warmUp(servers, workers);
    for (const scenario of SCENARIOS) {
      console.log(
        `sync: latency, ${scenario.rooms} × ${scenario.clientsPerRoom}, ${ROUNDS} rounds, servers taking turns…`,
      );
      latency.push(...(await measureScenario(servers, workers, scenario)));
    }
    console.log('sync: bytes per edit…');
    bytes = await measureBytesPerEdit(cocrea);
  } finally {
    await workers?.stop();
    await Promise.all(servers.map((s) => s.stop()));
  }
  console.log('sync: cold load…');
  const coldLoad = await measureColdLoad();
  console.log('sync: heap per room…');
  const heapPerRoomBytes = await measureHeapPerRoom();

  const results: SyncResults = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      node: process.version,
      loadAverage: { before: round2(loadBefore), after: round2(loadavg()[0]!) },
    },
    latency,
    coldLoad,
    heapPerRoomBytes,
    bytesPerEdit: bytes.logged,
    bytesPerEditAfterCompaction: bytes.compacted,
    targets: checkTargets(latency, coldLoad),
  };
  mkdirSync(resultsDir, { recursive: true });
  // Written aside and renamed, so an interrupted run never leaves a half-written sync.json behind.
  writeFileSync(`${resultsDir}sync.json.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(`${resultsDir}sync.json.tmp`, `${resultsDir}sync.json`);
  console.log(`\n${formatSyncTable(results)}\n\nWritten to bench/results/sync.json`);
  return results;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

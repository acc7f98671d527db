import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { measureBytesPerEdit, type BytesPerEdit } from './bytesPerEdit';
import { startCocreaServer } from './cocreaServer';
import { measureColdLoad, type ColdLoad } from './coldLoad';
import { scenarioSelected } from '../options';
import { measureHeapPerRoom } from './heapPerRoom';
import { startHocuspocusServer } from './hocuspocusServer';
import { measureScenario, ROUNDS, SCENARIOS, warmUp, type LatencyEntry } from './latency';
import { LoadWorkers } from './LoadWorkers';
import {
  aaBand,
  cpuPerThousandUpdates,
  STOCK,
  STOCK_AGAIN,
  type AaBand,
  type CpuPerThousandUpdates,
} from './peerComparison';
import { startStockServer } from './stockServer';
import { formatSyncTable } from './syncTable';
import type { SyncServer } from './SyncServer';
import { checkTargets, type Targets } from './targets';

export interface SyncResults {
  generatedAt: string;
  /** `loadAverage`: the 1-minute load average when the run began and ended; other processes skew every figure. */
  machine: { cpus: number; node: string; loadAverage: { before: number; after: number } };
  /** The peers, in the order they took turns, and the versions run. */
  servers: { name: string; version: string }[];
  latency: LatencyEntry[];
  cpuPerThousandUpdates: CpuPerThousandUpdates[];
  aaBand: AaBand | null;
  coldLoad: ColdLoad;
  heapPerRoomBytes: number;
  /** Null when the measurement failed (see `bytesPerEditError`): the run never fails on a figure. */
  bytesPerEdit: number | null;
  bytesPerEditAfterCompaction: number | null;
  bytesPerEditError?: string;
  targets: Targets;
}

const resultsDir = fileURLToPath(new URL('../../results/', import.meta.url));

/**
 * One worker per core, at least two so that a room's clients always span processes, and at most four: beyond
 * that the workers only take CPU from the server they are measuring.
 */
const WORKERS = Math.min(4, Math.max(2, cpus().length));

/** The versions of the peers, from their package.json (Cocrea's is this repository's commit). */
const PEER_VERSIONS: Record<string, string> = {
  cocrea: 'this repository',
  [STOCK]: '@y/websocket-server 0.1.1',
  [STOCK_AGAIN]: '@y/websocket-server 0.1.1',
  // The last Hocuspocus whose engines allow Node 20 (4.x asks for Node ≥ 22); its peer range is yjs ^13.6.8.
  hocuspocus: '@hocuspocus/server 3.4.4 + @hocuspocus/extension-sqlite 3.4.4',
};

/**
 * The sync benchmark: latency and per-update CPU under load for Cocrea and, in the same run, taking turns on the
 * same load clients, for the stock y-websocket server, a second copy of it (the A/A band: what the harness makes
 * of two identical servers) and Hocuspocus storing to SQLite; then Cocrea's storage figures. Writes
 * results/sync.json and prints a table.
 */
export async function runSyncBench(): Promise<SyncResults> {
  const loadBefore = loadavg()[0]!;
  const latency: LatencyEntry[] = [];
  const servers: SyncServer[] = [];
  let workers: LoadWorkers | undefined;
  let bytes: BytesPerEdit | { error: string };
  try {
    const cocrea = await startCocreaServer();
    servers.push(cocrea);
    servers.push(await startStockServer(STOCK));
    servers.push(await startHocuspocusServer());
    servers.push(await startStockServer(STOCK_AGAIN));
    workers = await LoadWorkers.start(WORKERS);
    console.log(`sync: warming up ${servers.map((s) => s.name).join(', ')}…`);
    await warmUp(servers, workers);
    for (const scenario of SCENARIOS) {
      if (!scenarioSelected(scenario.rooms, scenario.clientsPerRoom)) continue;
      console.log(
        `sync: latency, ${scenario.rooms} × ${scenario.clientsPerRoom}, ${ROUNDS} rounds, servers taking turns…`,
      );
      latency.push(...(await measureScenario(servers, workers, scenario)));
    }
    console.log('sync: bytes per edit…');
    // On a loaded host the stock client has logged one update more than the edits (a resync): that loses one
    // figure, not the run's others.
    bytes = await measureBytesPerEdit(cocrea).catch((error: unknown) => ({ error: String(error) }));
  } finally {
    await workers?.stop();
    await Promise.all(servers.map((s) => s.stop()));
  }
  console.log('sync: cold load…');
  const coldLoad = await measureColdLoad();
  console.log('sync: heap per room…');
  const heapPerRoomBytes = await measureHeapPerRoom();
  const cpu = cpuPerThousandUpdates(latency);

  const results: SyncResults = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      node: process.version,
      loadAverage: { before: round2(loadBefore), after: round2(loadavg()[0]!) },
    },
    servers: servers.map((s) => ({ name: s.name, version: PEER_VERSIONS[s.name] ?? 'unknown' })),
    latency,
    cpuPerThousandUpdates: cpu,
    aaBand: aaBand(latency, cpu),
    coldLoad,
    heapPerRoomBytes,
    bytesPerEdit: 'error' in bytes ? null : bytes.logged,
    bytesPerEditAfterCompaction: 'error' in bytes ? null : bytes.compacted,
    ...('error' in bytes ? { bytesPerEditError: bytes.error } : {}),
    targets: checkTargets(latency, cpu, coldLoad, heapPerRoomBytes),
  };
  mkdirSync(resultsDir, { recursive: true });
  // The capacity part (runCapacityBench) writes its own keys into the same file: kept as its last run left them.
  const previous = existsSync(`${resultsDir}sync.json`)
    ? (JSON.parse(readFileSync(`${resultsDir}sync.json`, 'utf8')) as Record<string, unknown>)
    : {};
  const kept = Object.fromEntries(
    ['capacity', 'plenary', 'capacityRun'].flatMap((key) => (key in previous ? [[key, previous[key]]] : [])),
  );
  // Written aside and renamed, so an interrupted run never leaves a half-written sync.json behind.
  writeFileSync(`${resultsDir}sync.json.tmp`, `${JSON.stringify({ ...results, ...kept }, null, 2)}\n`);
  renameSync(`${resultsDir}sync.json.tmp`, `${resultsDir}sync.json`);
  console.log(`\n${formatSyncTable(results)}\n\nWritten to bench/results/sync.json`);
  return results;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

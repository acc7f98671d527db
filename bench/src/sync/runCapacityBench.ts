import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { presenceWindowMs } from '@cocrea/shared';
import { sleep } from '../clock';
import { stealPercent } from '../hostSteal';
import { ladder as ladderFromEnv, rounds as roundsFromEnv } from '../options';
import { distribution, median } from '../percentiles';
import { startCocreaServer } from './cocreaServer';
import { startHocuspocusServer } from './hocuspocusServer';
import { climbLadder, HELD_P99_MS, type LadderStep } from './ladder';
import { measureMs, measureRound, type Round, type Scenario } from './latency';
import { LoadWorkers } from './LoadWorkers';
import { STOCK } from './peerComparison';
import { startStockServer } from './stockServer';
import type { SyncServer } from './SyncServer';

const resultsFile = fileURLToPath(new URL('../../results/sync.json', import.meta.url));
const WORKERS = Math.min(4, Math.max(2, cpus().length));
const CLIENTS_PER_ROOM = 25;
const EDITS_PER_SECOND = 2;
const LADDER = ladderFromEnv([5, 10, 20, 30, 40, 60]);
const PLENARY: Scenario = { rooms: 1, clientsPerRoom: 250, editsPerSecond: 0.5 };
/** The web client's cursor rate in a room of 250 (`cursorIntervalMs` in client/src/features/tree/TreeCanvas.tsx). */
const CURSORS_PER_SECOND = 1000 / Math.max(50, presenceWindowMs(PLENARY.clientsPerRoom));
/** After a server's turn with cursors: time for what it still has queued to drain before the next one starts. */
const CURSOR_SETTLE_MS = 3000;

export interface CapacityEntry {
  server: string;
  clientsPerRoom: number;
  /** The most rooms whose rounds' median p99 edit→remote stayed under 50 ms with nothing lost; 0 if none. */
  maxRooms: number;
  maxClients: number;
  /** At the largest room count held: the load workers' CPU per second of window, % of one core. */
  clientCpuPercent: number | null;
  /** At the largest room count held: the server's CPU per second of its turns, % of one core. */
  serverCpuPercent: number | null;
  /** Deliveries per second of server CPU at the largest room count measured (its own ceiling, clients aside). */
  deliveriesPerCpuSecond: number | null;
  steps: { rooms: number; p99MsByRound: number[]; delivered: number; expected: number; held: boolean }[];
}

export interface PlenaryEntry {
  server: string;
  clients: number;
  /** Cursor moves a second per client (presence), or 0 for edits only. */
  cursorsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  delivered: number;
  expected: number;
  serverCpuPercent: number | null;
  clientCpuPercent: number | null;
  /** Presence bytes each client received per second of its server's turn. */
  presenceBytesPerSecondPerClient: number;
  hostStealPercent: number | null;
}

/**
 * Issue 23's capacity and plenary, for Cocrea, the stock server and Hocuspocus taking turns on the cheap load
 * clients: rooms of 25 at 2 edits/s rising until a server no longer holds them; one room of 250 at 0.5 edits/s,
 * then the same with every cursor moving. Adds `capacity` and `plenary` to results/sync.json.
 */
export async function runCapacityBench(): Promise<{ capacity: CapacityEntry[]; plenary: PlenaryEntry[] }> {
  const rounds = roundsFromEnv(3);
  const servers: SyncServer[] = [];
  let workers: LoadWorkers | undefined;
  let capacity: CapacityEntry[];
  const plenary: PlenaryEntry[] = [];
  const loadBefore = readFileSync('/proc/loadavg', 'utf8').trim();
  try {
    servers.push(await startCocreaServer(), await startStockServer(STOCK), await startHocuspocusServer());
    workers = await LoadWorkers.start(WORKERS);
    console.log('capacity: warming up…');
    await measureRound(servers, workers, {
      rooms: 5,
      clientsPerRoom: CLIENTS_PER_ROOM,
      editsPerSecond: EDITS_PER_SECOND,
    });
    const steps = await climbLadder(
      servers,
      workers,
      { clientsPerRoom: CLIENTS_PER_ROOM, editsPerSecond: EDITS_PER_SECOND },
      LADDER,
      rounds,
      (rooms, names) => console.log(`capacity: ${rooms} rooms of ${CLIENTS_PER_ROOM}, ${names.join(', ')}…`),
    );
    capacity = servers.map((server, index) =>
      capacityEntry(
        server,
        steps.filter((s) => s.index === index),
      ),
    );

    console.log(`plenary: 1 × ${PLENARY.clientsPerRoom} at ${PLENARY.editsPerSecond} edits/s, servers taking turns…`);
    const byRound: Round[][] = [];
    for (let r = 0; r < rounds; r++) byRound.push(await measureRound(servers, workers, PLENARY));
    servers.forEach((server, s) =>
      plenary.push(
        plenaryEntry(
          server,
          PLENARY,
          servers.length,
          byRound.map((round) => round[s]!),
        ),
      ),
    );
    // With cursors, a server that falls behind sends its backlog into whoever's turn comes next: one at a time.
    const withCursors = { ...PLENARY, cursorsPerSecond: CURSORS_PER_SECOND };
    for (const server of servers) {
      console.log(`plenary: with ${CURSORS_PER_SECOND} cursor moves/s per client, ${server.name} alone…`);
      const alone: Round[] = [];
      for (let r = 0; r < rounds; r++) alone.push((await measureRound([server], workers, withCursors))[0]!);
      plenary.push(plenaryEntry(server, withCursors, 1, alone));
      await sleep(CURSOR_SETTLE_MS);
    }
  } finally {
    await workers?.stop();
    await Promise.all(servers.map((s) => s.stop()));
  }
  const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as object) : {};
  const results = {
    ...previous,
    capacity,
    plenary,
    // The latency part's figures stay as its last run left them: this part has its own time and load.
    capacityRun: {
      generatedAt: new Date().toISOString(),
      loadavg: { before: loadBefore, after: readFileSync('/proc/loadavg', 'utf8').trim() },
    },
  };
  mkdirSync(dirname(resultsFile), { recursive: true });
  writeFileSync(`${resultsFile}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(`${resultsFile}.tmp`, resultsFile);
  console.log(`\n${formatCapacity(capacity, plenary)}\n\nAdded to bench/results/sync.json`);
  return { capacity, plenary };
}

function capacityEntry(server: SyncServer, steps: LadderStep[]): CapacityEntry {
  const held = steps.filter((s) => s.held);
  const top = held.at(-1);
  const last = steps.at(-1);
  const windowMs = (step: LadderStep) => measureMs(step.scenario);
  const percent = (ms: readonly (number | null)[], per: number) =>
    ms.some((v) => v === null) ? null : Math.round((median(ms as number[]) / per) * 100);
  return {
    server: server.name,
    clientsPerRoom: CLIENTS_PER_ROOM,
    maxRooms: top?.scenario.rooms ?? 0,
    maxClients: (top?.scenario.rooms ?? 0) * CLIENTS_PER_ROOM,
    clientCpuPercent: top
      ? percent(
          top.rounds.map((r) => r.clientCpuMs),
          windowMs(top) * top.turns,
        )
      : null,
    serverCpuPercent: top
      ? percent(
          top.rounds.map((r) => r.serverCpuMs),
          windowMs(top),
        )
      : null,
    deliveriesPerCpuSecond: last
      ? (() => {
          const rates = last.rounds.flatMap((r) =>
            r.serverCpuMs === null || r.serverCpuMs === 0 ? [] : [(r.latenciesMs.length / r.serverCpuMs) * 1000],
          );
          return rates.length === 0 ? null : Math.round(median(rates));
        })()
      : null,
    steps: steps.map((s) => ({
      rooms: s.scenario.rooms,
      p99MsByRound: s.p99MsByRound,
      delivered: s.delivered,
      expected: s.expected,
      held: s.held,
    })),
  };
}

function plenaryEntry(server: SyncServer, at: Scenario, turns: number, rounds: Round[]): PlenaryEntry {
  const { p50Ms, p99Ms } = distribution(rounds.flatMap((r) => r.latenciesMs));
  const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);
  const turnMs = measureMs(at) * rounds.length;
  const cpu = rounds.map((r) => r.serverCpuMs);
  const client = rounds.map((r) => r.clientCpuMs);
  return {
    server: server.name,
    clients: at.clientsPerRoom,
    cursorsPerSecond: at.cursorsPerSecond ?? 0,
    p50Ms,
    p99Ms,
    delivered: sum(rounds.map((r) => r.latenciesMs.length)),
    expected: sum(rounds.map((r) => r.measuredEdits)) * (at.clientsPerRoom - 1),
    serverCpuPercent: cpu.some((v) => v === null) ? null : Math.round((sum(cpu as number[]) / turnMs) * 100),
    clientCpuPercent: client.some((v) => v === null)
      ? null
      : Math.round((sum(client as number[]) / (turnMs * turns)) * 100),
    presenceBytesPerSecondPerClient: Math.round(
      sum(rounds.map((r) => r.presenceBytes)) / at.clientsPerRoom / (turnMs / 1000),
    ),
    hostStealPercent: stealPercent(rounds.map((r) => r.machineCpu)),
  };
}

function formatCapacity(capacity: CapacityEntry[], plenary: PlenaryEntry[]): string {
  return [
    `Capacity: rooms of ${CLIENTS_PER_ROOM} at ${EDITS_PER_SECOND} edits/s, held while the median round p99 < ${HELD_P99_MS} ms and nothing is lost`,
    ...capacity.map(
      (c) =>
        `  ${c.server.padEnd(20)} max ${c.maxRooms} rooms (${c.maxClients} clients)  server CPU ${c.serverCpuPercent ?? '–'}%  ` +
        `client CPU ${c.clientCpuPercent ?? '–'}%  deliveries per CPU second ${c.deliveriesPerCpuSecond ?? '–'}  ` +
        `steps: ${c.steps.map((s) => `${s.rooms}:${median(s.p99MsByRound).toFixed(0)}ms${s.held ? '' : '✗'}`).join(' ')}`,
    ),
    '',
    `Plenary: 1 × ${PLENARY.clientsPerRoom} at ${PLENARY.editsPerSecond} edits/s`,
    ...plenary.map(
      (p) =>
        `  ${p.server.padEnd(20)} cursors ${String(p.cursorsPerSecond).padStart(2)}/s  p50 ${p.p50Ms.toFixed(1)}  p99 ${p.p99Ms.toFixed(1)} ms  ` +
        `${p.delivered}/${p.expected}  server CPU ${p.serverCpuPercent ?? '–'}%  client CPU ${p.clientCpuPercent ?? '–'}%  ` +
        `presence ${(p.presenceBytesPerSecondPerClient / 1024).toFixed(1)} KiB/s per client`,
    ),
  ].join('\n');
}

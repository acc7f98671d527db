import { now, sleep } from '../clock';
import { distribution, roundMs, type Distribution } from '../percentiles';
import { processCpuMs } from '../processCpu';
import type { ClientSpec } from './loadProtocol';
import type { LoadWorkers } from './LoadWorkers';
import type { ServerName, SyncServer } from './SyncServer';

export interface Scenario {
  rooms: number;
  clientsPerRoom: number;
  editsPerSecond: number;
}

export interface LatencyEntry extends Scenario, Distribution {
  server: ServerName;
  /** Remote deliveries observed of the edits due in the measuring window. */
  delivered: number;
  /** Edits due in the measuring window × (clientsPerRoom − 1). */
  expected: number;
  /** The server process's CPU use over the measuring window, in % of one core (null off Linux). */
  serverCpuPercent: number | null;
  /**
   * The worst load worker's 99th-percentile event-loop delay over the window. Each latency includes its reader's
   * wait for its event loop, so when this nears the latency figures the load generator is the bottleneck.
   */
  clientLagP99Ms: number;
}

/** Rooms from a pair of people to a full plenary, then many mesas at once, each member editing twice a second. */
export const SCENARIOS: readonly Scenario[] = [
  { rooms: 1, clientsPerRoom: 2, editsPerSecond: 2 },
  { rooms: 1, clientsPerRoom: 10, editsPerSecond: 2 },
  { rooms: 1, clientsPerRoom: 25, editsPerSecond: 2 },
  { rooms: 1, clientsPerRoom: 50, editsPerSecond: 2 },
  { rooms: 100, clientsPerRoom: 10, editsPerSecond: 2 },
];

/**
 * Warm-up: long enough for the burst of joins (every client's sync and awareness, fanned out to the room) to pass,
 * for the JIT to settle, and for the previous scenario's rooms to unload.
 */
const WARMUP_MS = 3000;
/** The measuring window: at 25 clients, 500 edits and 12,000 deliveries, so p99 rests on over a hundred samples. */
const MEASURE_MS = 10_000;
/** After the last edit: time for frames still in flight to land. One that takes longer counts as not delivered. */
const DRAIN_MS = 2000;
/** Lets every worker receive the plan before the first edit is due. */
const START_LEAD_MS = 200;

/** Runs one scenario against one server: connect, warm up, measure, drain, disconnect. */
export async function measureLatency(
  server: SyncServer,
  workers: LoadWorkers,
  scenario: Scenario,
): Promise<LatencyEntry> {
  const rooms = await server.openRooms(scenario.rooms);
  const clients: ClientSpec[] = rooms.flatMap((room, r) =>
    Array.from({ length: scenario.clientsPerRoom }, (_, c) => ({ ...room, id: r * scenario.clientsPerRoom + c })),
  );
  try {
    await workers.connect(clients);
    const startAt = now() + START_LEAD_MS;
    const measureFrom = startAt + WARMUP_MS;
    const stopAt = measureFrom + MEASURE_MS;
    await workers.edit({ editsPerSecond: scenario.editsPerSecond, startAt, measureFrom, stopAt });
    await sleep(measureFrom - now());
    const cpuFrom = processCpuMs(server.pid);
    await sleep(stopAt - now());
    const cpuTo = processCpuMs(server.pid);
    await sleep(stopAt + DRAIN_MS - now());
    const { measuredEdits, latenciesMs, lagP99Ms } = await workers.report();
    return {
      server: server.name,
      ...scenario,
      ...distribution(latenciesMs),
      delivered: latenciesMs.length,
      expected: measuredEdits * (scenario.clientsPerRoom - 1),
      serverCpuPercent: cpuFrom === null || cpuTo === null ? null : Math.round(((cpuTo - cpuFrom) / MEASURE_MS) * 100),
      clientLagP99Ms: roundMs(lagP99Ms),
    };
  } finally {
    await workers.disconnect();
  }
}

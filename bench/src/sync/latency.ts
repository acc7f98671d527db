import { now, sleep } from '../clock';
import { distribution, median, roundMs, type Distribution } from '../percentiles';
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
  /** Remote deliveries observed of the edits due in the measuring windows. */
  delivered: number;
  /** Edits due in the measuring windows × (clientsPerRoom − 1). */
  expected: number;
  /** Each round's p99 on its own: the spread says how far to trust one run's figure. */
  p99MsByRound: number[];
  /** The server process's CPU use over the measuring windows, in % of one core (null off Linux). */
  serverCpuPercent: number | null;
  /**
   * The worst load worker's 99th-percentile event-loop delay, the median over rounds. Each latency includes its
   * reader's wait for its event loop, so when this nears the latency figures the load generator is the bottleneck.
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
 * Rounds per scenario and server, the servers taking turns and swapping who goes first each round; the samples of
 * a server's rounds are pooled. On a shared machine load comes and goes over seconds: one long window per server
 * hands whichever server ran during a busy spell a worse tail, and a p99 from it swung by 2× between runs. More,
 * shorter turns spread each server's measuring time over the same spells: at 100 × 10 one round's p99 ranged from
 * 5 to 19 ms for either server within one run.
 */
export const ROUNDS = 5;
/** Each round's measuring window: at 25 clients, five rounds make 18,000 deliveries… */
const MEASURE_MS = 3000;
/**
 * …and a small room's window is longer, to this many deliveries a round (210 in all). A pair makes 4 a second: in
 * 5 s windows its p99 was the single slowest of 60 deliveries, and flipped the comparison run to run.
 */
const MIN_DELIVERIES_PER_ROUND = 42;

function measureMs({ rooms, clientsPerRoom, editsPerSecond }: Scenario): number {
  const deliveriesPerSecond = rooms * clientsPerRoom * editsPerSecond * (clientsPerRoom - 1);
  return Math.max(MEASURE_MS, Math.ceil((MIN_DELIVERIES_PER_ROUND / deliveriesPerSecond) * 1000));
}
/**
 * Warm-up before each window: long enough for the burst of joins (every client's sync and awareness, fanned out to
 * the room) to pass and the previous round's rooms to unload; a plenary of joins takes longer than a pair.
 */
function warmupMs({ rooms, clientsPerRoom }: Scenario): number {
  return Math.min(3000, 1000 + 2 * rooms * clientsPerRoom);
}
/** After the last edit: time for frames still in flight to land. One that takes longer counts as not delivered. */
const DRAIN_MS = 1000;
/** Lets every worker receive the plan before the first edit is due. */
const START_LEAD_MS = 200;

/** Runs one scenario on every server, in interleaved rounds; one entry per server. */
export async function measureScenario(
  servers: readonly SyncServer[],
  workers: LoadWorkers,
  scenario: Scenario,
): Promise<LatencyEntry[]> {
  const rounds = new Map<SyncServer, Round[]>(servers.map((s) => [s, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const server of round % 2 === 0 ? servers : [...servers].reverse()) {
      rounds.get(server)!.push(await measureRound(server, workers, scenario));
    }
  }
  return servers.map((server) => pool(server.name, scenario, rounds.get(server)!));
}

/** The largest scenario, before anything is measured: every server's heap grows to the run's working set. */
const WARM_UP: Scenario = { rooms: 100, clientsPerRoom: 10, editsPerSecond: 2 };
/**
 * After the warm-up, time for its rooms to unload and for the servers to collect what they leave behind: after a
 * warm-up of 10 × 10, Cocrea ran three major GCs of 6–17 ms during the pair's first round.
 */
const SETTLE_MS = 5000;

/**
 * One unmeasured round on each server and on the load workers, so that the first scenario measures them warm, as
 * every later one does. Fresh processes run their code unoptimised and grow their heaps: the first round of the
 * first scenario had a p99 about 3 and 5 times its later rounds' (on the two servers), and the first round at
 * 100 × 10 up to 47 ms against 5–13 ms for the others.
 */
export async function warmUp(servers: readonly SyncServer[], workers: LoadWorkers): Promise<void> {
  for (const server of servers) await measureRound(server, workers, WARM_UP);
  await sleep(SETTLE_MS);
}

interface Round {
  latenciesMs: number[];
  measuredEdits: number;
  serverCpuMs: number | null;
  lagP99Ms: number;
}

/** One window on one server: connect, warm up, measure, drain, disconnect. */
async function measureRound(server: SyncServer, workers: LoadWorkers, scenario: Scenario): Promise<Round> {
  const rooms = await server.openRooms(scenario.rooms);
  const clients: ClientSpec[] = rooms.flatMap((room, r) =>
    Array.from({ length: scenario.clientsPerRoom }, (_, c) => ({ ...room, id: r * scenario.clientsPerRoom + c })),
  );
  try {
    await workers.connect(clients);
    const startAt = now() + START_LEAD_MS;
    const measureFrom = startAt + warmupMs(scenario);
    const stopAt = measureFrom + measureMs(scenario);
    await workers.edit({ editsPerSecond: scenario.editsPerSecond, startAt, measureFrom, stopAt });
    await sleep(measureFrom - now());
    const cpuFrom = processCpuMs(server.pid);
    await sleep(stopAt - now());
    const cpuTo = processCpuMs(server.pid);
    await sleep(stopAt + DRAIN_MS - now());
    const { measuredEdits, latenciesMs, lagP99Ms } = await workers.report();
    return {
      latenciesMs,
      measuredEdits,
      serverCpuMs: cpuFrom === null || cpuTo === null ? null : cpuTo - cpuFrom,
      lagP99Ms,
    };
  } finally {
    await workers.disconnect();
  }
}

function pool(server: ServerName, scenario: Scenario, rounds: readonly Round[]): LatencyEntry {
  const cpuMs = rounds.flatMap((r) => (r.serverCpuMs === null ? [] : [r.serverCpuMs]));
  const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);
  return {
    server,
    ...scenario,
    ...distribution(rounds.flatMap((r) => r.latenciesMs)),
    delivered: sum(rounds.map((r) => r.latenciesMs.length)),
    expected: sum(rounds.map((r) => r.measuredEdits)) * (scenario.clientsPerRoom - 1),
    p99MsByRound: rounds.map((r) => distribution(r.latenciesMs).p99Ms),
    serverCpuPercent:
      cpuMs.length < rounds.length ? null : Math.round((sum(cpuMs) / (rounds.length * measureMs(scenario))) * 100),
    clientLagP99Ms: roundMs(median(rounds.map((r) => r.lagP99Ms))),
  };
}

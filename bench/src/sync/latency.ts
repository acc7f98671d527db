import { now, sleep } from '../clock';
import { machineCpuTicks, stealPercent, type CpuTicks } from '../hostSteal';
import { rounds as roundsFromEnv } from '../options';
import { distribution, median, roundMs, type Distribution } from '../percentiles';
import { processCpuMs, processesNamed } from '../processCpu';
import type { ClientSpec } from './loadProtocol';
import type { LoadWorkers } from './LoadWorkers';
import type { ServerName, SyncServer } from './SyncServer';

export interface Scenario {
  rooms: number;
  clientsPerRoom: number;
  editsPerSecond: number;
  /** Cursor moves a second per client, as presence; none when absent. */
  cursorsPerSecond?: number;
}

export interface LatencyEntry extends Scenario, Distribution {
  server: ServerName;
  /** Remote deliveries observed of the edits due in the measuring windows. */
  delivered: number;
  /** Edits due in the measuring windows × (clientsPerRoom − 1). */
  expected: number;
  /** Each round's p99 on its own: the spread says how far to trust one run's figure. */
  p99MsByRound: number[];
  /** The server process's CPU time in the measuring windows per second of its turns, in % of one core (null off Linux). */
  serverCpuPercent: number | null;
  /**
   * Each round's server CPU time (every process of the server, user + system) per 1,000 deliveries it made in
   * that round's window, in ms (null off Linux): what one delivered update costs the server.
   */
  cpuMsPerThousandByRound: (number | null)[];
  /**
   * The load workers' CPU time in the measuring windows per second of window, in % of one core (null off Linux):
   * every server's clients together, since they take turns in the same processes. Near the machine's cores, the
   * clients and not the servers set the latencies.
   */
  clientCpuPercent: number | null;
  /**
   * The worst load worker's 99th-percentile event-loop delay, the median over rounds. Each latency includes its
   * reader's wait for its event loop, so when this nears the latency figures the load generator is the bottleneck.
   */
  clientLagP99Ms: number;
  /**
   * CPU time the hypervisor gave to other guests in the measuring windows, in % of this machine's (null off Linux):
   * the same for both servers, which take turns in the windows. Above a few %, the tails measure the neighbours.
   */
  hostStealPercent: number | null;
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
 * The servers are measured in the same rounds, on the same worker processes, taking turns in slices of half a
 * second: each server's clients edit in its slices and are idle in the others'. On a shared machine load comes and
 * goes over seconds; when each server had whole rounds of its own, a busy spell handed one of them a worse tail, and
 * a scenario's p99 ratio swung from 0.7 to 2 between runs. Slices this short put both servers through every spell.
 * A client edits once per slice of its server (twice a second), so each server sees the scenario's full rate while
 * it is on.
 */
const SLICE_MS = 500;
/**
 * Rounds per scenario, each on new rooms with newly joined clients; a round's p99 is kept beside the pooled one,
 * and each round is one alternated run of every server for the per-update CPU. Three, the fewest that give a
 * median and a spread, since four servers take turns (`BENCH_ROUNDS` changes it).
 */
export const ROUNDS = roundsFromEnv(3);
/** Each round's measuring time per server: at 25 clients, three rounds make 10,800 deliveries per server… */
const MEASURE_MS = 3000;
/**
 * …and a small room's is longer, to this many deliveries a round (126 in all). A pair makes 4 a second: in 5 s
 * windows its p99 was the single slowest of 60 deliveries, and flipped the comparison run to run.
 */
const MIN_DELIVERIES_PER_ROUND = 42;

/** Time each server is on in one round, a whole number of slices. */
export function measureMs({ rooms, clientsPerRoom, editsPerSecond }: Scenario): number {
  const deliveriesPerSecond = rooms * clientsPerRoom * editsPerSecond * (clientsPerRoom - 1);
  const ms = Math.max(MEASURE_MS, Math.ceil((MIN_DELIVERIES_PER_ROUND / deliveriesPerSecond) * 1000));
  return Math.ceil(ms / SLICE_MS) * SLICE_MS;
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

/** Runs one scenario on every server at once, taking turns in slices; one entry per server. */
export async function measureScenario(
  servers: readonly SyncServer[],
  workers: LoadWorkers,
  scenario: Scenario,
): Promise<LatencyEntry[]> {
  const rounds: Round[][] = [];
  for (let round = 0; round < ROUNDS; round++) rounds.push(await measureRound(servers, workers, scenario));
  return servers.map((server, s) =>
    pool(
      server.name,
      scenario,
      servers.length,
      rounds.map((r) => r[s]!),
    ),
  );
}

/** The largest scenario, before anything is measured: every server's heap grows to the run's working set. */
const WARM_UP: Scenario = { rooms: 100, clientsPerRoom: 10, editsPerSecond: 2 };
/**
 * After the warm-up, time for its rooms to unload and for the servers to collect what they leave behind: after a
 * warm-up of 10 × 10, Cocrea ran three major GCs of 6–17 ms during the pair's first round.
 */
const SETTLE_MS = 5000;

/**
 * One unmeasured round on the servers and the load workers, so that the first scenario measures them warm, as
 * every later one does. Fresh processes run their code unoptimised and grow their heaps: the first round of the
 * first scenario had a p99 about 3 and 5 times its later rounds' (on the two servers), and the first round at
 * 100 × 10 up to 47 ms against 5–13 ms for the others.
 */
export async function warmUp(servers: readonly SyncServer[], workers: LoadWorkers): Promise<void> {
  await measureRound(servers, workers, WARM_UP);
  await sleep(SETTLE_MS);
}

export interface Round {
  latenciesMs: number[];
  /** The deliveries among `latenciesMs` that crossed from one instance to another. */
  crossingLatenciesMs: number[];
  /** Bytes of presence frames the server's clients received in the window. */
  presenceBytes: number;
  measuredEdits: number;
  /** CPU time of the server's processes in the window, summed (null off Linux). */
  serverCpuMs: number | null;
  /** The same, process by process. */
  serverCpuMsByProcess: (number | null)[];
  /** CPU time of the server's PostgreSQL backends in the window (null when it has none, or off Linux). */
  databaseCpuMs: number | null;
  /** CPU time of every load worker in the window, summed: shared by every server's clients. */
  clientCpuMs: number | null;
  lagP99Ms: number;
  machineCpu: { from: CpuTicks | null; to: CpuTicks | null };
}

/** CPU time so far of each process in `pids`. */
function cpuOf(pids: readonly (number | undefined)[]): (number | null)[] {
  return pids.map((pid) => processCpuMs(pid));
}

/** Spent CPU between two readings of the same processes, process by process; null where either is missing. */
function spent(from: readonly (number | null)[], to: readonly (number | null)[]): (number | null)[] {
  return from.map((f, i) => {
    const t = to[i] ?? null;
    return f === null || t === null ? null : t - f;
  });
}

/** The sum of a list of CPU times, or null if any is missing. */
function total(values: readonly (number | null)[]): number | null {
  return values.some((v) => v === null) ? null : values.reduce<number>((sum, v) => sum + v!, 0);
}

/**
 * One window, every server's rooms at once: connect, warm up, measure in turns, drain, disconnect. A room with
 * `serverUrls` has its clients dealt over those instances in turn.
 */
export async function measureRound(
  servers: readonly SyncServer[],
  workers: LoadWorkers,
  scenario: Scenario,
): Promise<Round[]> {
  const clients: ClientSpec[] = [];
  for (const [group, server] of servers.entries()) {
    const rooms = await server.openRooms(scenario.rooms);
    for (const room of rooms) {
      const urls = room.serverUrls ?? [room.serverUrl];
      for (let c = 0; c < scenario.clientsPerRoom; c++) {
        const instance = c % urls.length;
        clients.push({ ...room, serverUrl: urls[instance]!, instance, id: clients.length, group });
      }
    }
  }
  try {
    await workers.connect(clients);
    const startAt = now() + START_LEAD_MS;
    // Starts at a turn of the first server, so that every server is on for as long in the measuring window.
    const turn = SLICE_MS * servers.length;
    const measureFrom = startAt + Math.ceil(warmupMs(scenario) / turn) * turn;
    const stopAt = measureFrom + measureMs(scenario) * servers.length;
    await workers.edit({
      editsPerSecond: scenario.editsPerSecond,
      startAt,
      measureFrom,
      stopAt,
      sliceMs: SLICE_MS,
      groups: servers.length,
      ...(scenario.cursorsPerSecond === undefined ? {} : { cursorsPerSecond: scenario.cursorsPerSecond }),
    });
    await sleep(measureFrom - now());
    const cpuFrom = servers.map((s) => cpuOf(s.pids));
    const clientFrom = cpuOf(workers.pids);
    const databaseFrom = processesNamed('postgres');
    const machineFrom = machineCpuTicks();
    await sleep(stopAt - now());
    const cpuTo = servers.map((s) => cpuOf(s.pids));
    const databaseTo = processesNamed('postgres');
    const clientCpuMs = total(spent(clientFrom, cpuOf(workers.pids)));
    const machineCpu = { from: machineFrom, to: machineCpuTicks() };
    await sleep(stopAt + DRAIN_MS - now());
    const { groups, lagP99Ms } = await workers.report();
    // A backend that started inside the window counts from zero: its start-up is part of the load.
    const databaseCpuMs = await Promise.all(
      servers.map(async (server) => {
        if (!server.databasePids || databaseTo.size === 0) return null;
        const pids = await server.databasePids();
        return pids.reduce((sum, pid) => {
          const to = databaseTo.get(pid);
          return to === undefined ? sum : sum + to - (databaseFrom.get(pid) ?? 0);
        }, 0);
      }),
    );
    return servers.map((_, s) => {
      const byProcess = spent(cpuFrom[s]!, cpuTo[s]!);
      return {
        databaseCpuMs: databaseCpuMs[s] ?? null,
        latenciesMs: groups[s]?.latenciesMs ?? [],
        crossingLatenciesMs: groups[s]?.crossingLatenciesMs ?? [],
        presenceBytes: groups[s]?.presenceBytes ?? 0,
        measuredEdits: groups[s]?.measuredEdits ?? 0,
        serverCpuMs: total(byProcess),
        serverCpuMsByProcess: byProcess,
        clientCpuMs,
        lagP99Ms,
        machineCpu,
      };
    });
  } finally {
    await workers.disconnect();
  }
}

/** CPU time per 1,000 deliveries, in ms to a tenth; null without a CPU reading or a delivery. */
export function perThousand(cpuMs: number | null, delivered: number): number | null {
  return cpuMs === null || delivered === 0 ? null : Math.round((cpuMs / delivered) * 10_000) / 10;
}

/** `servers`: how many took turns in the rounds, so each had 1/servers of every window. */
export function pool(server: ServerName, scenario: Scenario, servers: number, rounds: readonly Round[]): LatencyEntry {
  const cpuMs = rounds.flatMap((r) => (r.serverCpuMs === null ? [] : [r.serverCpuMs]));
  const clientMs = rounds.flatMap((r) => (r.clientCpuMs === null ? [] : [r.clientCpuMs]));
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
    cpuMsPerThousandByRound: rounds.map((r) => perThousand(r.serverCpuMs, r.latenciesMs.length)),
    clientCpuPercent:
      clientMs.length < rounds.length
        ? null
        : Math.round((sum(clientMs) / (rounds.length * measureMs(scenario) * servers)) * 100),
    clientLagP99Ms: roundMs(median(rounds.map((r) => r.lagP99Ms))),
    hostStealPercent: stealPercent(rounds.map((r) => r.machineCpu)),
  };
}

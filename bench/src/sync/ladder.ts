import { distribution, median } from '../percentiles';
import { measureRound, type Round, type Scenario } from './latency';
import type { LoadWorkers } from './LoadWorkers';
import type { SyncServer } from './SyncServer';

/** A room count is held while the median of its rounds' p99 stays under this and every delivery arrives. */
export const HELD_P99_MS = 50;

export interface LadderStep {
  server: SyncServer;
  /** Index of the server in the list given to `climbLadder`. */
  index: number;
  scenario: Scenario;
  /** How many servers took turns in this step's rounds. */
  turns: number;
  rounds: Round[];
  p99MsByRound: number[];
  medianP99Ms: number;
  delivered: number;
  expected: number;
  held: boolean;
}

/**
 * Rooms of `clientsPerRoom` at `editsPerSecond`, rising through `ladder`, every server still holding taking turns
 * in the same rounds; a server that does not hold a step leaves the ladder, which ends when none is left.
 */
export async function climbLadder(
  servers: readonly SyncServer[],
  workers: LoadWorkers,
  shape: { clientsPerRoom: number; editsPerSecond: number },
  ladder: readonly number[],
  rounds: number,
  onStep: (rooms: number, names: string[]) => void,
): Promise<LadderStep[]> {
  const steps: LadderStep[] = [];
  let climbing = servers.map((server, index) => ({ server, index }));
  for (const rooms of ladder) {
    if (climbing.length === 0) break;
    onStep(
      rooms,
      climbing.map((c) => c.server.name),
    );
    const scenario: Scenario = { rooms, ...shape };
    const all: Round[][] = [];
    for (let r = 0; r < rounds; r++) {
      all.push(
        await measureRound(
          climbing.map((c) => c.server),
          workers,
          scenario,
        ),
      );
    }
    const stepRounds = climbing.map((c, s) => ({ ...c, rounds: all.map((round) => round[s]!) }));
    for (const { server, index, rounds: serverRounds } of stepRounds) {
      const p99MsByRound = serverRounds.map((r) => distribution(r.latenciesMs).p99Ms);
      const medianP99Ms = median(p99MsByRound);
      const delivered = serverRounds.reduce((sum, r) => sum + r.latenciesMs.length, 0);
      const expected = serverRounds.reduce((sum, r) => sum + r.measuredEdits, 0) * (shape.clientsPerRoom - 1);
      const held = medianP99Ms < HELD_P99_MS && delivered >= expected;
      steps.push({
        server,
        index,
        scenario,
        turns: stepRounds.length,
        rounds: serverRounds,
        p99MsByRound,
        medianP99Ms,
        delivered,
        expected,
        held,
      });
    }
    climbing = climbing.filter((c) => steps.some((s) => s.index === c.index && s.scenario === scenario && s.held));
  }
  return steps;
}

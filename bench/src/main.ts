/**
 * `npm run bench`: runs every benchmark in turn, or those `BENCH_ONLY` names (see options.ts). Each writes its own
 * results/<name>.json and prints its own table; new benchmarks join the list.
 */
import { runBoardBench } from './board/runBoardBench';
import { killChildren } from './childProcesses';
import { runPlanBench } from './plan/runPlanBench';
import { selectedBenchmarks, type BenchmarkName } from './options';
import { runScaleBench } from './scale/runScaleBench';
import { runCapacityBench } from './sync/runCapacityBench';
import { runSyncBench } from './sync/runSyncBench';
import { runTimerBench } from './timer/runTimerBench';
import { runUiBench } from './ui';

const benchmarks: Record<BenchmarkName, () => Promise<unknown>> = {
  sync: runSyncBench,
  capacity: runCapacityBench,
  scale: runScaleBench,
  timer: runTimerBench,
  ui: runUiBench,
  plan: runPlanBench,
  board: runBoardBench,
};

try {
  for (const name of selectedBenchmarks()) await benchmarks[name]();
} finally {
  killChildren();
}

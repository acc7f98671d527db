/**
 * `npm run bench`: runs every benchmark in turn. Each writes its own results/<name>.json and prints its own table;
 * new benchmarks join the list.
 */
import { killChildren } from './childProcesses';
import { runPlanBench } from './plan/runPlanBench';
import { runSyncBench } from './sync/runSyncBench';
import { runTimerBench } from './timer/runTimerBench';
import { runUiBench } from './ui';

const benchmarks: (() => Promise<unknown>)[] = [runSyncBench, runTimerBench, runUiBench, runPlanBench];

try {
  for (const run of benchmarks) await run();
} finally {
  killChildren();
}

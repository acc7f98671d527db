/**
 * The UI benchmark on its own: `npx tsx src/ui/run.ts` from bench/. `npm run bench` runs it after the sync one.
 */
import { killChildren } from '../childProcesses';
import { runUiBench } from './uiBench';

try {
  await runUiBench();
} finally {
  killChildren();
}

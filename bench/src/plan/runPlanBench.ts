import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SECTORS, formTables, isSectorBalanced, type Seatable } from '@cocrea/shared';
import { distribution } from '../percentiles';
import { seededRandom } from '@cocrea/shared/testing/seededRandom';
import { PLENARY_TARGET_MS, measurePlenaryUpdate, type PlenaryUpdateResults } from './plenaryUpdate';

/** The bound: "Formar mesas" for 500 registrants within a tenth of a second. */
const TARGET_MS = 100;
const REGISTRANTS = 500;
const RUNS = 50;
const SEED = 20_261_207;

const resultsDir = fileURLToPath(new URL('../../results/', import.meta.url));

export interface PlanResults {
  generatedAt: string;
  registrants: number;
  tableSize: { minSize: number; maxSize: number };
  runs: number;
  /** The 95th percentile of the runs (after the checked first run, which warms up): what the STL waits. */
  formTables500Ms: number;
  formTables500MedianMs: number;
  targetMs: number;
  /** Both bounds: forming the tables, and the plenary's update. */
  met: boolean;
  seed: number;
  /** The plenary view of 20 tables × 10 people: its scenario, and the time from a change in one table to the stream. */
  plenary: PlenaryUpdateResults;
  /** The 95th percentile of `plenary`'s changes: from an edit in one table to its arrival in the plenary stream. */
  plenaryUpdateP95Ms: number;
  plenaryUpdateMedianMs: number;
  plenaryTargetMs: number;
}

/**
 * `formTables` for 500 registrants of unequal sectors and ~60 organisations, tables of 5 to 10: the time of the
 * pure function the server runs on "Formar mesas" (its storage writes are the contract suite's concern). Then the
 * plenary view of 20 tables × 10 people (`plenaryUpdate.ts`). Writes results/plan.json.
 */
export async function runPlanBench(): Promise<PlanResults> {
  const random = seededRandom(SEED);
  const sectors = Object.keys(SECTORS);
  // Unequal sectors, as real plenaries are: public servants most, committees fewest.
  const weights = [0.4, 0.15, 0.25, 0.08, 0.07, 0.05];
  const registrants: Seatable[] = Array.from({ length: REGISTRANTS }, (_, i) => {
    let r = random();
    let s = 0;
    while (s < weights.length - 1 && r >= weights[s]!) r -= weights[s++]!;
    return {
      id: `r${i}-${Math.floor(random() * 1e9)}`,
      sector: sectors[s]!,
      organization: `org${Math.floor(random() * 60)}`,
    };
  });
  const tableSize = { minSize: 5, maxSize: 10 };
  console.log(`plan: formTables for ${REGISTRANTS} registrants, ${RUNS} runs…`);
  const sectorOf = new Map(registrants.map((r) => [r.id, r.sector]));
  const check = formTables(registrants, tableSize);
  if (!isSectorBalanced(check, (id) => sectorOf.get(id))) throw new Error('formTables broke the sector bound');
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    formTables(registrants, tableSize);
    samples.push(performance.now() - started);
  }
  const { p50Ms, p95Ms } = distribution(samples);
  const plenary = await measurePlenaryUpdate();
  const results: PlanResults = {
    generatedAt: new Date().toISOString(),
    registrants: REGISTRANTS,
    tableSize,
    runs: RUNS,
    formTables500Ms: p95Ms,
    formTables500MedianMs: p50Ms,
    targetMs: TARGET_MS,
    met: p95Ms <= TARGET_MS && plenary.p95Ms <= PLENARY_TARGET_MS,
    seed: SEED,
    plenary,
    plenaryUpdateP95Ms: plenary.p95Ms,
    plenaryUpdateMedianMs: plenary.p50Ms,
    plenaryTargetMs: PLENARY_TARGET_MS,
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(`${resultsDir}plan.json.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(`${resultsDir}plan.json.tmp`, `${resultsDir}plan.json`);
  console.log(
    `plan: formTables for ${REGISTRANTS} registrants, p95 ${p95Ms} ms (target ≤ ${TARGET_MS} ms: ` +
      `${p95Ms <= TARGET_MS ? 'met' : 'NOT met'})\n` +
      `plan: plenary of ${plenary.tables} × ${plenary.peoplePerTable}, a change seen in p50 ${plenary.p50Ms} ms, ` +
      `p95 ${plenary.p95Ms} ms (target ≤ ${PLENARY_TARGET_MS} ms: ${plenary.p95Ms <= PLENARY_TARGET_MS ? 'met' : 'NOT met'})\n` +
      'Written to bench/results/plan.json',
  );
  return results;
}

/**
 * What `npm run bench` runs, from the environment (README, "Mediciones de rendimiento"):
 * - `BENCH_ONLY=sync,scale`: only these benchmarks (of sync, capacity, scale, timer, ui, plan, board);
 * - `BENCH_ROUNDS=3`: rounds per figure (default 3; fewer for a quick look, never for figures to keep);
 * - `BENCH_SCENARIOS=1x25,100x10`: only these rooms × clients scenarios of the sync benchmark;
 * - `BENCH_LADDER=5,10,20`: the room counts of the capacity ladders (capacity and scale).
 */
export const BENCHMARKS = ['sync', 'capacity', 'scale', 'timer', 'ui', 'plan', 'board'] as const;
export type BenchmarkName = (typeof BENCHMARKS)[number];

function list(value: string | undefined): string[] | null {
  const items = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length === 0 ? null : items;
}

export function selectedBenchmarks(env = process.env): BenchmarkName[] {
  const only = list(env.BENCH_ONLY);
  if (only === null) return [...BENCHMARKS];
  const unknown = only.filter((name) => !(BENCHMARKS as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`BENCH_ONLY: unknown ${unknown.join(', ')} (known: ${BENCHMARKS.join(', ')})`);
  return BENCHMARKS.filter((name) => only.includes(name));
}

export function rounds(fallback: number, env = process.env): number {
  const value = Number(env.BENCH_ROUNDS ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`BENCH_ROUNDS: ${env.BENCH_ROUNDS} is not a count`);
  return value;
}

/** Whether the scenario of `rooms` × `clientsPerRoom` is among `BENCH_SCENARIOS` (every one when unset). */
export function scenarioSelected(rooms: number, clientsPerRoom: number, env = process.env): boolean {
  const only = list(env.BENCH_SCENARIOS);
  return only === null || only.includes(`${rooms}x${clientsPerRoom}`);
}

/** `BENCH_LADDER` as a list of room counts, or `fallback`. */
export function ladder(fallback: readonly number[], env = process.env): number[] {
  const only = list(env.BENCH_LADDER);
  if (only === null) return [...fallback];
  const steps = only.map(Number);
  if (steps.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`BENCH_LADDER: ${env.BENCH_LADDER}`);
  return steps;
}

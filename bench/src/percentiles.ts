export interface Distribution {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Nearest-rank percentiles of a list of durations, rounded to microseconds; zeros for an empty list. */
export function distribution(samplesMs: readonly number[]): Distribution {
  const sorted = Float64Array.from(samplesMs).sort();
  const at = (p: number) => {
    if (sorted.length === 0) return 0;
    return roundMs(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
  };
  return { p50Ms: at(50), p95Ms: at(95), p99Ms: at(99), maxMs: at(100) };
}

export function median(samples: readonly number[]): number {
  return distribution(samples).p50Ms;
}

export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/**
 * Milliseconds on the machine's monotonic clock, comparable between processes on one machine: a timestamp taken
 * in one worker can be subtracted from one taken in another.
 *
 * `process.hrtime` reads CLOCK_MONOTONIC (Linux; the equivalents on macOS and Windows are also system-wide): one
 * counter for every process, with nanosecond resolution and no NTP steps. `Date.now()` has millisecond
 * resolution, too coarse for sub-millisecond percentiles; `performance.timeOrigin + performance.now()` rests on
 * the wall clock read once when each process started, so a clock adjustment between two starts skews them apart.
 */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

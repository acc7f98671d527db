import type { ScaleResults } from './runScaleBench';

const ms = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toFixed(2));
const spreadText = (s: { median: number; min: number; max: number } | null) =>
  s === null ? '–' : `${s.median} (${s.min}–${s.max})`;

/** The scale results as a reader wants them in a terminal. */
export function formatScaleTable(results: ScaleResults): string {
  const { storage, hop, capacity } = results;
  const h = hop.result;
  return [
    `Scale: rooms of ${results.clientsPerRoom} at ${results.editsPerSecond} edits/s, ${results.roundsPerFigure} rounds per figure`,
    '',
    `Per-edit CPU on one instance (ms per 1,000 delivered edits, median (min–max)); loadavg ${storage.host.loadavg.before}`,
    ...storage.entries.map(
      (e) =>
        `  ${e.storage.padEnd(16)} server ${spreadText(e.serverCpuMsPerThousand)}  PostgreSQL ${spreadText(
          e.databaseCpuMsPerThousand,
        )}  p50 ${ms(e.p50Ms)} p99 ${ms(e.p99Ms)}  ${e.delivered}/${e.expected}`,
    ),
    '',
    `The hop between instances, 1 × ${h.clientsPerRoom}; loadavg ${hop.host.loadavg.before}`,
    `  all on one instance   p50 ${ms(h.oneInstance.p50Ms)}  p99 ${ms(h.oneInstance.p99Ms)}  ${h.oneInstance.delivered}/${h.oneInstance.expected}`,
    `  split over two        p50 ${ms(h.split.p50Ms)}  p99 ${ms(h.split.p99Ms)}  ${h.split.delivered}/${h.split.expected}`,
    `    crossing only       p50 ${ms(h.crossing.p50Ms)}  p99 ${ms(h.crossing.p99Ms)}  (${h.crossing.deliveries})`,
    `  added by the hop: p50 ${spreadText(h.addedP50Ms)} ms, p99 ${spreadText(h.addedP99Ms)} ms  ` +
      `(target p50 ≤ ${h.target.maxAddedP50Ms} ms: ${h.target.pass ? 'pass' : 'MISS'})`,
    '',
    `Capacity (held: median round p99 < 50 ms, nothing lost); loadavg ${capacity.host.loadavg.before} → ${capacity.host.loadavg.after}`,
    '  rooms  deployment         p99 by round           held  CPU ms/1k by instance  PG ms/1k  client CPU',
    ...capacity.steps.map(
      (s) =>
        `  ${String(s.rooms).padStart(5)}  ${s.deployment.padEnd(17)}  ${s.p99MsByRound
          .map((v) => v.toFixed(1))
          .join(' / ')
          .padEnd(21)}  ${(s.held ? 'yes' : 'no').padEnd(4)}  ${s.serverCpuMsPerThousandByInstance
          .map((v) => ms(v))
          .join(' / ')
          .padEnd(21)}  ${ms(s.databaseCpuMsPerThousand).padStart(8)}  ${s.clientCpuPercent ?? '–'}%`,
    ),
    `  most rooms held: one instance ${capacity.maxRooms.oneInstance}, two ${capacity.maxRooms.twoInstances} ` +
      `(ratio ${capacity.ratio ?? '–'}; target ≥ ${capacity.target.minRatio}: ${capacity.target.pass ? 'pass' : 'MISS'})`,
    '',
    results.hostLimits,
  ].join('\n');
}

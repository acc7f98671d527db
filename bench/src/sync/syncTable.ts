import type { SyncResults } from './runSyncBench';
import { p99Ratio } from './targets';

const verdict = (pass: boolean) => (pass ? 'pass' : 'MISS');

/** The results as a reader wants them in a terminal: latency per scenario and server, then the targets. */
export function formatSyncTable(results: SyncResults): string {
  const { latency, coldLoad, targets } = results;
  const header = [
    'rooms × clients',
    'server',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'p99 by round',
    'max ms',
    'delivered',
    'p99 vs stock',
    'server CPU',
    'client lag p99',
    'host steal',
  ];
  const rows = latency.map((e) => {
    const ratio = e.server === 'cocrea' ? p99Ratio(e, latency) : null;
    return [
      `${e.rooms} × ${e.clientsPerRoom}`,
      e.server,
      e.p50Ms.toFixed(2),
      e.p95Ms.toFixed(2),
      e.p99Ms.toFixed(2),
      e.p99MsByRound.map((ms) => ms.toFixed(1)).join(' / '),
      e.maxMs.toFixed(2),
      `${e.delivered}/${e.expected}`,
      ratio === null ? '' : `${ratio.toFixed(2)}×`,
      e.serverCpuPercent === null ? '–' : `${e.serverCpuPercent}%`,
      `${e.clientLagP99Ms.toFixed(1)} ms`,
      e.hostStealPercent === null ? '–' : `${e.hostStealPercent.toFixed(1)}%`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');

  const editsPerSecond = latency[0]?.editsPerSecond ?? 0;
  const { p99At25ClientsPerRoom: at25, p99RatioToStock: ratio, coldLoadAfterCompaction: cold } = targets;
  const ratios = ratio.byScenario
    .map((s) => `${s.rooms} × ${s.clientsPerRoom} ${s.ratio === null ? '–' : `${s.ratio.toFixed(2)}×`}`)
    .join(', ');
  const { cpus, loadAverage } = results.machine;
  return [
    `Sync latency, edit → visible to each other client in the room (${editsPerSecond} edits/s per client)`,
    `Load average ${loadAverage.before} → ${loadAverage.after} on ${cpus} CPUs: servers and clients share them, ` +
      'so anything else running inflates the latencies, as do other guests of the host (host steal).',
    line(header),
    ...rows.map(line),
    '',
    `Cold load of ${coldLoad.updates} updates: ${coldLoad.beforeCompactionMs.toFixed(2)} ms before compaction, ` +
      `${coldLoad.afterCompactionMs.toFixed(2)} ms after (median)`,
    `Heap per loaded room (200-node problem tree): ${(results.heapPerRoomBytes / 1024).toFixed(1)} KiB`,
    `Bytes stored per single-character edit: ${results.bytesPerEdit} in the log, ` +
      `${results.bytesPerEditAfterCompaction} after compaction`,
    '',
    'Targets',
    `  p99 at 1 × 25 (cocrea) ≤ ${at25.targetMs} ms: ${at25.p99Ms?.toFixed(2) ?? '–'} ms  ${verdict(at25.pass)}`,
    `  cocrea p99 ≤ ${ratio.max} × stock p99, every scenario: ${ratios}  ${verdict(ratio.pass)}`,
    '  (at 1 × 2 the p99 is the third slowest of 210 deliveries: each is close to the single worst one)',
    `  cold load after compaction ≤ ${cold.targetMs} ms: ${cold.afterCompactionMs.toFixed(2)} ms  ${verdict(cold.pass)}`,
  ].join('\n');
}

import type { SyncResults } from './runSyncBench';

const verdict = (pass: boolean) => (pass ? 'pass' : 'MISS');

/** The results as a reader wants them in a terminal: latency and CPU per scenario and server, then the targets. */
export function formatSyncTable(results: SyncResults): string {
  const { latency, coldLoad, targets, aaBand } = results;
  const header = [
    'rooms × clients',
    'server',
    'p50 ms',
    'p99 ms',
    'p99 by round',
    'delivered',
    'p99 vs stock',
    'CPU ms/1k upd by round',
    'server CPU',
    'client CPU',
    'client lag p99',
    'host steal',
  ];
  const rows = latency.map((e) => {
    const ratio = aaBand?.p99RatioToStock.find(
      (r) => r.server === e.server && r.rooms === e.rooms && r.clientsPerRoom === e.clientsPerRoom,
    );
    const aa = aaBand?.p99Ratio.byScenario.find((r) => r.rooms === e.rooms && r.clientsPerRoom === e.clientsPerRoom);
    const shownRatio = ratio?.ratio ?? (e.server.endsWith('(A/A)') ? aa?.ratio : undefined);
    return [
      `${e.rooms} × ${e.clientsPerRoom}`,
      e.server,
      e.p50Ms.toFixed(2),
      e.p99Ms.toFixed(2),
      e.p99MsByRound.map((ms) => ms.toFixed(1)).join(' / '),
      `${e.delivered}/${e.expected}`,
      shownRatio === undefined || shownRatio === null ? '' : `${shownRatio.toFixed(2)}×`,
      e.cpuMsPerThousandByRound.map((ms) => (ms === null ? '–' : ms.toFixed(1))).join(' / '),
      e.serverCpuPercent === null ? '–' : `${e.serverCpuPercent}%`,
      e.clientCpuPercent === null ? '–' : `${e.clientCpuPercent}%`,
      `${e.clientLagP99Ms.toFixed(1)} ms`,
      e.hostStealPercent === null ? '–' : `${e.hostStealPercent.toFixed(1)}%`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');

  const editsPerSecond = latency[0]?.editsPerSecond ?? 0;
  const { p99At25ClientsPerRoom: at25, cpuPerUpdateToStock: toStock, cpuPerUpdateToHocuspocus: toHp } = targets;
  const ratios = (byScenario: typeof toStock.byScenario) =>
    byScenario
      .map((s) => `${s.rooms} × ${s.clientsPerRoom} ${s.ratio === null ? '–' : `${s.ratio.toFixed(2)}×`}`)
      .join(', ');
  const { cpus, loadAverage } = results.machine;
  const cpu = results.cpuPerThousandUpdates
    .map(
      (c) =>
        `  ${c.rooms} × ${c.clientsPerRoom}  ${c.server}: ${c.medianMs} ms (${c.minMs}–${c.maxMs}, ${c.runs} runs)`,
    )
    .join('\n');
  const band = aaBand
    ? `A/A band (stock against itself, same run): p99 ratio ${aaBand.p99Ratio.min}–${aaBand.p99Ratio.max}` +
      (aaBand.cpuPerThousandRatio
        ? `, CPU per update ratio ${aaBand.cpuPerThousandRatio.min}–${aaBand.cpuPerThousandRatio.max}`
        : '')
    : 'A/A band: not measured';
  return [
    `Sync latency, edit → visible to each other client in the room (${editsPerSecond} edits/s per client)`,
    `Load average ${loadAverage.before} → ${loadAverage.after} on ${cpus} CPUs: servers and clients share them, ` +
      'so anything else running inflates the latencies, as do other guests of the host (host steal).',
    line(header),
    ...rows.map(line),
    '',
    'Server CPU per 1,000 delivered updates (median over alternated rounds, min–max)',
    cpu,
    band,
    '',
    coldLoad === null
      ? 'Cold load: not measured'
      : `Cold load of ${coldLoad.updates} updates: ${coldLoad.beforeCompactionMs.toFixed(2)} ms before compaction, ` +
        `${coldLoad.afterCompactionMs.toFixed(2)} ms after (median)`,
    `Heap per loaded room (200-node problem tree): ${
      results.heapPerRoomBytes === null ? '–' : (results.heapPerRoomBytes / 1024).toFixed(1)
    } KiB`,
    `Bytes stored per single-character edit: ${results.bytesPerEdit} in the log, ` +
      `${results.bytesPerEditAfterCompaction} after compaction`,
    '',
    'Targets',
    `  p99 at 1 × 25 (cocrea) ≤ ${at25.targetMs} ms: ${at25.p99Ms?.toFixed(2) ?? '–'} ms  ${verdict(at25.pass)}`,
    `  cocrea CPU per update ≤ ${toStock.max} × stock: ${ratios(toStock.byScenario)}  ${verdict(toStock.pass)}`,
    `  cocrea CPU per update ≤ ${toHp.max} × hocuspocus: ${ratios(toHp.byScenario)}  ${verdict(toHp.pass)}`,
    `  cold load after compaction ≤ ${targets.coldLoadAfterCompaction.targetMs} ms: ` +
      `${targets.coldLoadAfterCompaction.afterCompactionMs?.toFixed(2) ?? '–'} ms  ` +
      verdict(targets.coldLoadAfterCompaction.pass),
    `  heap per room ≤ 1 MiB: ${verdict(targets.heapPerRoom.pass)}`,
  ].join('\n');
}

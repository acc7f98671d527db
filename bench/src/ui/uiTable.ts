import type { UiResults } from './uiBench';

const verdict = (pass: boolean) => (pass ? 'pass' : 'MISS');

/** The results as a reader wants them in a terminal: the figures with their targets, then the details. */
export function formatUiTable(results: UiResults): string {
  const { remoteEditOnScreen: edit, longTasksDuringRemoteDrag: drag, targets, nodes } = results;
  const rows = [
    [
      `remote edit → on screen, p50 (${nodes.remoteEdit} nodes)`,
      `${edit.p50Ms.toFixed(1)} ms`,
      `≤ ${targets.remoteEditP50.targetMs} ms`,
      verdict(targets.remoteEditP50.pass),
    ],
    [
      `remote edit → on screen, p95 (${nodes.remoteEdit} nodes)`,
      `${edit.p95Ms.toFixed(1)} ms`,
      `≤ ${targets.remoteEditP95.targetMs} ms`,
      verdict(targets.remoteEditP95.pass),
    ],
    [
      `long tasks while someone drags (${nodes.drag} nodes)`,
      `${drag.count}`,
      `${targets.longTasksDuringRemoteDrag.target}`,
      verdict(targets.longTasksDuringRemoteDrag.pass),
    ],
    [
      'initial JS, gzip',
      `${results.initialJsGzipKb.toFixed(1)} KiB`,
      `≤ ${targets.initialJsGzip.targetKb} KiB`,
      verdict(targets.initialJsGzip.pass),
    ],
    [
      `review notice in ${results.reviewNotice.pages} open pages, p95`,
      `${results.reviewNotice.p95Ms.toFixed(0)} ms`,
      `≤ ${targets.reviewNoticeP95.targetMs} ms`,
      verdict(targets.reviewNoticeP95.pass),
    ],
  ];
  const header = ['UI (problem tree)', 'measured', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');

  const stage = (name: string, s: { p50Ms: number; p95Ms: number; maxMs: number }) =>
    `    ${name.padEnd(8)} p50 ${s.p50Ms.toFixed(1)} ms, p95 ${s.p95Ms.toFixed(1)} ms, max ${s.maxMs.toFixed(1)} ms`;
  const { cpus, loadAverage } = results.machine;
  const busy = Math.max(loadAverage.start, loadAverage.end) > cpus;
  return [
    ...(busy
      ? [
          `Note: load average ${loadAverage.start} → ${loadAverage.end} on ${cpus} CPUs: other processes competed ` +
            'for the CPU, so the wall-clock figures are inflated (the CPU-time ones are not).',
          '',
        ]
      : []),
    line(header),
    ...rows.map(line),
    '',
    `Remote edit: ${edit.samples} samples (${edit.missed} missed), keydown in one browser → in the other:`,
    stage('DOM', edit.stages.dom),
    stage('frame', edit.stages.frame),
    stage('painted', edit.stages.painted),
    `    main-thread CPU per keystroke: watching page ${edit.perEdit.watcher.cpuMs.toFixed(1)} ms ` +
      `(script ${edit.perEdit.watcher.scriptMs.toFixed(1)}, style ${edit.perEdit.watcher.styleMs.toFixed(1)}, ` +
      `layout ${edit.perEdit.watcher.layoutMs.toFixed(1)}; ${edit.perEdit.watcher.layouts} layouts), ` +
      `editing page ${edit.perEdit.editor.cpuMs.toFixed(1)} ms`,
    `    clock skew between the pages ${edit.clockSkewMs.toFixed(3)} ms (corrected)`,
    'Remote drag, watching browser:',
    ...drag.runs.map(
      (r) =>
        `    ${r.method.padEnd(8)} ${r.count} long tasks in ${(r.durationMs / 1000).toFixed(1)} s ` +
        `(longest ${r.longestTaskMs.toFixed(0)} ms, ${r.totalLongTaskMs.toFixed(0)} ms in all), ` +
        `${r.frames} frames, longest gap ${r.maxFrameGapMs.toFixed(0)} ms; ` +
        `saw ${r.cursorMoves} cursor moves, ${r.nodeMoves} node moves; main thread ${r.watcherCpuMs} ms CPU`,
    ),
    `Review notice: ${results.reviewNotice.samples} samples over ${results.reviewNotice.moves} moves ` +
      `(${results.reviewNotice.missed} missed), p50 ${results.reviewNotice.p50Ms.toFixed(0)} ms, ` +
      `max ${results.reviewNotice.maxMs.toFixed(0)} ms`,
    `Initial JS: ${results.initialJs.map((f) => `${f.path} ${(f.gzipBytes / 1024).toFixed(1)} KiB gzip`).join(', ')}`,
    `Then, on the tree tab: ${results.treeTabJs.gzipKb.toFixed(1)} KiB gzip (${results.treeTabJs.files.map((f) => f.path).join(', ')})`,
  ].join('\n');
}

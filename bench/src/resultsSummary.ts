/**
 * Prints the last run's results as the short Markdown tables of README's benchmark section:
 * `npx tsx src/resultsSummary.ts` from bench/, after `npm run bench`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ScaleResults } from './scale/runScaleBench';
import type { CapacityEntry, PlenaryEntry } from './sync/runCapacityBench';
import type { SyncResults } from './sync/runSyncBench';

const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));

function read<T>(name: string): T | null {
  const file = `${resultsDir}${name}`;
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

const table = (header: string[], rows: (string | number | null)[][]) =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((c) => (c === null ? '–' : String(c))).join(' | ')} |`),
  ].join('\n');

const sync = read<SyncResults & { capacity?: CapacityEntry[]; plenary?: PlenaryEntry[] }>('sync.json');
if (sync) {
  console.log(
    `sync.json, ${sync.generatedAt}, load ${sync.machine.loadAverage.before}→${sync.machine.loadAverage.after}\n`,
  );
  console.log(
    table(
      ['rooms × clients', 'server', 'p50 ms', 'p99 ms', 'p99 / stock', 'CPU ms per 1k updates (median, min–max)'],
      sync.latency.map((e) => {
        const cpu = (sync.cpuPerThousandUpdates ?? []).find(
          (c) => c.server === e.server && c.rooms === e.rooms && c.clientsPerRoom === e.clientsPerRoom,
        );
        const ratio = sync.aaBand?.p99RatioToStock.find(
          (r) => r.server === e.server && r.rooms === e.rooms && r.clientsPerRoom === e.clientsPerRoom,
        );
        const aa = sync.aaBand?.p99Ratio.byScenario.find(
          (r) => r.rooms === e.rooms && r.clientsPerRoom === e.clientsPerRoom,
        );
        return [
          `${e.rooms} × ${e.clientsPerRoom}`,
          e.server,
          e.p50Ms.toFixed(2),
          e.p99Ms.toFixed(2),
          ratio?.ratio ?? (e.server.endsWith('(A/A)') ? aa?.ratio : null) ?? null,
          cpu ? `${cpu.medianMs} (${cpu.minMs}–${cpu.maxMs})` : null,
        ];
      }),
    ),
  );
  if (sync.aaBand) {
    console.log(
      `\nA/A band: p99 ratio ${sync.aaBand.p99Ratio.min}–${sync.aaBand.p99Ratio.max}` +
        (sync.aaBand.cpuPerThousandRatio
          ? `, CPU per update ratio ${sync.aaBand.cpuPerThousandRatio.min}–${sync.aaBand.cpuPerThousandRatio.max}`
          : ''),
    );
  }
  if (sync.capacity) {
    console.log(
      `\n${table(
        ['server', 'rooms of 25 held', 'clients', 'server CPU', 'client CPU', 'deliveries per CPU s'],
        sync.capacity.map((c) => [
          c.server,
          c.maxRooms,
          c.maxClients,
          c.serverCpuPercent === null ? null : `${c.serverCpuPercent} %`,
          c.clientCpuPercent === null ? null : `${c.clientCpuPercent} %`,
          c.deliveriesPerCpuSecond,
        ]),
      )}`,
    );
  }
  if (sync.plenary) {
    console.log(
      `\n${table(
        [
          'plenary 1 × 250',
          'cursors/s',
          'p50 ms',
          'p99 ms',
          'delivered',
          'server CPU',
          'client CPU',
          'presence KiB/s per client',
        ],
        sync.plenary.map((p) => [
          p.server,
          p.cursorsPerSecond,
          p.p50Ms.toFixed(1),
          p.p99Ms.toFixed(1),
          `${p.delivered}/${p.expected}`,
          p.serverCpuPercent === null ? null : `${p.serverCpuPercent} %`,
          p.clientCpuPercent === null ? null : `${p.clientCpuPercent} %`,
          (p.presenceBytesPerSecondPerClient / 1024).toFixed(1),
        ]),
      )}`,
    );
  }
}

const scale = read<ScaleResults>('scale.json');
if (scale) {
  console.log(`\nscale.json, ${scale.generatedAt}\n`);
  console.log(
    table(
      ['storage (1 instance, 4 × 25)', 'server ms per 1k edits', 'PostgreSQL ms per 1k edits', 'p50 ms', 'p99 ms'],
      scale.storage.entries.map((e) => [
        e.storage,
        e.serverCpuMsPerThousand?.median ?? null,
        e.databaseCpuMsPerThousand?.median ?? null,
        e.p50Ms.toFixed(2),
        e.p99Ms.toFixed(2),
      ]),
    ),
  );
  const h = scale.hop.result;
  console.log(
    `\n${table(
      ['1 × 25 on PostgreSQL + Redis', 'p50 ms', 'p99 ms'],
      [
        ['all on one instance', h.oneInstance.p50Ms.toFixed(2), h.oneInstance.p99Ms.toFixed(2)],
        ['split over two: crossing deliveries', h.crossing.p50Ms.toFixed(2), h.crossing.p99Ms.toFixed(2)],
        ['added by the hop (median of rounds)', h.addedP50Ms?.median ?? null, h.addedP99Ms?.median ?? null],
      ],
    )}`,
  );
  console.log(
    `\n${table(
      [
        'rooms of 25',
        'deployment',
        'median p99 ms',
        'held',
        'CPU ms per 1k edits, by instance',
        'PostgreSQL',
        'client CPU',
      ],
      scale.capacity.steps.map((s) => [
        s.rooms,
        s.deployment,
        s.medianP99Ms.toFixed(1),
        s.held ? 'yes' : 'no',
        s.serverCpuMsPerThousandByInstance.map((v) => (v === null ? '–' : v)).join(' / '),
        s.databaseCpuMsPerThousand,
        s.clientCpuPercent === null ? null : `${s.clientCpuPercent} %`,
      ]),
    )}`,
  );
}

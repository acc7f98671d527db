import { median } from '../percentiles';
import type { LatencyEntry } from './latency';

/** The stock server, and the second copy of it that measures the harness against itself. */
export const STOCK = 'y-websocket-server';
export const STOCK_AGAIN = 'y-websocket-server (A/A)';

/** Scenarios whose per-update CPU the issue compares. */
const CPU_SCENARIOS = [
  { rooms: 1, clientsPerRoom: 25 },
  { rooms: 100, clientsPerRoom: 10 },
];

export interface CpuPerThousandUpdates {
  server: string;
  rooms: number;
  clientsPerRoom: number;
  /** Server CPU (user + system) per 1,000 delivered updates, over the rounds (each round one alternated run). */
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

/** Each server's per-update CPU at 1 × 25 and 100 × 10, from the rounds in which the servers took turns. */
export function cpuPerThousandUpdates(latency: readonly LatencyEntry[]): CpuPerThousandUpdates[] {
  return latency.flatMap((entry) => {
    if (!CPU_SCENARIOS.some((s) => s.rooms === entry.rooms && s.clientsPerRoom === entry.clientsPerRoom)) return [];
    const runs = entry.cpuMsPerThousandByRound.flatMap((ms) => (ms === null ? [] : [ms]));
    if (runs.length === 0) return [];
    return [
      {
        server: entry.server,
        rooms: entry.rooms,
        clientsPerRoom: entry.clientsPerRoom,
        medianMs: median(runs),
        minMs: Math.min(...runs),
        maxMs: Math.max(...runs),
        runs: runs.length,
      },
    ];
  });
}

export interface RatioToStock {
  server: string;
  rooms: number;
  clientsPerRoom: number;
  /** This server's pooled p99 over the stock server's in the same scenario. */
  ratio: number | null;
  /** Whether the ratio lies inside the A/A band: if so, this run cannot tell the two apart. */
  withinAaBand: boolean | null;
}

export interface AaBand {
  /**
   * The stock server's copy's p99 over the stock server's, scenario by scenario, in the same rounds: what the harness and the
   * shared host make of two identical servers. A peer's ratio inside [min, max] is noise.
   */
  p99Ratio: { min: number; max: number; byScenario: { rooms: number; clientsPerRoom: number; ratio: number }[] };
  /** The same for CPU per 1,000 delivered updates (median over rounds). */
  cpuPerThousandRatio: { min: number; max: number } | null;
  /** Every other server's p99 ratio to stock, read against the band. */
  p99RatioToStock: RatioToStock[];
}

/** The A/A band and every peer's p99 ratio to the stock server; null without the A/A copy in the run. */
export function aaBand(latency: readonly LatencyEntry[], cpu: readonly CpuPerThousandUpdates[]): AaBand | null {
  const find = (server: string, e: LatencyEntry) =>
    latency.find((o) => o.server === server && o.rooms === e.rooms && o.clientsPerRoom === e.clientsPerRoom);
  const byScenario = latency.flatMap((again) => {
    if (again.server !== STOCK_AGAIN) return [];
    const stock = find(STOCK, again);
    if (!stock || stock.p99Ms === 0) return [];
    return [{ rooms: again.rooms, clientsPerRoom: again.clientsPerRoom, ratio: round2(again.p99Ms / stock.p99Ms) }];
  });
  if (byScenario.length === 0) return null;
  const ratios = byScenario.map((s) => s.ratio);
  const band = { min: Math.min(...ratios), max: Math.max(...ratios) };
  const cpuRatios = cpu.flatMap((again) => {
    if (again.server !== STOCK_AGAIN) return [];
    const stock = cpu.find(
      (c) => c.server === STOCK && c.rooms === again.rooms && c.clientsPerRoom === again.clientsPerRoom,
    );
    return stock ? [round2(again.medianMs / stock.medianMs)] : [];
  });
  const p99RatioToStock = latency.flatMap((entry): RatioToStock[] => {
    if (entry.server === STOCK || entry.server === STOCK_AGAIN) return [];
    const stock = find(STOCK, entry);
    const ratio = stock && stock.p99Ms > 0 ? round2(entry.p99Ms / stock.p99Ms) : null;
    return [
      {
        server: entry.server,
        rooms: entry.rooms,
        clientsPerRoom: entry.clientsPerRoom,
        ratio,
        withinAaBand: ratio === null ? null : ratio >= band.min && ratio <= band.max,
      },
    ];
  });
  return {
    p99Ratio: { ...band, byScenario },
    cpuPerThousandRatio: cpuRatios.length === 0 ? null : { min: Math.min(...cpuRatios), max: Math.max(...cpuRatios) },
    p99RatioToStock,
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

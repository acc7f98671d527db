import type { ColdLoad } from './coldLoad';
import type { LatencyEntry } from './latency';

/** The targets. Read next to the figures; the run does not fail on them. */
export const P99_AT_25_CLIENTS_MS = 5;
export const MAX_P99_RATIO_TO_STOCK = 1.1;
export const COLD_LOAD_AFTER_COMPACTION_MS = 20;

export interface Targets {
  p99At25ClientsPerRoom: { targetMs: number; p99Ms: number | null; pass: boolean };
  p99RatioToStock: {
    max: number;
    byScenario: { rooms: number; clientsPerRoom: number; ratio: number | null; pass: boolean }[];
    pass: boolean;
  };
  coldLoadAfterCompaction: { targetMs: number; afterCompactionMs: number; pass: boolean };
}

export function checkTargets(latency: readonly LatencyEntry[], coldLoad: ColdLoad): Targets {
  const cocrea = latency.filter((e) => e.server === 'cocrea');
  const at25 = cocrea.find((e) => e.rooms === 1 && e.clientsPerRoom === 25);
  const byScenario = cocrea.map((ours) => {
    const ratio = p99Ratio(ours, latency);
    return {
      rooms: ours.rooms,
      clientsPerRoom: ours.clientsPerRoom,
      ratio,
      pass: ratio !== null && ratio <= MAX_P99_RATIO_TO_STOCK,
    };
  });
  return {
    p99At25ClientsPerRoom: {
      targetMs: P99_AT_25_CLIENTS_MS,
      p99Ms: at25?.p99Ms ?? null,
      pass: at25 !== undefined && at25.p99Ms <= P99_AT_25_CLIENTS_MS,
    },
    p99RatioToStock: { max: MAX_P99_RATIO_TO_STOCK, byScenario, pass: byScenario.every((s) => s.pass) },
    coldLoadAfterCompaction: {
      targetMs: COLD_LOAD_AFTER_COMPACTION_MS,
      afterCompactionMs: coldLoad.afterCompactionMs,
      pass: coldLoad.afterCompactionMs <= COLD_LOAD_AFTER_COMPACTION_MS,
    },
  };
}

/** Cocrea's p99 over the stock server's in the same scenario; null when either is missing or stock's is zero. */
export function p99Ratio(ours: LatencyEntry, latency: readonly LatencyEntry[]): number | null {
  const stock = latency.find(
    (e) => e.server === 'y-websocket-server' && e.rooms === ours.rooms && e.clientsPerRoom === ours.clientsPerRoom,
  );
  if (!stock || stock.p99Ms === 0) return null;
  return Math.round((ours.p99Ms / stock.p99Ms) * 100) / 100;
}

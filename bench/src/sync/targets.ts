import type { ColdLoad } from './coldLoad';
import type { LatencyEntry } from './latency';
import { STOCK, type CpuPerThousandUpdates } from './peerComparison';

/** The issues' targets. Read next to the figures; the run does not fail on them. */
export const P99_AT_25_CLIENTS_MS = 5;
/** Cocrea stores every update before relaying it; these bound what that may cost per delivered update. */
export const MAX_CPU_RATIO_TO_STOCK = 1.1;
export const MAX_CPU_RATIO_TO_HOCUSPOCUS = 0.85;
export const COLD_LOAD_AFTER_COMPACTION_MS = 5;
export const HEAP_PER_ROOM_BYTES = 1024 * 1024;

interface CpuRatio {
  rooms: number;
  clientsPerRoom: number;
  ratio: number | null;
  pass: boolean;
}

export interface Targets {
  p99At25ClientsPerRoom: { targetMs: number; p99Ms: number | null; pass: boolean };
  /** Cocrea's median CPU per 1,000 delivered updates over each peer's, per scenario. */
  cpuPerUpdateToStock: { max: number; byScenario: CpuRatio[]; pass: boolean };
  cpuPerUpdateToHocuspocus: { max: number; byScenario: CpuRatio[]; pass: boolean };
  coldLoadAfterCompaction: { targetMs: number; afterCompactionMs: number | null; pass: boolean };
  heapPerRoom: { targetBytes: number; bytes: number | null; pass: boolean };
}

export function checkTargets(
  latency: readonly LatencyEntry[],
  cpu: readonly CpuPerThousandUpdates[],
  coldLoad: ColdLoad | null,
  heapPerRoomBytes: number | null,
): Targets {
  const at25 = latency.find((e) => e.server === 'cocrea' && e.rooms === 1 && e.clientsPerRoom === 25);
  const cpuRatio = (peer: string, max: number) => {
    const byScenario = cpu
      .filter((c) => c.server === 'cocrea')
      .map((ours): CpuRatio => {
        const theirs = cpu.find(
          (c) => c.server === peer && c.rooms === ours.rooms && c.clientsPerRoom === ours.clientsPerRoom,
        );
        const ratio = theirs ? Math.round((ours.medianMs / theirs.medianMs) * 100) / 100 : null;
        return { rooms: ours.rooms, clientsPerRoom: ours.clientsPerRoom, ratio, pass: ratio !== null && ratio <= max };
      });
    return { max, byScenario, pass: byScenario.length > 0 && byScenario.every((s) => s.pass) };
  };
  return {
    p99At25ClientsPerRoom: {
      targetMs: P99_AT_25_CLIENTS_MS,
      p99Ms: at25?.p99Ms ?? null,
      pass: at25 !== undefined && at25.p99Ms <= P99_AT_25_CLIENTS_MS,
    },
    cpuPerUpdateToStock: cpuRatio(STOCK, MAX_CPU_RATIO_TO_STOCK),
    cpuPerUpdateToHocuspocus: cpuRatio('hocuspocus', MAX_CPU_RATIO_TO_HOCUSPOCUS),
    coldLoadAfterCompaction: {
      targetMs: COLD_LOAD_AFTER_COMPACTION_MS,
      afterCompactionMs: coldLoad?.afterCompactionMs ?? null,
      pass: coldLoad !== null && coldLoad.afterCompactionMs <= COLD_LOAD_AFTER_COMPACTION_MS,
    },
    heapPerRoom: {
      targetBytes: HEAP_PER_ROOM_BYTES,
      bytes: heapPerRoomBytes,
      pass: heapPerRoomBytes !== null && heapPerRoomBytes <= HEAP_PER_ROOM_BYTES,
    },
  };
}

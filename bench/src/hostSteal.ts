import { readFileSync } from 'node:fs';

/** The machine's CPU time so far, every CPU together, in /proc/stat ticks. */
export interface CpuTicks {
  total: number;
  /** Time this virtual machine's CPUs had work but the hypervisor ran another guest. */
  steal: number;
}

/**
 * Reads the aggregate `cpu` line of /proc/stat; null where there is none (macOS, Windows). On a shared host other
 * guests take CPU time from ours without it showing in any process's figures: every latency then grows, whichever
 * server is measured, and a tail decided by a few stalls says more about the neighbours than about the server.
 */
export function machineCpuTicks(): CpuTicks | null {
  let stat: string;
  try {
    stat = readFileSync('/proc/stat', 'utf8');
  } catch {
    return null;
  }
  const line = stat.split('\n').find((l) => l.startsWith('cpu '));
  if (line === undefined) return null;
  // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already counted in user.
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  return { total: ticks.reduce((sum, t) => sum + t, 0), steal: ticks[7] ?? 0 };
}

/** Steal between two readings, in % of all CPU time; null if either reading is missing or no time passed. */
export function stealPercent(spans: readonly { from: CpuTicks | null; to: CpuTicks | null }[]): number | null {
  let total = 0;
  let steal = 0;
  for (const { from, to } of spans) {
    if (from === null || to === null) return null;
    total += to.total - from.total;
    steal += to.steal - from.steal;
  }
  return total > 0 ? Math.round((steal / total) * 1000) / 10 : null;
}

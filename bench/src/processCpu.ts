import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports CPU times in /proc in USER_HZ ticks, which the kernel ABI fixes at 100 per second. */
const MS_PER_TICK = 10;

/**
 * CPU time (user + system) process `pid` has used so far, in ms, read from /proc/<pid>/stat; null where there is
 * no /proc (macOS, Windows) or no such process.
 */
export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) is in parentheses and may hold spaces; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}

/**
 * CPU time so far of every process whose command name is `comm` (as in /proc/<pid>/comm), by pid; empty where
 * there is no /proc. Reads other users' processes too: their stat files are world-readable.
 */
export function processesNamed(comm: string): Map<number, number> {
  const found = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== comm) continue;
    } catch {
      continue;
    }
    const ms = processCpuMs(pid);
    if (ms !== null) found.set(pid, ms);
  }
  return found;
}

import { fork, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/**
 * Every child a benchmark starts (servers, load workers, measuring processes) goes through here, so that none
 * outlives the run: the benchmarks stop their own children, and whatever is left when the run ends, fails or is
 * interrupted is killed.
 */
const running = new Set<ChildProcess>();

/**
 * Node flags that load TypeScript through tsx's loader, resolved from this package. Children get them directly
 * rather than through the `tsx` binary, which would put a second process between us and the one to kill.
 */
export const TSX = ['--import', import.meta.resolve('tsx')];

function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Starts a TypeScript module as a Node child with an IPC channel. */
export function forkTs(modulePath: string, nodeFlags: string[] = []): ChildProcess {
  return track(
    fork(modulePath, [], { execArgv: [...nodeFlags, ...TSX], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
}

/** Starts `node <args>`. */
export function spawnNode(args: string[], options: SpawnOptions): ChildProcess {
  return track(spawn(process.execPath, args, options));
}

/** Asks a child to stop and waits for it; kills it outright if it has not exited after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Kills every child still running. Synchronous, so it also works from an `exit` handler. */
export function killChildren(): void {
  for (const child of running) child.kill('SIGKILL');
}

process.once('exit', killChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killChildren();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

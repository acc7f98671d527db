import { fileURLToPath } from 'node:url';
import { forkTs, stopChild } from '../childProcesses';

const measuringModule = fileURLToPath(new URL('./heapPerRoomProcess.ts', import.meta.url));

/** Only the measuring process knows; a few seconds is plenty, a hang is a failure. */
const TIMEOUT_MS = 120_000;

/**
 * Heap bytes one loaded room holds. Measured in a fresh process started with `--expose-gc`: forcing a full
 * collection before each reading is what makes a heap delta mean something, and nothing else lives there.
 */
export async function measureHeapPerRoom(): Promise<number> {
  const child = forkTs(measuringModule, ['--expose-gc']);
  try {
    return await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no heap figure after ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      child.once('message', (bytes: number) => {
        clearTimeout(timer);
        resolve(bytes);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`heap measurement exited with ${code}`));
      });
    });
  } finally {
    await stopChild(child);
  }
}

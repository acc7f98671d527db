import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const resultsDir = fileURLToPath(new URL('../../results/', import.meta.url));
const file = `${resultsDir}board.json`;

/**
 * Adds `fields` to bench/results/board.json, keeping what other parts of the public board's benchmark wrote there
 * (each measures its own figures and writes only its own keys). Written aside and renamed, so an interrupted run
 * never leaves half a file.
 */
export function writeBoardFields(fields: Record<string, unknown>): void {
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify({ ...previous, ...fields }, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

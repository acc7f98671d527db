import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const resultsDir = fileURLToPath(new URL('../../results/', import.meta.url));
const file = `${resultsDir}board.json`;

/**
 * bench/results/board.json, shared by the board's figures: each figure writes its own fields and leaves the others
 * as the last run of theirs left them, so a figure added later (the plan document's PDF, say) joins the same file
 * without running, or losing, the rest.
 */
export function writeBoardResults(fields: Record<string, unknown>): Record<string, unknown> {
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const results = { ...previous, ...fields };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return results;
}

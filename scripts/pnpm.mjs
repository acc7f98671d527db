// Runs the pnpm version pinned in package.json's "packageManager" through npx, so that a machine with only
// Node.js and npm needs nothing else installed. npx puts pnpm on PATH for the child, so nested "pnpm" calls
// inside package scripts resolve to the same version.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { packageManager } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const result = spawnSync('npx', ['--yes', packageManager, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, COREPACK_ENABLE_STRICT: '0' },
});
process.exit(result.status ?? 1);

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateToken } from './tokens';

/**
 * The STL's bootstrap secret for scripts and the first account: `COCREA_ADMIN_TOKEN` if set, else the one kept
 * in the data folder, else a new one written there (mode 0600). `created` says it was just made, so the caller
 * prints it once.
 */
export function resolveAdminToken(dataDir: string, fromEnv: string | undefined): { token: string; created: boolean } {
  if (fromEnv && fromEnv.length > 0) return { token: fromEnv, created: false };
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), created: false };
  const token = generateToken();
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, created: true };
}

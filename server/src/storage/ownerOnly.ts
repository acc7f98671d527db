import { chmodSync, closeSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data folder holds personal data (participants' names, organisations) and password hashes: only the account
 * the server runs as may read it. Applied at every start, so an install made before this rule is fixed too.
 */
export function makeDataDirOwnerOnly(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile()) chmodSync(join(dir, entry.name), 0o600);
  }
}

/**
 * Creates the SQLite file owner-only before SQLite opens it, and narrows one that exists. SQLite creates a new
 * database 0644 (less the umask), and its WAL and shared-memory files with the database file's own permissions,
 * so a 0600 database file gets 0600 companions; ones left by an earlier run are narrowed here too.
 */
export function makeSqliteFilesOwnerOnly(filename: string): void {
  closeSync(openSync(filename, 'a', 0o600));
  for (const file of [filename, `${filename}-wal`, `${filename}-shm`, `${filename}-journal`]) {
    try {
      chmodSync(file, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('readConfig', () => {
  it('keeps data and serves the client from the repository, wherever the server starts', () => {
    // `npm start` runs the server from `server/`; the README promises `./data` at the root.
    const cwd = process.cwd();
    process.chdir(join(repoRoot, 'server'));
    try {
      const config = readConfig({});
      expect(config.dataDir).toBe(resolve(repoRoot, 'data'));
      expect(config.clientDir).toBe(resolve(repoRoot, 'client', 'dist'));
      expect(config.port).toBe(8080);
    } finally {
      process.chdir(cwd);
    }
  });

  it('takes the data folder and the port from the environment', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cocrea-config-'));
    try {
      const config = readConfig({ COCREA_DATA_DIR: dataDir, PORT: '9090' });
      expect(config.dataDir).toBe(dataDir);
      expect(config.port).toBe(9090);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('stores in SQLite unless COCREA_DATABASE_URL names a PostgreSQL database', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cocrea-config-'));
    try {
      expect(readConfig({ COCREA_DATA_DIR: dataDir }).databaseUrl).toBeUndefined();
      const url = 'postgres://cocrea@db.interno:5432/cocrea';
      expect(readConfig({ COCREA_DATA_DIR: dataDir, COCREA_DATABASE_URL: url }).databaseUrl).toBe(url);
      expect(() => readConfig({ COCREA_DATA_DIR: dataDir, COCREA_DATABASE_URL: 'mysql://x@y/z' })).toThrow(
        /COCREA_DATABASE_URL inválida/,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

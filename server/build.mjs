/**
 * Bundles the server into one ES module, `dist/main.mjs`, which `npm start` runs with plain Node: no TypeScript
 * loader compiling every module at start-up and holding its output in the heap. `dist/migrate-to-postgres.mjs` is
 * the copy of a SQLite installation into PostgreSQL.
 */
import { build } from 'esbuild';

await build({
  // The server, and the command that copies a SQLite installation into PostgreSQL (`run migrate:postgres`).
  entryPoints: { main: 'src/main.ts', 'migrate-to-postgres': 'src/migrateToPostgres.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // A native addon, and the optional native helpers `ws` and `pg` look for: loaded from node_modules at run time.
  external: ['better-sqlite3', 'bufferutil', 'utf-8-validate', 'pg-native'],
  // The CommonJS packages in the bundle (Express and its dependencies) call require() for Node's own modules; the
  // import is renamed so as not to collide with the bundled modules' own imports.
  banner: {
    js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

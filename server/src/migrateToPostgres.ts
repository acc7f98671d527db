/**
 * `pnpm --filter @cocrea/server run migrate:postgres -- --from data/ --to postgres://…`: copies an installation's
 * SQLite data into an empty PostgreSQL database, after which the server runs with COCREA_DATABASE_URL set to it.
 * `--from` is the data folder (or the .sqlite file itself; default: the one `npm start` uses); `--to` defaults to
 * COCREA_DATABASE_URL. Stop the server first.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './repoRoot';
import { copySqliteToPostgres } from './storage/copyToPostgres';

const args = process.argv.slice(2);
const { values } = parseArgs({
  // pnpm passes the `--` before the options on to the script, where it would end them.
  args: args[0] === '--' ? args.slice(1) : args,
  options: { from: { type: 'string' }, to: { type: 'string' } },
});
// Relative to where the command was typed, not to server/, where pnpm runs the script.
const from = resolve(process.env.INIT_CWD ?? process.cwd(), values.from ?? join(REPO_ROOT, 'data'));
const file = existsSync(from) && statSync(from).isDirectory() ? join(from, 'cocrea.sqlite') : from;
const to = values.to ?? process.env.COCREA_DATABASE_URL;

if (!to || !/^postgres(ql)?:\/\//.test(to)) {
  console.error('Falta el destino: --to postgres://usuario@host:5432/base (o COCREA_DATABASE_URL).');
  process.exit(2);
}
if (!existsSync(file)) {
  console.error(`No existe ${file}: --from debe ser la carpeta de datos de Cocrea o su archivo cocrea.sqlite.`);
  process.exit(2);
}
try {
  const report = await copySqliteToPostgres(file, to);
  const target = new URL(to);
  console.log(`Copiado de ${file} a PostgreSQL ${target.host}${target.pathname}:`);
  for (const [table, rows] of Object.entries(report)) console.log(`  ${table}: ${rows}`);
  console.log('Inicie Cocrea con COCREA_DATABASE_URL apuntando a esa base de datos.');
} catch (error) {
  console.error(`No se copió nada: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

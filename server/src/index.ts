export { createCocreaServer, type CocreaServer, type CocreaServerOptions } from './createServer';
export { PostgresStorage } from './storage/postgres/PostgresStorage';
export { SqliteStorage } from './storage/sqlite/SqliteStorage';
export type { Storage } from './storage/Storage';

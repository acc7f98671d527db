export { createCocreaServer, type CocreaServer, type CocreaServerOptions } from './createServer';
export { SqliteStorage } from './storage/sqlite/SqliteStorage';
export type { Storage } from './storage/Storage';

/**
 * The Hocuspocus peer as its own process: `@hocuspocus/server` with its SQLite extension, configured as its docs
 * start it (default debounce: a document is stored 2 s after its last change, at most 10 s after its first), over
 * a database file named by the parent. Prints the port it bound.
 */
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const database = process.env.HOCUSPOCUS_DATABASE;
if (!database) throw new Error('HOCUSPOCUS_DATABASE is required');

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, extensions: [new SQLite({ database })] });
await server.listen();
const address = server.httpServer.address();
if (address === null || typeof address === 'string') throw new Error('Hocuspocus bound no TCP port');
console.log(`hocuspocus listening on ${address.port}`);

import { fileURLToPath } from 'node:url';

/**
 * The repository's root folder, for the files the server serves from it (the built client, the open-data
 * dictionary). Found from this module, which sits two folders below the root both as source (`server/src/`) and
 * inside the bundle `npm start` runs (`server/dist/`); a path relative to a deeper module would hold in one and not
 * in the other.
 */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

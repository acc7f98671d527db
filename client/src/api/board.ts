import { boardSchema } from '@cocrea/shared';
import { request } from './request';

/**
 * The public board, as open data: no credentials. The server lets caches keep it a minute; the page asks it to
 * revalidate (a cheap 304 when nothing changed), so progress just recorded shows at once.
 */
export const fetchBoard = () => request(boardSchema, '/api/tablero', { cache: 'no-cache' });

/** Where the board's open data lives (docs/open-data.md). */
export const BOARD_DATA_LINKS = {
  json: '/api/tablero',
  csv: '/api/tablero.csv',
  dictionary: '/api/tablero/diccionario',
} as const;

import { boardSchema, boardViewSchema, publicCommitmentSchema, type BoardQuery } from '@cocrea/shared';
import { request } from './request';

/**
 * The public board, as open data: no credentials. The server lets caches keep it a minute; the page asks it to
 * revalidate (a cheap 304 when nothing changed), so progress just recorded shows at once.
 */
export const fetchBoard = () => request(boardSchema, '/api/tablero', { cache: 'no-cache' });

/** The query string of a board query: only what is set, so the address stays short and shareable. */
export function boardQueryString(query: Partial<BoardQuery>): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'theme', 'status', 'institution', 'plan'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.page !== undefined && query.page > 1) params.set('page', String(query.page));
  return params.toString();
}

/** The board at a glance: the summary and one page of what the search and filters find (`boardQueryString`). */
export const fetchBoardView = (queryString: string) =>
  request(boardViewSchema, `/api/tablero/vista?${queryString}`, { cache: 'no-cache' });

/** One published commitment, for its own page. */
export const fetchPublicCommitment = (mesaId: string) =>
  request(publicCommitmentSchema, `/api/tablero/compromisos/${encodeURIComponent(mesaId)}`, { cache: 'no-cache' });

/** Where the board's open data lives (docs/open-data.md). */
export const BOARD_DATA_LINKS = {
  json: '/api/tablero',
  csv: '/api/tablero.csv',
  dictionary: '/api/tablero/diccionario',
} as const;

import {
  boardQuerySchema,
  boardSchema,
  boardViewSchema,
  publicCommitmentSchema,
  type BoardQuery,
  type BoardView,
} from '@cocrea/shared';
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

/** The board's query out of an address's query string; one someone edited by hand shows the whole board. */
export function parseBoardQuery(search: string): BoardQuery {
  const parsed = boardQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(search)));
  return parsed.success ? parsed.data : { page: 1 };
}

/** The board at a glance: the summary and one page of what the search and filters find (`boardQueryString`). */
const fetchBoardView = (queryString: string) =>
  request(boardViewSchema, `/api/tablero/vista?${queryString}`, { cache: 'no-cache' });

let prefetched: { queryString: string; answer: Promise<BoardView> } | null = null;

/**
 * Asks for the board's view of the address the page opens at while the page's own code is still on its way (the
 * router calls it when it starts loading the board), so that the two arrive together instead of one after the other.
 */
export function prefetchBoardView(search: string): void {
  const queryString = boardQueryString(parseBoardQuery(search));
  const answer = fetchBoardView(queryString);
  // A failure is the page's to show, when it asks for the answer.
  answer.catch(() => undefined);
  prefetched = { queryString, answer };
}

/** The board's view for `queryString`: the prefetched answer if it is for that query (used once), else a request. */
export function loadBoardView(queryString: string): Promise<BoardView> {
  if (prefetched?.queryString === queryString) {
    const { answer } = prefetched;
    prefetched = null;
    return answer;
  }
  return fetchBoardView(queryString);
}

/** One published commitment, for its own page. */
export const fetchPublicCommitment = (mesaId: string) =>
  request(publicCommitmentSchema, `/api/tablero/compromisos/${encodeURIComponent(mesaId)}`, { cache: 'no-cache' });

/** Where the board's open data lives (docs/open-data.md). */
export const BOARD_DATA_LINKS = {
  json: '/api/tablero',
  csv: '/api/tablero.csv',
  dictionary: '/api/tablero/diccionario',
} as const;

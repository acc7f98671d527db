import { randomBytes } from 'node:crypto';
import { publishBoard, type PublishedBoard } from '@cocrea/e2e/publishedBoard';
import { startCocreaProcess, type CocreaProcess } from '../cocreaProcess';
import { clientDist, ensureBuiltClient } from '../ui/appServer';

/** The board the issue sizes: 60 published commitments of 10 activities each. */
export const BOARD_SIZE = { commitments: 60, activitiesPerCommitment: 10 } as const;
export const BOARD_SEED = 20_261_207;

/** The server as shipped (bundle and built client, SQLite), with the board published through its API. */
export interface BoardServer {
  server: CocreaProcess;
  board: PublishedBoard;
}

export async function startBoardServer(): Promise<BoardServer> {
  ensureBuiltClient();
  const adminToken = randomBytes(24).toString('base64url');
  const server = await startCocreaProcess({ clientDir: clientDist, adminToken });
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());
  console.log(
    `board: publishing ${BOARD_SIZE.commitments} commitments × ${BOARD_SIZE.activitiesPerCommitment} activities (seed ${BOARD_SEED})…`,
  );
  const board = await publishBoard({ baseURL: server.baseUrl, adminToken, seed: BOARD_SEED, today, ...BOARD_SIZE });
  return { server, board };
}

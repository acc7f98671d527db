import type { Board } from '@cocrea/shared';
import { fetchBoard } from '../../api/board';
import { useLoaded } from '../../api/useLoaded';

const loadBoard = async (): Promise<{ board: Board }> => ({ board: await fetchBoard() });

/** The public board; `reload` fetches it again in place (the list stays while it loads). */
export const useBoard = () => useLoaded(loadBoard, 'board.error');

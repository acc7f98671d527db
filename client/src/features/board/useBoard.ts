import { useCallback, useEffect, useState } from 'react';
import type { Board } from '@cocrea/shared';
import { fetchBoard } from '../../api/board';
import { ApiFailure } from '../../api/request';
import { t } from '../../i18n/t';

export type BoardState =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; board: Board };

/** The public board; `reload` fetches it again in place (the list stays while it loads). */
export function useBoard(): { state: BoardState; reload(): void } {
  const [state, setState] = useState<BoardState>({ status: 'loading' });
  const reload = useCallback(() => {
    fetchBoard().then(
      (board) => setState({ status: 'ready', board }),
      (error: unknown) =>
        setState({ status: 'error', message: error instanceof ApiFailure ? error.message : t('board.error') }),
    );
  }, []);
  useEffect(reload, [reload]);
  return { state, reload };
}

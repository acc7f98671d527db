import { useEffect, useState } from 'react';
import type { BoardQuery, BoardView } from '@cocrea/shared';
import { boardQueryString, loadBoardView } from '../../api/board';
import { ApiFailure } from '../../api/request';
import { t } from '../../i18n/t';

export type BoardViewState =
  | { status: 'loading'; view: BoardView | null }
  | { status: 'error'; message: string; view: BoardView | null }
  | { status: 'ready'; view: BoardView };

/**
 * The board's view for `query`, loaded again whenever the query changes; what was shown stays until the new
 * answer replaces it, and an answer to an older query never replaces a newer one.
 */
export function useBoardView(query: BoardQuery): { state: BoardViewState; reload(): void } {
  const key = boardQueryString(query);
  const [state, setState] = useState<BoardViewState>({ status: 'loading', view: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState((previous) => ({ status: 'loading', view: previous.view }));
    loadBoardView(key).then(
      (view) => current && setState({ status: 'ready', view }),
      (error: unknown) =>
        current &&
        setState((previous) => ({
          status: 'error',
          message: error instanceof ApiFailure ? error.message : t('board.error'),
          view: previous.view,
        })),
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);
  return { state, reload: () => setAttempt((n) => n + 1) };
}

import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { PublicCommitment } from '@cocrea/shared';
import { fetchPublicCommitment } from '../../api/board';
import { ApiFailure } from '../../api/request';
import { currentDay } from '../../i18n/dates';
import { t } from '../../i18n/t';
import { PATHS, boardCommitmentPath } from '../../routes';
import { LoadFailure } from '../../ui/LoadFailure';
import { BoardLayout } from './BoardLayout';
import { PublicCommitmentView } from './PublicCommitmentView';

type State =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; commitment: PublicCommitment };

/** `/tablero/compromisos/:mesaId`: one published commitment on a page of its own, with a link to share it. */
export function CommitmentPage({ mesaId }: { mesaId: string }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    fetchPublicCommitment(mesaId).then(
      (commitment) => current && setState({ status: 'ready', commitment }),
      (error: unknown) =>
        current &&
        setState({
          status: 'error',
          message: error instanceof ApiFailure ? error.message : t('board.commitment.error'),
        }),
    );
    return () => {
      current = false;
    };
  }, [mesaId, attempt]);
  return (
    <BoardLayout busy={state.status === 'loading'}>
      <p>
        <Link href={PATHS.board}>{t('board.commitment.back')}</Link>
      </p>
      {state.status === 'loading' && <p className="loading">{t('board.commitment.loading')}</p>}
      {state.status === 'error' && (
        <>
          <h1>{t('board.title')}</h1>
          <LoadFailure message={state.message} onRetry={() => setAttempt((n) => n + 1)} />
        </>
      )}
      {state.status === 'ready' && (
        <PublicCommitmentView
          commitment={state.commitment}
          today={currentDay()}
          shareUrl={`${window.location.origin}${boardCommitmentPath(mesaId)}`}
        />
      )}
    </BoardLayout>
  );
}

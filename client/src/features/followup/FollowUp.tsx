import { THEMES, type StlSession } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { CompletionBadge } from '../board/CompletionBadge';
import { useBoard } from '../board/useBoard';
import { StlLayout } from '../../ui/StlLayout';
import { ActivityProgressForm } from './ActivityProgressForm';
import { LoadFailure } from '../../ui/LoadFailure';

interface FollowUpProps {
  session: StlSession;
  onLoggedOut(): void;
}

/**
 * `/stl/seguimiento`: every activity of the published commitments, each with a form to record how far it has come
 * and the links to its evidence. What is recorded shows on the public board.
 */
export function FollowUp({ session, onLoggedOut }: FollowUpProps) {
  const { state, reload } = useBoard();
  return (
    <StlLayout
      title={t('followup.title')}
      session={session}
      current="seguimiento"
      onLoggedOut={onLoggedOut}
      busy={state.status === 'loading'}
    >
      <p className="lead">{t('followup.intro')}</p>
      {state.status === 'loading' && <p className="loading">{t('board.loading')}</p>}
      {state.status === 'error' && <LoadFailure message={state.message} onRetry={reload} />}
      {state.status === 'ready' && state.board.commitments.length === 0 && (
        <p className="empty">{t('followup.empty')}</p>
      )}
      {state.status === 'ready' &&
        state.board.commitments.map((c) => (
          <section key={c.mesaId} className="review-card" aria-labelledby={`seguimiento-${c.mesaId}`}>
            <h2 id={`seguimiento-${c.mesaId}`}>{c.title}</h2>
            <p className="muted">
              {t('print.mesa', { kind: c.type, title: c.mesaTitle })} · {THEMES[c.theme]} ·{' '}
              {t('review.inbox.versionNumber', { number: c.version })} ·{' '}
              <CompletionBadge level={c.completion} label={t('board.completion')} />
            </p>
            {c.linesOfAction.map((line, l) => (
              <section key={line.id} aria-labelledby={`seguimiento-${c.mesaId}-${line.id}`}>
                <h3 id={`seguimiento-${c.mesaId}-${line.id}`}>
                  {t('print.line', { number: l + 1 })}: {line.title}
                </h3>
                <ol className="followup-activities">
                  {line.activities.map((activity, a) => (
                    <ActivityProgressForm
                      key={activity.id}
                      mesaId={c.mesaId}
                      position={`${l + 1}.${a + 1}`}
                      activity={activity}
                      csrfToken={session.csrfToken}
                      onRecorded={reload}
                    />
                  ))}
                </ol>
              </section>
            ))}
          </section>
        ))}
    </StlLayout>
  );
}

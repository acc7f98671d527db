import { countActivities, type PublicCommitment } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { CompletionBadge } from './CompletionBadge';

/**
 * A commitment's progress: a bar of its concluded activities, and the same in words ("3 de 7 actividades
 * concluidas") with its level on the IRM scale. The words are the bar's text alternative, so the bar itself is
 * hidden from assistive technology.
 */
export function CommitmentProgress({ commitment, today }: { commitment: PublicCommitment; today: string }) {
  const { total, concluida } = countActivities([commitment], today);
  const share = total === 0 ? 0 : Math.round((concluida / total) * 100);
  return (
    <div className="commitment-progress">
      <p className="commitment-progress-words">
        <span>{t('board.activitiesDone', { done: concluida, total })}</span>{' '}
        <CompletionBadge level={commitment.completion} label={t('board.completion')} />
      </p>
      <div className="progress-bar" aria-hidden="true">
        <span className={`progress-bar-fill level-${commitment.completion}`} style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}

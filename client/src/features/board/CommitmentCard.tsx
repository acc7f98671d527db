import { useId, useState } from 'react';
import { Link } from 'wouter';
import { COMMITMENT_TYPES, type PublicCommitment } from '@cocrea/shared';
import { boardCommitmentPath } from '../../routes';
import { t } from '../../i18n/t';
import { ActivityCards } from './ActivityCards';
import { CommitmentCronograma } from './CommitmentCronograma';
import { CommitmentProgress } from './CommitmentProgress';

/**
 * A commitment on the board: its name (a link to its own page), identity, progress, every activity with its
 * progress and evidence, and its cronograma on demand (built only when opened: a page holds twenty of them).
 */
export function CommitmentCard({ commitment: c, today }: { commitment: PublicCommitment; today: string }) {
  const id = useId();
  const [cronogramaOpen, setCronogramaOpen] = useState(false);
  return (
    <article className="board-commitment" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        <Link href={boardCommitmentPath(c.mesaId)}>{c.title}</Link>
      </h3>
      <p className="board-identity">
        {t('board.identity', {
          kind: c.type,
          type: COMMITMENT_TYPES[c.type],
          institution: c.leadInstitution,
          mesa: c.mesaTitle,
        })}
      </p>
      {c.plan && <p className="muted">{t('board.plan', { title: c.plan.title })}</p>}
      <CommitmentProgress commitment={c} today={today} />
      <ActivityCards commitment={c} today={today} headingLevel={4} />
      <details className="board-cronograma" onToggle={(e) => setCronogramaOpen(e.currentTarget.open)}>
        <summary>{t('board.cronograma.show')}</summary>
        {cronogramaOpen && <CommitmentCronograma commitment={c} today={today} />}
      </details>
    </article>
  );
}

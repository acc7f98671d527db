import { useMemo } from 'react';
import { buildCronograma, type PublicCommitment } from '@cocrea/shared';
import { CronogramaGrid } from '../cronograma/CronogramaGrid';
import { t } from '../../i18n/t';

/**
 * A published commitment's cronograma: its route's steps and its activities, month by month, this month's column
 * marked. The grid is a table, its own text alternative.
 */
export function CommitmentCronograma({ commitment: c, today }: { commitment: PublicCommitment; today: string }) {
  const cronograma = useMemo(
    () =>
      buildCronograma({
        route: c.route.map((step, i) => ({ ...step, id: `paso-${i + 1}` })),
        linesOfAction: c.linesOfAction,
      }),
    [c],
  );
  return <CronogramaGrid cronograma={cronograma} caption={t('cronograma.caption')} today={today.slice(0, 7)} />;
}

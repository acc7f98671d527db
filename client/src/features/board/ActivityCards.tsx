import { activityStatus, type PublicCommitment } from '@cocrea/shared';
import { formatDay } from '../../i18n/dates';
import { t } from '../../i18n/t';
import { CompletionBadge } from './CompletionBadge';
import { EvidenceList } from './EvidenceList';

interface ActivityCardsProps {
  commitment: PublicCommitment;
  /** YYYY-MM-DD, central Mexico: what "late" is measured against. */
  today: string;
  /** The level of the lines' headings: under the card's h3, or the page's h2. */
  headingLevel: 3 | 4;
  /** Whether each activity also shows its objective and means of verification (the commitment's own page). */
  detailed?: boolean;
}

/**
 * A commitment's activities, line by line, each a card with its status, progress and evidence: a list rather than
 * a table, so that on a phone every one of them shows whole, with no sideways scrolling.
 */
export function ActivityCards({ commitment: c, today, headingLevel, detailed = false }: ActivityCardsProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return c.linesOfAction.map((line, l) => (
    // A heading, not a landmark: twenty cards of one page would hold many regions of the same name.
    <div key={line.id} className="board-line">
      <Heading>
        {t('print.line', { number: l + 1 })}: {line.title}
      </Heading>
      <ol className="activity-cards" aria-label={t('board.activitiesOf', { number: l + 1 })}>
        {line.activities.map((activity, a) => {
          const position = `${l + 1}.${a + 1}`;
          const status = activityStatus(activity, today);
          return (
            <li key={activity.id} className="activity-card">
              <p className="activity-card-title">
                <strong>{position}.</strong> {activity.title}
              </p>
              <p className="activity-card-state">
                <span className={`activity-status activity-${status}`}>{t('board.activityStatus', { status })}</span>{' '}
                <CompletionBadge level={activity.progress.level} label={t('board.progress')} />
              </p>
              <p className="muted">
                {t('board.activity.period', { from: formatDay(activity.startDate), to: formatDay(activity.endDate) })}
              </p>
              {detailed && (
                <>
                  <p>{activity.objective}</p>
                  <p className="muted">{t('board.activity.verification', { verification: activity.verification })}</p>
                </>
              )}
              <EvidenceList evidence={activity.progress.evidence} position={position} />
              {activity.progress.note && <p className="board-note">{activity.progress.note}</p>}
            </li>
          );
        })}
      </ol>
    </div>
  ));
}

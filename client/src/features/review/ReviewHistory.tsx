import { REVIEW_STATUS_LABELS, type ReviewEvent } from '@cocrea/shared';
import { formatInstant } from '../../i18n/dates';
import { t } from '../../i18n/t';

/** How the version got where it is: its saving by the mesa, then every move, who made it and when. */
export function ReviewHistory({ history }: { history: readonly ReviewEvent[] }) {
  return (
    <section className="review-card" aria-labelledby="version-historial">
      <h2 id="version-historial">{t('review.history.title')}</h2>
      <ol className="review-history">
        {history.map((event, i) => (
          <li key={i}>
            <time dateTime={event.at}>{formatInstant(event.at)}</time>
            <br />
            {event.from === null
              ? t('review.history.saved')
              : t('review.history.moved', {
                  from: REVIEW_STATUS_LABELS[event.from],
                  to: REVIEW_STATUS_LABELS[event.to],
                  by: event.by ?? '',
                })}
          </li>
        ))}
      </ol>
    </section>
  );
}

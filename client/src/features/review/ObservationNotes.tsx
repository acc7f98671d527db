import type { AuthoredObservation } from '@cocrea/shared';
import { formatInstant } from '../../i18n/dates';
import { t } from '../../i18n/t';

/** Observations on one field, in the STL's own view: with who wrote them and when. */
export function ObservationNotes({ observations }: { observations: readonly AuthoredObservation[] }) {
  if (observations.length === 0) return null;
  return (
    <ul className="observation-notes" aria-label={t('review.observations.onField')}>
      {observations.map((o) => (
        <li key={o.id}>
          <p>{o.text}</p>
          <p className="muted">{t('review.observations.by', { author: o.author, date: formatInstant(o.createdAt) })}</p>
        </li>
      ))}
    </ul>
  );
}

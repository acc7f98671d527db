import type { AuthoredObservation, CommitmentField } from '@cocrea/shared';
import { formatInstant } from '../../i18n/dates';
import { t } from '../../i18n/t';

/** Every observation on the version, oldest first, each under the name of its field. */
export function ObservationList({
  observations,
  fields,
}: {
  observations: readonly AuthoredObservation[];
  fields: readonly CommitmentField[];
}) {
  const labels = new Map(fields.map((field) => [field.path, field.label]));
  return (
    <section className="review-card" aria-labelledby="version-observaciones">
      <h2 id="version-observaciones">{t('review.observations.title', { count: observations.length })}</h2>
      {observations.length === 0 ? (
        <p className="empty">{t('review.observations.none')}</p>
      ) : (
        <ol className="observation-list">
          {observations.map((o) => (
            <li key={o.id}>
              <p className="observation-field">
                {o.path === '' ? t('review.observations.general') : (labels.get(o.path) ?? o.path)}
              </p>
              <p>{o.text}</p>
              <p className="muted">
                {t('review.observations.by', { author: o.author, date: formatInstant(o.createdAt) })}
              </p>
              <p className={o.response?.attended ? 'ok' : 'muted'}>
                {o.response?.attended ? t('review.observations.attended') : t('review.observations.pending')}
              </p>
              {o.response && o.response.text !== '' && (
                <p className="observation-answer">{t('review.observations.response', { text: o.response.text })}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

import { spanishMonth, type AuthoredObservation, type CommitmentField } from '@cocrea/shared';
import { formatDay } from '../../i18n/dates';
import { t } from '../../i18n/t';
import { fieldSections } from './fieldSections';
import { ObservationNotes } from './ObservationNotes';
import { ObserveButton } from './ObserveButton';

interface VersionFieldsProps {
  fields: readonly CommitmentField[];
  observations: readonly AuthoredObservation[];
  /** Offered while the version takes observations: picks the field in the observation form. */
  onObserve: ((field: CommitmentField) => void) | null;
}

/** A field's value as people read it: dates spelled out, an empty field said so. */
function shown(field: CommitmentField) {
  if (field.value === '') return <span className="empty">{t('review.fields.empty')}</span>;
  if (/Month$/.test(field.path)) return spanishMonth(field.value);
  return /Date$/.test(field.path) ? formatDay(field.value) : field.value;
}

/** The saved commitment field by field, each with its observations and, while it takes them, "Observar". */
export function VersionFields({ fields, observations, onObserve }: VersionFieldsProps) {
  return (
    <section className="review-card" aria-labelledby="version-campos">
      <h2 id="version-campos">{t('review.fields.title')}</h2>
      {fieldSections(fields).map((section) => (
        <section key={section.title} className="review-section" aria-label={t(section.title)}>
          <h3>{t(section.title)}</h3>
          <dl className="review-fields">
            {section.fields.map((field) => (
              <div key={field.path} className="review-field">
                <dt>{field.label}</dt>
                <dd>
                  <p className="review-value">{shown(field)}</p>
                  <ObservationNotes observations={observations.filter((o) => o.path === field.path)} />
                  {onObserve && <ObserveButton field={field} onObserve={onObserve} />}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </section>
  );
}

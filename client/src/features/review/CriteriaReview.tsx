import { evaluateCriteria, type AuthoredObservation, type Commitment, type CommitmentField } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { CriterionChecks } from '../commitment/CriterionChecks';
import { ObservationNotes } from './ObservationNotes';
import { ObserveButton } from './ObserveButton';

interface CriteriaReviewProps {
  commitment: Commitment;
  fields: readonly CommitmentField[];
  observations: readonly AuthoredObservation[];
  onObserve: ((field: CommitmentField) => void) | null;
}

/**
 * The six criteria as the STL checks them: what the app verified in the saved data, and the group's own answer
 * with its note. An observation on a criterion is made on the group's answer (`criteria.<id>.met`).
 */
export function CriteriaReview({ commitment, fields, observations, onObserve }: CriteriaReviewProps) {
  const byPath = new Map(fields.map((field) => [field.path, field]));
  return (
    <section className="review-card" aria-labelledby="version-criterios">
      <h2 id="version-criterios">{t('commitment.criteria')}</h2>
      <ol className="criteria-review">
        {evaluateCriteria(commitment).map((criterion) => {
          const { met, note } = criterion.selfAssessment;
          const field = byPath.get(`criteria.${criterion.id}.met`);
          return (
            <li key={criterion.id}>
              <h3>
                {criterion.id}. {criterion.title}
              </h3>
              <CriterionChecks criterion={criterion} />
              <p>
                <strong>{t('review.criteria.group')}</strong>{' '}
                {met ? t('commitment.criteria.yes') : t('commitment.criteria.no')}
                {note && ` — ${note}`}
              </p>
              <ObservationNotes
                observations={observations.filter((o) => o.path.startsWith(`criteria.${criterion.id}.`))}
              />
              {onObserve && field && <ObserveButton field={field} onObserve={onObserve} />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

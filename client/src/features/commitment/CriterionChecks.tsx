import { CRITERIA, type CriterionEvaluation } from '@cocrea/shared';
import { t } from '../../i18n/t';

/**
 * A criterion's text and what the app checked of it in the data, or a word that only the group can judge it:
 * the same in the mesa's live checklist and in the STL's review.
 */
export function CriterionChecks({ criterion }: { criterion: CriterionEvaluation }) {
  return (
    <>
      <p className="criterion-text">{CRITERIA[criterion.id].text}</p>
      {criterion.automatic ? (
        <ul className="checks" aria-label={t('commitment.criteria.automatic')}>
          {criterion.automatic.checks.map((check) => (
            <li key={check.label} className={check.ok ? 'check-ok' : 'check-missing'}>
              <span aria-hidden="true">{check.ok ? '✔' : '○'}</span>{' '}
              <span className="visually-hidden">
                {check.ok ? t('commitment.criteria.ok') : t('commitment.criteria.missing')}:
              </span>{' '}
              {check.label}
            </li>
          ))}
        </ul>
      ) : (
        <p className="field-hint">{t('commitment.criteria.judgement')}</p>
      )}
    </>
  );
}

import type * as Y from 'yjs';
import { evaluateCriteria, setCriterionAssessment, type CommitmentDraft } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { CriterionChecks } from './CriterionChecks';
import { FieldObservations } from './FieldObservations';
import { fieldId } from './fieldId';
import { SharedTextField } from './SharedTextField';
import { SECTION_HEADING } from './CommitmentIndex';

interface CriteriaChecklistProps {
  doc: Y.Doc;
  draft: CommitmentDraft;
  readOnly: boolean;
  problemAt(path: string): string | undefined;
}

/**
 * The six criteria as a live checklist: what the data can show is checked as the group writes; whether the
 * commitment meets each criterion is the group's own answer, with a note.
 */
export function CriteriaChecklist({ doc, draft, readOnly, problemAt }: CriteriaChecklistProps) {
  return (
    <section className="commitment-section criteria" aria-labelledby={SECTION_HEADING.criteria}>
      <h3 id={SECTION_HEADING.criteria} tabIndex={-1}>
        {t('commitment.criteria')}
      </h3>
      <p className="field-hint">{t('commitment.criteria.hint')}</p>
      <ol className="criteria-list">
        {evaluateCriteria(draft).map((criterion) => {
          const metPath = `criteria.${criterion.id}.met`;
          const { met } = criterion.selfAssessment;
          return (
            <li key={criterion.id} className="criterion card">
              <h4>
                {criterion.id}. {criterion.title}
              </h4>
              <CriterionChecks criterion={criterion} />
              <fieldset className="choices choices-inline" id={fieldId(metPath)}>
                <legend>{t('commitment.criteria.question', { id: criterion.id })}</legend>
                {([true, false, null] as const).map((value) => (
                  <label key={String(value)} className="choice">
                    <input
                      type="radio"
                      name={`criterio-${criterion.id}`}
                      checked={met === value}
                      disabled={readOnly}
                      onChange={() => setCriterionAssessment(doc, criterion.id, value)}
                    />
                    {t(
                      value === true
                        ? 'commitment.criteria.yes'
                        : value === false
                          ? 'commitment.criteria.no'
                          : 'commitment.criteria.unanswered',
                    )}
                  </label>
                ))}
                {problemAt(metPath) && <p className="field-problem">{problemAt(metPath)}</p>}
                <FieldObservations path={metPath} />
              </fieldset>
              <SharedTextField
                doc={doc}
                path={`criteria.${criterion.id}.note`}
                label={t('commitment.criteria.note', { id: criterion.id })}
                multiline={false}
                readOnly={readOnly}
                problem={problemAt(`criteria.${criterion.id}.note`)}
              />
            </li>
          );
        })}
      </ol>
    </section>
  );
}

import { useMemo } from 'react';
import type * as Y from 'yjs';
import {
  addMonths,
  addRouteStep,
  buildCronograma,
  COMMITMENT_LIMITS,
  monthOf,
  monthsBetween,
  setRouteStepMonths,
  spanishMonth,
  type CommitmentDraft,
} from '@cocrea/shared';
import { currentMonth } from '../../i18n/dates';
import { t } from '../../i18n/t';
import { CronogramaGrid } from '../cronograma/CronogramaGrid';
import { FieldObservations } from './FieldObservations';
import { fieldId, focusWhenRendered } from './fieldId';
import { ItemControls } from './ItemControls';
import { fieldLabel } from './labels';
import { SharedTextField } from './SharedTextField';
import { SECTION_HEADING } from './CommitmentIndex';

interface RouteStepsProps {
  doc: Y.Doc;
  draft: CommitmentDraft;
  readOnly: boolean;
  problemAt(path: string): string | undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The months a step may take: the commitment's period once both its dates are set (at most 25 months), otherwise
 * a year back and two ahead of today; and whatever a step already has, so that a choice never disappears.
 */
function monthChoices(draft: CommitmentDraft): string[] {
  const { startDate, endDate } = draft;
  const period =
    startDate && endDate && DATE.test(startDate) && DATE.test(endDate) && endDate >= startDate
      ? { from: monthOf(startDate), count: Math.min(monthsBetween(monthOf(startDate), monthOf(endDate)) + 1, 25) }
      : { from: addMonths(currentMonth(), -12), count: 37 };
  const months = new Set(Array.from({ length: period.count }, (_, i) => addMonths(period.from, i)));
  for (const step of draft.route) {
    for (const month of [step.startMonth, step.endMonth]) if (month) months.add(month);
  }
  return [...months].sort();
}

/**
 * The route to fulfilment (seed 001): ordered steps, each a short text with the months it takes; then the
 * cronograma of the steps and the activities, live.
 */
export function RouteSteps({ doc, draft, readOnly, problemAt }: RouteStepsProps) {
  const { route } = draft;
  const choices = useMemo(() => monthChoices(draft), [draft]);
  const cronograma = useMemo(() => buildCronograma(draft), [draft]);
  return (
    <section className="commitment-section" aria-labelledby={SECTION_HEADING.route}>
      <h3 id={SECTION_HEADING.route} tabIndex={-1}>
        {fieldLabel('route')}
      </h3>
      <p className="field-hint">{t('route.hint')}</p>
      <div id={fieldId('route')} tabIndex={-1}>
        {route.length === 0 && <p className="empty">{t('route.empty')}</p>}
      </div>
      <ol className="route-steps">
        {route.map((step, i) => {
          const name = `${fieldLabel('route.*')} ${i + 1}`;
          const base = `route.${step.id}` as const;
          return (
            <li key={step.id} className="route-step card">
              <div className="item-head">
                <h4>{name}</h4>
                <ItemControls
                  doc={doc}
                  itemId={step.id}
                  index={i}
                  count={route.length}
                  name={name}
                  confirmRemoval={step.text.trim() !== ''}
                  readOnly={readOnly}
                />
              </div>
              <SharedTextField
                doc={doc}
                path={`${base}.text`}
                label={fieldLabel('route.*.text')}
                multiline={false}
                readOnly={readOnly}
                problem={problemAt(`${base}.text`)}
              />
              <div className="field-row">
                {(['startMonth', 'endMonth'] as const).map((key) => {
                  const path = `${base}.${key}`;
                  const problem = problemAt(path);
                  return (
                    <div key={key} className={`field${problem ? ' field-invalid' : ''}`}>
                      <label htmlFor={fieldId(path)}>{fieldLabel(`route.*.${key}`)}</label>
                      <select
                        id={fieldId(path)}
                        value={step[key] ?? ''}
                        disabled={readOnly}
                        aria-invalid={problem ? true : undefined}
                        aria-describedby={problem ? `${fieldId(path)}-problem` : undefined}
                        onChange={(event) => setRouteStepMonths(doc, step.id, { [key]: event.target.value || null })}
                      >
                        <option value="">{t('route.noMonth')}</option>
                        {choices.map((month) => (
                          <option key={month} value={month}>
                            {spanishMonth(month)}
                          </option>
                        ))}
                      </select>
                      {problem && (
                        <p className="field-problem" id={`${fieldId(path)}-problem`}>
                          {problem}
                        </p>
                      )}
                      <FieldObservations path={path} />
                    </div>
                  );
                })}
              </div>
            </li>
          );
        })}
      </ol>
      {!readOnly && route.length < COMMITMENT_LIMITS.items && (
        <button type="button" onClick={() => focusWhenRendered(`route.${addRouteStep(doc)}.text`)}>
          {t('route.add')}
        </button>
      )}
      <h4 className="cronograma-heading">{t('cronograma.title')}</h4>
      <CronogramaGrid cronograma={cronograma} caption={t('cronograma.caption')} />
    </section>
  );
}

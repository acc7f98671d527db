import { useId } from 'react';
import { AGENDA_LIMITS, type AgendaStage } from '@cocrea/shared';
import { t } from '../../i18n/t';

type Details = Pick<AgendaStage, 'responsible' | 'dynamic' | 'materials' | 'questions'>;

/** A list as the facilitator types it (materials, questions): one item per line, blank lines ignored. */
function linesFromText(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * What the stage banner shows with a stage's name (who leads it, the dynamic, the materials, the guiding questions),
 * folded under the stage's row of the agenda editor so the table stays readable. Each field is saved when it is
 * left, like the rest of the editor.
 */
export function StageDetailsEditor({
  stage,
  number,
  onChange,
}: {
  stage: AgendaStage;
  number: number;
  onChange(details: Partial<Details>): void;
}) {
  const id = useId();
  const materials = stage.materials.join('\n');
  const questions = (stage.questions ?? []).join('\n');
  return (
    <details className="editor-details">
      <summary>{t('agenda.editor.detailsOf', { number })}</summary>
      <div className="editor-details-fields">
        <label htmlFor={`${id}-responsible`}>{t('agenda.editor.responsible')}</label>
        <input
          id={`${id}-responsible`}
          key={stage.responsible}
          defaultValue={stage.responsible}
          maxLength={AGENDA_LIMITS.responsibleMax}
          onBlur={(e) => e.target.value !== stage.responsible && onChange({ responsible: e.target.value })}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
        <label htmlFor={`${id}-dynamic`}>{t('agenda.editor.dynamic')}</label>
        <textarea
          id={`${id}-dynamic`}
          key={stage.dynamic}
          defaultValue={stage.dynamic}
          maxLength={AGENDA_LIMITS.dynamicMax}
          rows={3}
          onBlur={(e) => e.target.value !== stage.dynamic && onChange({ dynamic: e.target.value })}
        />
        <label htmlFor={`${id}-materials`}>{t('agenda.editor.materials')}</label>
        <textarea
          id={`${id}-materials`}
          key={materials}
          defaultValue={materials}
          rows={3}
          aria-describedby={`${id}-materials-hint`}
          onBlur={(e) =>
            linesFromText(e.target.value).join('\n') !== materials &&
            onChange({ materials: linesFromText(e.target.value) })
          }
        />
        <p id={`${id}-materials-hint`} className="muted">
          {t('agenda.editor.materialsHint', { max: AGENDA_LIMITS.maxMaterials })}
        </p>
        <label htmlFor={`${id}-questions`}>{t('agenda.editor.questions')}</label>
        <textarea
          id={`${id}-questions`}
          key={questions}
          defaultValue={questions}
          rows={4}
          aria-describedby={`${id}-questions-hint`}
          onBlur={(e) =>
            linesFromText(e.target.value).join('\n') !== questions &&
            onChange({ questions: linesFromText(e.target.value) })
          }
        />
        <p id={`${id}-questions-hint`} className="muted">
          {t('agenda.editor.questionsHint', { max: AGENDA_LIMITS.maxQuestions })}
        </p>
      </div>
    </details>
  );
}

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

/** A list edited as text, one item a line; saved on leaving the field if the items changed. */
function ListField({
  label,
  hint,
  items,
  rows,
  onChange,
}: {
  label: string;
  hint: string;
  items: readonly string[];
  rows: number;
  onChange(items: string[]): void;
}) {
  const id = useId();
  const text = items.join('\n');
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        key={text}
        defaultValue={text}
        rows={rows}
        aria-describedby={`${id}-hint`}
        onBlur={(e) => {
          const next = linesFromText(e.target.value);
          if (next.join('\n') !== text) onChange(next);
        }}
      />
      <p id={`${id}-hint`} className="muted">
        {hint}
      </p>
    </>
  );
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
        <ListField
          label={t('agenda.editor.materials')}
          hint={t('agenda.editor.materialsHint', { max: AGENDA_LIMITS.maxMaterials })}
          items={stage.materials}
          rows={3}
          onChange={(materials) => onChange({ materials })}
        />
        <ListField
          label={t('agenda.editor.questions')}
          hint={t('agenda.editor.questionsHint', { max: AGENDA_LIMITS.maxQuestions })}
          items={stage.questions ?? []}
          rows={4}
          onChange={(questions) => onChange({ questions })}
        />
      </div>
    </details>
  );
}

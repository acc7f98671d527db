import type * as Y from 'yjs';
import {
  fieldTarget,
  ODS_NAMES,
  ODS_NUMBERS,
  PRINCIPLES,
  setPrinciples,
  toggleOds,
  type CommitmentDraft,
  type Principle,
} from '@cocrea/shared';
import { t } from '../../i18n/t';
import { FieldComments } from '../comments/FieldComments';
import { FieldObservations } from './FieldObservations';
import { fieldId } from './fieldId';
import { fieldLabel } from './labels';
import { SharedTextField } from './SharedTextField';
import { SECTION_HEADING } from './CommitmentIndex';

interface AlignmentProps {
  doc: Y.Doc;
  draft: CommitmentDraft;
  readOnly: boolean;
  problemAt(path: string): string | undefined;
}

/** Open-government principles, SDGs, the gender perspective and the state's priorities (criteria IV to VI). */
export function Alignment({ doc, draft, readOnly, problemAt }: AlignmentProps) {
  const togglePrinciple = (principle: Principle, on: boolean) => {
    const chosen = draft.principles.filter((p) => p !== principle);
    setPrinciples(doc, on ? [...chosen, principle] : chosen);
  };
  return (
    <section className="commitment-section" aria-labelledby={SECTION_HEADING.alignment}>
      <h3 id={SECTION_HEADING.alignment} tabIndex={-1}>
        {t('commitment.alignment')}
      </h3>
      <fieldset
        className="choices"
        id={fieldId('principles')}
        aria-invalid={problemAt('principles') ? true : undefined}
      >
        <legend>{fieldLabel('principles')}</legend>
        {(Object.entries(PRINCIPLES) as [Principle, string][]).map(([slug, label]) => (
          <label key={slug} className="choice">
            <input
              type="checkbox"
              checked={draft.principles.includes(slug)}
              disabled={readOnly}
              onChange={(event) => togglePrinciple(slug, event.target.checked)}
            />
            {label}
          </label>
        ))}
        {problemAt('principles') && <p className="field-problem">{problemAt('principles')}</p>}
        <FieldObservations path="principles" />
        <FieldComments target={fieldTarget('principles')} label={fieldLabel('principles')} />
      </fieldset>
      <fieldset className="choices choices-ods" id={fieldId('ods')}>
        <legend>{fieldLabel('ods')}</legend>
        {ODS_NUMBERS.map((n) => (
          <label key={n} className="choice">
            <input
              type="checkbox"
              checked={draft.ods.includes(n)}
              disabled={readOnly}
              onChange={() => toggleOds(doc, n)}
            />
            {t('commitment.ods', { number: n, name: ODS_NAMES[n] })}
          </label>
        ))}
        <FieldObservations path="ods" />
        <FieldComments target={fieldTarget('ods')} label={fieldLabel('ods')} />
      </fieldset>
      <SharedTextField
        doc={doc}
        path="genderPerspective"
        label={fieldLabel('genderPerspective')}
        readOnly={readOnly}
        problem={problemAt('genderPerspective')}
      />
      <SharedTextField
        doc={doc}
        path="statePriorities"
        label={fieldLabel('statePriorities')}
        readOnly={readOnly}
        problem={problemAt('statePriorities')}
      />
    </section>
  );
}

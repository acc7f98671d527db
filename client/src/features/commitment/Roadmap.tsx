import type * as Y from 'yjs';
import {
  addIndicator,
  addProduct,
  addResponsible,
  COMMITMENT_LIMITS,
  setCommitmentField,
  type CommitmentDraft,
} from '@cocrea/shared';
import { t } from '../../i18n/t';
import { DateField } from './DateField';
import { fieldId, focusWhenRendered } from './fieldId';
import { ItemControls } from './ItemControls';
import { fieldLabel } from './labels';
import { SharedTextField } from './SharedTextField';
import { SECTION_HEADING } from './CommitmentIndex';

interface RoadmapProps {
  doc: Y.Doc;
  draft: CommitmentDraft;
  readOnly: boolean;
  problemAt(path: string): string | undefined;
}

/**
 * The roadmap (hoja de ruta): who is responsible and co-responsible, the final result, expected products,
 * indicators and the commitment's dates. The activities, its third element, are the lines of action's.
 */
export function Roadmap({ doc, draft, readOnly, problemAt }: RoadmapProps) {
  const { responsibles, products, indicators } = draft;
  return (
    <section className="commitment-section" aria-labelledby={SECTION_HEADING.roadmap}>
      <h3 id={SECTION_HEADING.roadmap} tabIndex={-1}>
        {t('commitment.roadmap')}
      </h3>

      <fieldset className="list-field">
        <legend id={fieldId('responsibles')} tabIndex={-1}>
          {fieldLabel('responsibles')}
        </legend>
        {problemAt('responsibles') && <p className="field-problem">{problemAt('responsibles')}</p>}
        {responsibles.length === 0 && <p className="empty">{t('commitment.responsibles.empty')}</p>}
        {responsibles.map((person, i) => {
          const name = `${fieldLabel('responsibles.*')} ${i + 1}`;
          return (
            <div key={person.id} className="list-item card">
              <div className="item-head">
                <h4>{name}</h4>
                <ItemControls
                  doc={doc}
                  itemId={person.id}
                  index={i}
                  count={responsibles.length}
                  name={name}
                  confirmRemoval={person.name.trim() !== ''}
                  readOnly={readOnly}
                />
              </div>
              <div className="field-row">
                {(['name', 'position', 'institution'] as const).map((field) => (
                  <SharedTextField
                    key={field}
                    doc={doc}
                    path={`responsibles.${person.id}.${field}`}
                    label={fieldLabel(`responsibles.*.${field}`)}
                    multiline={false}
                    readOnly={readOnly}
                    problem={problemAt(`responsibles.${person.id}.${field}`)}
                  />
                ))}
              </div>
            </div>
          );
        })}
        {!readOnly && responsibles.length < COMMITMENT_LIMITS.items && (
          <button type="button" onClick={() => focusWhenRendered(`responsibles.${addResponsible(doc)}.name`)}>
            {t('commitment.responsibles.add')}
          </button>
        )}
      </fieldset>

      <fieldset className="list-field">
        <legend>{fieldLabel('coResponsible')}</legend>
        <div className="field-row">
          <SharedTextField
            doc={doc}
            path="coResponsible.organization"
            label={fieldLabel('coResponsible.organization')}
            multiline={false}
            readOnly={readOnly}
            problem={problemAt('coResponsible.organization')}
          />
          <SharedTextField
            doc={doc}
            path="coResponsible.person"
            label={fieldLabel('coResponsible.person')}
            multiline={false}
            readOnly={readOnly}
            problem={problemAt('coResponsible.person')}
          />
        </div>
      </fieldset>

      <SharedTextField
        doc={doc}
        path="finalResult"
        label={fieldLabel('finalResult')}
        readOnly={readOnly}
        problem={problemAt('finalResult')}
      />

      <fieldset className="list-field">
        <legend id={fieldId('products')} tabIndex={-1}>
          {fieldLabel('products')}
        </legend>
        {problemAt('products') && <p className="field-problem">{problemAt('products')}</p>}
        {products.length === 0 && <p className="empty">{t('commitment.products.empty')}</p>}
        {products.map((product, i) => {
          const name = `${fieldLabel('products.*')} ${i + 1}`;
          return (
            <div key={product.id} className="list-item list-item-inline">
              <SharedTextField
                doc={doc}
                path={`products.${product.id}.text`}
                label={name}
                multiline={false}
                readOnly={readOnly}
                problem={problemAt(`products.${product.id}.text`)}
              />
              <ItemControls
                doc={doc}
                itemId={product.id}
                index={i}
                count={products.length}
                name={name}
                confirmRemoval={product.text.trim() !== ''}
                readOnly={readOnly}
              />
            </div>
          );
        })}
        {!readOnly && products.length < COMMITMENT_LIMITS.items && (
          <button type="button" onClick={() => focusWhenRendered(`products.${addProduct(doc)}.text`)}>
            {t('commitment.products.add')}
          </button>
        )}
      </fieldset>

      <fieldset className="list-field">
        <legend id={fieldId('indicators')} tabIndex={-1}>
          {fieldLabel('indicators')}
        </legend>
        {problemAt('indicators') && <p className="field-problem">{problemAt('indicators')}</p>}
        {indicators.length === 0 && <p className="empty">{t('commitment.indicators.empty')}</p>}
        {indicators.map((indicator, i) => {
          const name = `${fieldLabel('indicators.*')} ${i + 1}`;
          return (
            <div key={indicator.id} className="list-item card">
              <div className="item-head">
                <h4>{name}</h4>
                <ItemControls
                  doc={doc}
                  itemId={indicator.id}
                  index={i}
                  count={indicators.length}
                  name={name}
                  confirmRemoval={indicator.name.trim() !== ''}
                  readOnly={readOnly}
                />
              </div>
              <div className="field-row">
                {(['name', 'formula', 'goal'] as const).map((field) => (
                  <SharedTextField
                    key={field}
                    doc={doc}
                    path={`indicators.${indicator.id}.${field}`}
                    label={fieldLabel(`indicators.*.${field}`)}
                    multiline={false}
                    readOnly={readOnly}
                    problem={problemAt(`indicators.${indicator.id}.${field}`)}
                  />
                ))}
              </div>
            </div>
          );
        })}
        {!readOnly && indicators.length < COMMITMENT_LIMITS.items && (
          <button type="button" onClick={() => focusWhenRendered(`indicators.${addIndicator(doc)}.name`)}>
            {t('commitment.indicators.add')}
          </button>
        )}
      </fieldset>

      <div className="field-row">
        <DateField
          path="startDate"
          label={fieldLabel('startDate')}
          value={draft.startDate}
          readOnly={readOnly}
          onChange={(value) => setCommitmentField(doc, 'startDate', value)}
          problem={problemAt('startDate')}
        />
        <DateField
          path="endDate"
          label={fieldLabel('endDate')}
          value={draft.endDate}
          readOnly={readOnly}
          onChange={(value) => setCommitmentField(doc, 'endDate', value)}
          problem={problemAt('endDate')}
        />
      </div>
    </section>
  );
}

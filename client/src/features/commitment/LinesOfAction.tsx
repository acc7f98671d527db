import type * as Y from 'yjs';
import {
  addActivity,
  addLineOfAction,
  COMMITMENT_LIMITS,
  setActivityDates,
  type CommitmentDraft,
  type Tree,
} from '@cocrea/shared';
import { t } from '../../i18n/t';
import { DateField } from './DateField';
import { fieldId, focusWhenRendered } from './fieldId';
import { ItemControls } from './ItemControls';
import { fieldLabel } from './labels';
import { SharedTextField } from './SharedTextField';
import { SECTION_HEADING } from './CommitmentIndex';
import { useLineRanking } from '../votes/VoteContext';
import { VoteDots } from '../votes/VoteDots';
import { VoteRank } from '../votes/VoteRank';

const LINE_VOTES = ['linea'] as const;

interface LinesOfActionProps {
  doc: Y.Doc;
  lines: CommitmentDraft['linesOfAction'];
  tree: Tree;
  readOnly: boolean;
  problemAt(path: string): string | undefined;
}

/** The lines of action, each with its activities: what, what for, how it is verified, and when. */
export function LinesOfAction({ doc, lines, tree, readOnly, problemAt }: LinesOfActionProps) {
  const ranking = useLineRanking();
  return (
    <section className="commitment-section" aria-labelledby={SECTION_HEADING.lines}>
      <h3 id={SECTION_HEADING.lines} tabIndex={-1}>
        {fieldLabel('linesOfAction')}
      </h3>
      <p className="field-hint">{t('commitment.lines.hint')}</p>
      <div id={fieldId('linesOfAction')} tabIndex={-1}>
        {problemAt('linesOfAction') && <p className="field-problem">{problemAt('linesOfAction')}</p>}
        {lines.length === 0 && <p className="empty">{t('commitment.lines.empty')}</p>}
      </div>
      <ol className="lines">
        {lines.map((line, l) => {
          const name = `${fieldLabel('linesOfAction.*')} ${l + 1}`;
          const means = line.meansId ? tree.nodes.get(line.meansId) : undefined;
          return (
            <li key={line.id} className="line card">
              <div className="item-head">
                <h4>{name}</h4>
                <VoteRank result={ranking?.get(line.id)} />
                <VoteDots itemId={line.id} label={() => line.title.trim()} targets={LINE_VOTES} />
                <ItemControls
                  doc={doc}
                  itemId={line.id}
                  index={l}
                  count={lines.length}
                  name={name}
                  confirmRemoval={line.title.trim() !== '' || line.activities.length > 0}
                  readOnly={readOnly}
                />
              </div>
              {means && (
                <p className="field-hint">{t('commitment.lines.fromMeans', { text: means.objective || means.text })}</p>
              )}
              <SharedTextField
                doc={doc}
                path={`linesOfAction.${line.id}.title`}
                label={fieldLabel('linesOfAction.*.title')}
                readOnly={readOnly}
                problem={problemAt(`linesOfAction.${line.id}.title`)}
              />
              <div id={fieldId(`linesOfAction.${line.id}.activities`)} tabIndex={-1}>
                {problemAt(`linesOfAction.${line.id}.activities`) && (
                  <p className="field-problem">{problemAt(`linesOfAction.${line.id}.activities`)}</p>
                )}
              </div>
              <ol className="activities">
                {line.activities.map((activity, a) => {
                  const activityName = `${name} › ${fieldLabel('linesOfAction.*.activities.*')} ${a + 1}`;
                  const base = `linesOfAction.${line.id}.activities.${activity.id}` as const;
                  return (
                    <li key={activity.id} className="activity">
                      <div className="item-head">
                        <h5>
                          {fieldLabel('linesOfAction.*.activities.*')} {l + 1}.{a + 1}
                        </h5>
                        <ItemControls
                          doc={doc}
                          itemId={activity.id}
                          index={a}
                          count={line.activities.length}
                          name={activityName}
                          confirmRemoval={activity.title.trim() !== '' || activity.objective.trim() !== ''}
                          readOnly={readOnly}
                        />
                      </div>
                      <SharedTextField
                        doc={doc}
                        path={`${base}.title`}
                        label={fieldLabel('linesOfAction.*.activities.*.title')}
                        readOnly={readOnly}
                        problem={problemAt(`${base}.title`)}
                      />
                      <SharedTextField
                        doc={doc}
                        path={`${base}.objective`}
                        label={fieldLabel('linesOfAction.*.activities.*.objective')}
                        readOnly={readOnly}
                        problem={problemAt(`${base}.objective`)}
                      />
                      <SharedTextField
                        doc={doc}
                        path={`${base}.verification`}
                        label={fieldLabel('linesOfAction.*.activities.*.verification')}
                        readOnly={readOnly}
                        multiline={false}
                        problem={problemAt(`${base}.verification`)}
                      />
                      <div className="field-row">
                        <DateField
                          path={`${base}.startDate`}
                          label={fieldLabel('linesOfAction.*.activities.*.startDate')}
                          value={activity.startDate}
                          readOnly={readOnly}
                          onChange={(startDate) => setActivityDates(doc, activity.id, { startDate })}
                          problem={problemAt(`${base}.startDate`)}
                        />
                        <DateField
                          path={`${base}.endDate`}
                          label={fieldLabel('linesOfAction.*.activities.*.endDate')}
                          value={activity.endDate}
                          readOnly={readOnly}
                          onChange={(endDate) => setActivityDates(doc, activity.id, { endDate })}
                          problem={problemAt(`${base}.endDate`)}
                        />
                      </div>
                    </li>
                  );
                })}
              </ol>
              {!readOnly && line.activities.length < COMMITMENT_LIMITS.items && (
                <button
                  type="button"
                  onClick={() =>
                    focusWhenRendered(`linesOfAction.${line.id}.activities.${addActivity(doc, line.id)}.title`)
                  }
                >
                  {t('commitment.lines.addActivity', { name })}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {!readOnly && lines.length < COMMITMENT_LIMITS.items && (
        <button type="button" onClick={() => focusWhenRendered(`linesOfAction.${addLineOfAction(doc)}.title`)}>
          {t('commitment.lines.add')}
        </button>
      )}
    </section>
  );
}

import { useMemo, useState } from 'react';
import {
  COMMITMENT_TYPES,
  fieldTarget,
  missingFields,
  setCommitmentField,
  setCommitmentText,
  THEMES,
  TREE_ROOT_ID,
  type Mesa,
  type MesaObservation,
  type Role,
  type Theme,
} from '@cocrea/shared';
import { t } from '../../i18n/t';
import { FieldComments } from '../comments/FieldComments';
import type { MesaConnection } from '../../sync/MesaConnection';
import { useTree } from '../tree/useTree';
import { Alignment } from './Alignment';
import { CriteriaChecklist } from './CriteriaChecklist';
import { FieldObservations, observationsId } from './FieldObservations';
import { fieldId } from './fieldId';
import { fieldLabel } from './labels';
import { LinesOfAction } from './LinesOfAction';
import { FieldObservationsContext, outstandingObservations } from './observations';
import { Roadmap } from './Roadmap';
import { RouteSteps } from './RouteSteps';
import { SavePanel } from './SavePanel';
import { SharedTextField } from './SharedTextField';
import { useCommitmentDraft } from './useCommitmentDraft';
import { useCommitmentUndo } from './useCommitmentUndo';
import { useVersionReview } from './useVersionReview';
import { CommitmentIndex, SECTION_HEADING } from './CommitmentIndex';

interface CommitmentWorkspaceProps {
  connection: MesaConnection;
  mesa: Mesa;
  role: Role;
  token: string;
  /** Observers, and everyone while the agenda keeps the commitment locked. */
  readOnly: boolean;
  locked: boolean;
}

/**
 * The commitment the mesa drafts together (Etapas 4, 5 and 7): the form, every field shared live, beside the
 * criteria checklist and the save panel.
 */
export function CommitmentWorkspace({ connection, mesa, role, token, readOnly, locked }: CommitmentWorkspaceProps) {
  const { doc } = connection;
  const draft = useCommitmentDraft(doc);
  const tree = useTree(doc);
  const [showProblems, setShowProblems] = useState(false);
  const review = useVersionReview(mesa.id, token, connection.onNotice);
  const undo = useCommitmentUndo(doc, readOnly);
  const observationsByPath = useMemo(() => {
    const byPath = new Map<string, MesaObservation[]>();
    for (const o of outstandingObservations(review.observations, review.versions ?? [])) {
      byPath.set(o.path, [...(byPath.get(o.path) ?? []), o]);
    }
    return byPath;
  }, [review.observations, review.versions]);

  // What "Guardar compromiso" sends: the mesa is always this one, its theme is the default, and the type is the
  // mesa's kind, never chosen (a mesa de cocreación drafts a mesa's commitment, a compromiso proactivo a proactive one).
  const payload = useMemo(
    () => ({ ...draft, mesaId: mesa.id, theme: draft.theme ?? mesa.theme, type: mesa.kind }),
    [draft, mesa],
  );
  const problems = useMemo(() => missingFields(payload), [payload]);
  const problemByPath = useMemo(() => new Map(problems.map((p) => [p.path, p.message])), [problems]);
  const problemAt = (path: string) => (showProblems ? problemByPath.get(path) : undefined);

  const treeProblem = tree.root.text.trim();
  const treeObjective = tree.root.objective.trim();

  return (
    <FieldObservationsContext value={observationsByPath}>
      <div className="commitment" onKeyDown={undo.onKeyDown} onFocus={undo.onFocus}>
        <CommitmentIndex />
        <form className="commitment-form" aria-labelledby="compromiso-titulo" onSubmit={(e) => e.preventDefault()}>
          <h2 id="compromiso-titulo">{t('commitment.title')}</h2>
          {!readOnly && (
            <p className="commitment-undo">
              <button type="button" onClick={undo.undo} aria-keyshortcuts="Control+Z">
                {t('commitment.undo')}
              </button>{' '}
              <button type="button" onClick={undo.redo} aria-keyshortcuts="Control+Shift+Z Control+Y">
                {t('commitment.redo')}
              </button>
            </p>
          )}
          {locked && <p className="banner-info">{t('commitment.locked')}</p>}

          <section className="commitment-section" aria-labelledby={SECTION_HEADING.general}>
            <h3 id={SECTION_HEADING.general} tabIndex={-1}>
              {t('commitment.general')}
            </h3>
            <SharedTextField
              doc={doc}
              path="title"
              label={fieldLabel('title')}
              readOnly={readOnly}
              multiline={false}
              problem={problemAt('title')}
              hint={t('commitment.name.hint')}
            />
            {!readOnly && draft.title.trim() === '' && (
              <button type="button" onClick={() => setCommitmentText(doc, 'title', mesa.title)}>
                {t('commitment.name.useMesa', { kind: mesa.kind, title: mesa.title })}
              </button>
            )}
            <div className="field">
              <p className="field-static">
                <span className="field-static-label">{fieldLabel('type')}:</span> {COMMITMENT_TYPES[payload.type]}
              </p>
              <p className="field-hint">
                {t(mesa.kind === 'proactivo' ? 'commitment.type.hint.proactivo' : 'commitment.type.hint')}
              </p>
            </div>
            <SharedTextField
              doc={doc}
              path="leadInstitution"
              label={fieldLabel('leadInstitution')}
              readOnly={readOnly}
              multiline={false}
              problem={problemAt('leadInstitution')}
              hint={t('commitment.leadInstitution.hint')}
            />
            <div className="field">
              <label htmlFor={fieldId('theme')}>{fieldLabel('theme')}</label>
              <select
                id={fieldId('theme')}
                value={draft.theme ?? mesa.theme}
                disabled={readOnly}
                aria-describedby={observationsByPath.has('theme') ? observationsId('theme') : undefined}
                onChange={(event) => setCommitmentField(doc, 'theme', event.target.value as Theme)}
              >
                {(Object.entries(THEMES) as [Theme, string][]).map(([slug, label]) => (
                  <option key={slug} value={slug}>
                    {label}
                  </option>
                ))}
              </select>
              <FieldObservations path="theme" />
              <FieldComments target={fieldTarget('theme')} label={fieldLabel('theme')} />
            </div>
            <SharedTextField
              doc={doc}
              path="problem"
              label={fieldLabel('problem')}
              readOnly={readOnly}
              problem={problemAt('problem')}
              hint={
                treeProblem ? t('commitment.problem.fromTree', { text: treeProblem }) : t('commitment.problem.hint')
              }
            />
            {!readOnly && treeProblem && draft.problem.trim() !== treeProblem && (
              <button
                type="button"
                onClick={() => {
                  setCommitmentText(doc, 'problem', treeProblem);
                  setCommitmentField(doc, 'problemNodeId', TREE_ROOT_ID);
                }}
              >
                {t('commitment.problem.useTree')}
              </button>
            )}
            <SharedTextField
              doc={doc}
              path="longTermObjective"
              label={fieldLabel('longTermObjective')}
              readOnly={readOnly}
              problem={problemAt('longTermObjective')}
              hint={treeObjective ? t('commitment.objective.fromTree', { text: treeObjective }) : undefined}
            />
            {!readOnly && treeObjective && draft.longTermObjective.trim() !== treeObjective && (
              <button type="button" onClick={() => setCommitmentText(doc, 'longTermObjective', treeObjective)}>
                {t('commitment.objective.useTree')}
              </button>
            )}
            <SharedTextField
              doc={doc}
              path="commitment"
              label={fieldLabel('commitment')}
              readOnly={readOnly}
              problem={problemAt('commitment')}
            />
          </section>

          <LinesOfAction doc={doc} lines={draft.linesOfAction} tree={tree} readOnly={readOnly} problemAt={problemAt} />
          <Roadmap doc={doc} draft={draft} readOnly={readOnly} problemAt={problemAt} />
          <RouteSteps doc={doc} draft={draft} readOnly={readOnly} problemAt={problemAt} />
          <Alignment doc={doc} draft={draft} readOnly={readOnly} problemAt={problemAt} />
          <CriteriaChecklist doc={doc} draft={draft} readOnly={readOnly} problemAt={problemAt} />
        </form>
        <aside className="commitment-aside" aria-label={t('commitment.aside')}>
          <SavePanel
            mesaId={mesa.id}
            token={token}
            role={role}
            payload={payload}
            problems={problems}
            onShowProblems={() => setShowProblems(true)}
            review={review}
            draft={draft}
          />
        </aside>
      </div>
    </FieldObservationsContext>
  );
}

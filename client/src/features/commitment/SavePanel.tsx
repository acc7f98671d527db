import { useRef, useState } from 'react';
import {
  REVIEW_STATUS_LABELS,
  versionStageLabel,
  type CommitmentDraft,
  type CommitmentProblem,
  type CommitmentVersion,
  type Role,
} from '@cocrea/shared';
import { saveCommitmentVersion } from '../../api/commitment';
import { ApiFailure } from '../../api/request';
import { t } from '../../i18n/t';
import { versionPrintPath } from '../../routes';
import { fieldId, focusField } from './fieldId';
import { formatInstant } from '../../i18n/dates';
import { StlObservations } from './StlObservations';
import type { VersionReview } from './useVersionReview';
import { SECTION_HEADING } from './CommitmentIndex';

interface SavePanelProps {
  mesaId: string;
  token: string;
  role: Role;
  /** The draft as it would be saved (the mesa's id and theme filled in). */
  payload: Record<string, unknown>;
  problems: CommitmentProblem[];
  /** Marks the problems next to their fields once someone asked to save or to see them. */
  onShowProblems(): void;
  /** The saved versions with the STL's review of them. */
  review: VersionReview;
  /** The live draft, to name the fields the STL's observations point at. */
  draft: CommitmentDraft;
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: CommitmentVersion }
  | { kind: 'failed'; message: string };

/**
 * Saving the commitment: what is still missing (each item jumps to its field), "Guardar compromiso" for the
 * facilitator, the saved versions with their review status, and the STL's observations. A failed save loses nothing: the draft lives in the shared document, and
 * the same button tries again.
 */
export function SavePanel(props: SavePanelProps) {
  const { mesaId, token, role, payload, problems, onShowProblems, review, draft } = props;
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const { versions, error: listError, refresh } = review;
  const problemsHeading = useRef<HTMLHeadingElement>(null);

  const save = async () => {
    if (problems.length > 0) {
      onShowProblems();
      problemsHeading.current?.focus();
      return;
    }
    setState({ kind: 'saving' });
    try {
      const version = await saveCommitmentVersion(mesaId, token, payload);
      setState({ kind: 'saved', version });
      refresh();
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof ApiFailure ? error.message : t('error.generic') });
    }
  };

  return (
    <section className="save-panel card" aria-labelledby={SECTION_HEADING.save}>
      <h3 id={SECTION_HEADING.save} tabIndex={-1}>
        {t('commitment.save.title')}
      </h3>
      {role === 'facilitator' ? (
        <button type="button" className="primary" onClick={() => void save()} disabled={state.kind === 'saving'}>
          {state.kind === 'saving' ? t('commitment.save.saving') : t('commitment.save.button')}
        </button>
      ) : (
        <p className="field-hint">{t('commitment.save.facilitatorOnly')}</p>
      )}
      <div role="status" aria-live="polite" className="save-result">
        {state.kind === 'saved' && (
          <p className="ok">
            {t('commitment.save.saved', {
              number: state.version.number,
              stage: versionStageLabel(state.version.stage),
            })}{' '}
            <a href={versionPrintPath(mesaId, state.version.number)} target="_blank" rel="noreferrer">
              {t('commitment.versions.print')}
            </a>
          </p>
        )}
      </div>
      {state.kind === 'failed' && (
        <div role="alert" className="banner-error">
          <p>{t('commitment.save.failed', { message: state.message })}</p>
          <button type="button" onClick={() => void save()}>
            {t('error.retry')}
          </button>
        </div>
      )}

      <h4 ref={problemsHeading} tabIndex={-1} id="falta-titulo">
        {problems.length === 0
          ? t('commitment.missing.none')
          : t('commitment.missing.title', { count: problems.length })}
      </h4>
      {problems.length > 0 && (
        <ul className="missing-list" aria-labelledby="falta-titulo">
          {problems.map((problem) => (
            <li key={problem.path}>
              <a
                href={`#${fieldId(problem.path)}`}
                onClick={(event) => {
                  event.preventDefault();
                  onShowProblems();
                  focusField(problem.path);
                }}
              >
                {problem.label}
              </a>
              : {problem.message}
            </li>
          ))}
        </ul>
      )}

      <h4>{t('commitment.versions.title')}</h4>
      {listError && <p className="field-problem">{listError}</p>}
      {versions === null && !listError && <p className="loading">{t('commitment.versions.loading')}</p>}
      {versions?.length === 0 && <p className="empty">{t('commitment.versions.empty')}</p>}
      {versions && versions.length > 0 && (
        <ol className="versions" reversed>
          {versions.map((version) => (
            <li key={version.number}>
              <a href={versionPrintPath(mesaId, version.number)} target="_blank" rel="noreferrer">
                {t('commitment.versions.item', { number: version.number })}
              </a>{' '}
              <span className="muted">
                {formatInstant(version.savedAt)} · {versionStageLabel(version.stage)} ·{' '}
                {t('commitment.versions.status', { status: REVIEW_STATUS_LABELS[version.status] })}
              </span>
            </li>
          ))}
        </ol>
      )}

      <StlObservations
        observations={review.observations}
        draft={draft}
        responder={role === 'facilitator' ? { mesaId, token, onAnswered: refresh } : null}
      />
    </section>
  );
}

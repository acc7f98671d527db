import { Link } from 'wouter';
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  THEMES,
  acceptsObservations,
  commitmentFields,
  versionStageLabel,
  type CommitmentField,
  type MesaNotice,
  type StlSession,
} from '@cocrea/shared';
import { formatInstant } from '../../i18n/dates';
import { t } from '../../i18n/t';
import { PATHS } from '../../routes';
import { StlLayout } from '../../ui/StlLayout';
import { CriteriaReview } from './CriteriaReview';
import { ObservationForm } from './ObservationForm';
import { ObservationList } from './ObservationList';
import { ReviewHistory } from './ReviewHistory';
import { StatusActions } from './StatusActions';
import { useReviewEvents } from './useReviewEvents';
import { useReviewedVersion } from './useReviewedVersion';
import { Notices } from '../notices/Notices';
import type { NoticeSource } from '../notices/useNotices';
import { VersionDiff } from './VersionDiff';
import { VersionFields } from './VersionFields';
import { LoadFailure } from '../../ui/LoadFailure';

/** What the STL itself does: its page shows the result, so a corner notice would only echo it. */
const STL_MADE = new Set<MesaNotice['kind']>(['reviewStatus', 'observation', 'plenary']);

interface ReviewVersionPageProps {
  session: StlSession;
  onLoggedOut(): void;
  mesaId: string;
  number: number;
}

/**
 * `/stl/revision/<mesa>/<n>`: one saved version under review. Its status and moves, observations per field, the
 * commitment itself with the criteria, its history, and what changed from another version.
 */
export function ReviewVersionPage({ session, onLoggedOut, mesaId, number }: ReviewVersionPageProps) {
  const { state, reload, refresh, replace } = useReviewedVersion(mesaId, number);
  // Live: the facilitator answering an observation, another reviewer moving the version, a newer version saved.
  const events = useReviewEvents(mesaId, refresh);
  const otherSidesNotices = useCallback<NoticeSource>(
    (listener) => events((notice) => (STL_MADE.has(notice.kind) ? undefined : listener(notice))),
    [events],
  );
  const [path, setPath] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const version = state.status === 'ready' ? state.version : null;
  const fields = useMemo(() => (version ? commitmentFields(version.commitment) : []), [version]);

  const observe = (field: CommitmentField) => {
    setPath(field.path);
    textRef.current?.focus();
  };
  const onObserve = version && acceptsObservations(version.status) ? observe : null;

  return (
    <StlLayout
      title={version ? t('review.version.title', { number, title: version.mesaTitle }) : t('review.version.loading')}
      session={session}
      current="revision"
      onLoggedOut={onLoggedOut}
      className="review-page"
      busy={state.status === 'loading'}
    >
      <Notices source={otherSidesNotices} />
      <p>
        <Link href={PATHS.stlReview}>{t('review.version.back')}</Link>
      </p>
      {state.status === 'loading' && <p className="loading">{t('review.version.loading')}</p>}
      {state.status === 'error' && <LoadFailure message={state.message} onRetry={reload} />}
      {version && (
        <>
          <p className="muted">
            {THEMES[version.commitment.theme]} · {t('review.version.saved', { date: formatInstant(version.savedAt) })} ·{' '}
            {versionStageLabel(version.stage)}
          </p>
          <div className="review-columns">
            <div className="review-main">
              <VersionFields
                fields={fields.filter((f) => !f.path.startsWith('criteria.'))}
                observations={version.observations}
                onObserve={onObserve}
              />
              <CriteriaReview
                commitment={version.commitment}
                fields={fields}
                observations={version.observations}
                onObserve={onObserve}
              />
            </div>
            <div className="review-side">
              <StatusActions version={version} csrfToken={session.csrfToken} onChanged={replace} />
              {onObserve ? (
                <ObservationForm
                  mesaId={mesaId}
                  number={number}
                  csrfToken={session.csrfToken}
                  fields={fields}
                  path={path}
                  onPathChange={setPath}
                  textRef={textRef}
                  onAdded={(o) => replace({ ...version, observations: [...version.observations, o] })}
                />
              ) : (
                <p className="field-hint review-card">{t('review.observations.closed')}</p>
              )}
              <ObservationList observations={version.observations} fields={fields} />
              <ReviewHistory history={version.history} />
              <VersionDiff version={version} />
            </div>
          </div>
        </>
      )}
    </StlLayout>
  );
}

import { useId, useRef, useState } from 'react';
import { REVIEW_TRANSITIONS, type ReviewStatus, type ReviewedVersion } from '@cocrea/shared';
import { ApiFailure } from '../../api/request';
import type { MessageKey } from '../../i18n/es-MX';
import { t } from '../../i18n/t';
import { setReviewStatus } from '../../api/review';
import { StatusBadge } from './StatusBadge';

/** The button that moves a version from `from` to `to`, in the reviewer's words. */
function actionLabel(from: ReviewStatus, to: ReviewStatus): MessageKey {
  if (to === 'en_revision') return from === 'borrador' ? 'review.action.start' : 'review.action.reopen';
  if (to === 'aprobado') return from === 'publicado' ? 'review.action.unpublish' : 'review.action.approve';
  if (to === 'con_observaciones') return 'review.action.return';
  if (to === 'publicado') return 'review.action.publish';
  return 'review.action.backToDraft';
}

/** What to ask before a move whose effect reaches beyond the STL: the public board, or the mesa. */
function confirmation(version: ReviewedVersion, to: ReviewStatus): string | null {
  const params = { number: version.number, title: version.mesaTitle };
  if (to === 'publicado') return t('review.confirm.publish', params);
  if (version.status === 'publicado') return t('review.confirm.unpublish', params);
  if (to === 'con_observaciones' && version.observations.length === 0) return t('review.confirm.returnEmpty', params);
  return null;
}

interface StatusActionsProps {
  version: ReviewedVersion;
  csrfToken: string;
  onChanged(version: ReviewedVersion): void;
}

/** Where the version's review stands and the moves it allows from there (`REVIEW_TRANSITIONS`). */
export function StatusActions({ version, csrfToken, onChanged }: StatusActionsProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  async function move(to: ReviewStatus) {
    const question = confirmation(version, to);
    if (question && !window.confirm(question)) return;
    setBusy(true);
    setFailure(null);
    try {
      const moved = await setReviewStatus(csrfToken, version.mesaId, version.number, version.status, to);
      onChanged(moved);
      setAnnouncement(t('review.status.moved', { number: moved.number, status: moved.status }));
      // The pressed button is gone with the old status: the focus goes to the new status.
      heading.current?.focus();
    } catch (error) {
      setFailure(error instanceof ApiFailure ? error.message : t('error.generic'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="review-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('review.status.title')} <StatusBadge status={version.status} />
      </h2>
      <p className="field-hint">{t(`review.status.hint.${version.status}`)}</p>
      <div className="review-actions">
        {REVIEW_TRANSITIONS[version.status].map((to) => (
          <button
            key={to}
            type="button"
            className={to === 'publicado' || (to === 'aprobado' && version.status === 'en_revision') ? 'primary' : ''}
            disabled={busy}
            onClick={() => void move(to)}
          >
            {t(actionLabel(version.status, to))}
          </button>
        ))}
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}

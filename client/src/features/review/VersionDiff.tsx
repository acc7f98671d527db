import { useEffect, useId, useState } from 'react';
import { diffCommitments, type FieldChange, type ReviewedVersion } from '@cocrea/shared';
import { ApiFailure } from '../../api/request';
import { t } from '../../i18n/t';
import { fetchReviewedVersion } from '../../api/review';
import { useReviewInbox } from './useReviewInbox';

type Comparison =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; from: number; to: number; changes: FieldChange[] };

const KIND_LABELS = {
  changed: 'review.diff.changed',
  added: 'review.diff.added',
  removed: 'review.diff.removed',
} as const;

/** What changed between this version and another of the same mesa, field by field, the older one first. */
export function VersionDiff({ version }: { version: ReviewedVersion }) {
  const { mesaId, number, commitment } = version;
  const id = useId();
  const others = useReviewInbox({ theme: '', mesa: mesaId, status: '' }).state;
  const [other, setOther] = useState('');
  const [comparison, setComparison] = useState<Comparison>({ status: 'none' });

  useEffect(() => {
    if (other === '') return setComparison({ status: 'none' });
    let current = true;
    setComparison({ status: 'loading' });
    fetchReviewedVersion(mesaId, Number(other)).then(
      (fetched) => {
        if (!current) return;
        const shown = { number, commitment };
        const [older, newer] = fetched.number < number ? [fetched, shown] : [shown, fetched];
        const changes = diffCommitments(older.commitment, newer.commitment);
        setComparison({ status: 'ready', from: older.number, to: newer.number, changes });
      },
      (error: unknown) =>
        current &&
        setComparison({ status: 'error', message: error instanceof ApiFailure ? error.message : t('error.generic') }),
    );
    return () => {
      current = false;
    };
  }, [other, mesaId, number, commitment]);

  const choices = others.status === 'ready' ? others.versions.filter((v) => v.number !== number) : [];
  return (
    <section className="review-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('review.diff.title')}</h2>
      {others.status === 'ready' && choices.length === 0 ? (
        <p className="empty">{t('review.diff.only')}</p>
      ) : (
        <>
          <label htmlFor={`${id}-other`}>{t('review.diff.with')}</label>
          <select id={`${id}-other`} value={other} onChange={(e) => setOther(e.target.value)}>
            <option value="">{t('review.diff.choose')}</option>
            {choices.map((v) => (
              <option key={v.number} value={v.number}>
                {t('review.inbox.versionNumber', { number: v.number })}
              </option>
            ))}
          </select>
        </>
      )}
      <div aria-live="polite" aria-busy={comparison.status === 'loading'}>
        {comparison.status === 'loading' && <p className="loading">{t('review.diff.loading')}</p>}
        {comparison.status === 'error' && (
          <p className="form-error" role="alert">
            {comparison.message}
          </p>
        )}
        {comparison.status === 'ready' && comparison.changes.length === 0 && (
          <p className="empty">{t('review.diff.same', { from: comparison.from, to: comparison.to })}</p>
        )}
        {comparison.status === 'ready' && comparison.changes.length > 0 && (
          <div className="table-scroll">
            <table className="review-table diff-table">
              <caption>
                {t('review.diff.caption', {
                  from: comparison.from,
                  to: comparison.to,
                  count: comparison.changes.length,
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('review.diff.field')}</th>
                  <th scope="col">{t('review.diff.before', { number: comparison.from })}</th>
                  <th scope="col">{t('review.diff.after', { number: comparison.to })}</th>
                </tr>
              </thead>
              <tbody>
                {comparison.changes.map((change) => (
                  <tr key={change.path} className={`diff-${change.kind}`}>
                    <th scope="row">
                      {change.label}
                      <br />
                      <span className="muted">{t(KIND_LABELS[change.kind])}</span>
                    </th>
                    <td>{change.kind === 'added' ? '—' : change.before}</td>
                    <td>{change.kind === 'removed' ? '—' : change.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
